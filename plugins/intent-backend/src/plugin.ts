// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { intentPermissions } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  IntentAdminRouteContext,
  intentAdminRoutesExtensionPoint,
  intentCloudProvidersExtensionPoint,
  IntentPlanner,
  intentPlannersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import type { Router } from 'express';
import { DatabaseLockStore, DatabaseSessionStore } from './database';
import { sessionResourceRef, sessionRules } from './permissions';
import { createRouter, SessionService } from './service';
import { CatalogGuardrails } from './service/CatalogGuardrails';
import { CatalogMembership } from './service/membership';
import { plannerWithFallback } from './service/plannerWithFallback';
import { readSettings } from './settings';

function registry<T extends { id: string }>(what: string, initial: T[] = []) {
  const items = new Map(initial.map(item => [item.id, item]));
  return {
    items,
    add(item: T) {
      if (items.has(item.id)) {
        throw new Error(`${what} ${item.id} is already registered`);
      }
      items.set(item.id, item);
    },
    pick(id: string, key: string): T {
      const item = items.get(id);
      if (!item) {
        const installed = [...items.keys()];
        throw new Error(
          installed.length > 0
            ? `${key} is ${id}, but only ${installed.join(', ')} ${
                installed.length === 1 ? 'is' : 'are'
              } installed`
            : `${key} is ${id}, but no ${what.toLowerCase()} is installed: add its backend module (see the README)`,
        );
      }
      return item;
    },
  };
}

/**
 * The intent backend plugin: sessions, planning, guardrails, locked apply and
 * destroy at `/api/intent`.
 *
 * @public
 */
export const intentPlugin = createBackendPlugin({
  pluginId: 'intent',
  register(env) {
    const providers = registry<CloudProvider>('Cloud provider');
    const planners = registry<IntentPlanner>('Planner');
    const adminRoutes: Array<(context: IntentAdminRouteContext) => Router> = [];
    env.registerExtensionPoint(intentCloudProvidersExtensionPoint, {
      addCloudProvider: provider => providers.add(provider),
    });
    env.registerExtensionPoint(intentPlannersExtensionPoint, {
      addPlanner: planner => planners.add(planner),
    });
    env.registerExtensionPoint(intentAdminRoutesExtensionPoint, {
      addAdminRoutes: factory => adminRoutes.push(factory),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, lifecycle } = deps;
        const settings = readSettings(config);
        const store = await DatabaseSessionStore.create({ database });
        const knex = await database.getClient();

        const guardrails = CatalogGuardrails.fromConfig({
          config,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        const provider = providers.pick(settings.provider, 'intent.provider');
        const planner = plannerWithFallback({
          primary: planners.pick(settings.planner, 'intent.planner.default'),
          fallback:
            settings.fallbackPlanner !== undefined
              ? planners.pick(
                  settings.fallbackPlanner,
                  'intent.planner.fallback',
                )
              : undefined,
          logger,
        });

        deps.permissionsRegistry.addResourceType({
          resourceRef: sessionResourceRef,
          permissions: intentPermissions,
          rules: Object.values(sessionRules),
          getResources: refs =>
            Promise.all(refs.map(id => store.findSession({ id }))),
        });

        const sessions = new SessionService({
          store,
          locks: new DatabaseLockStore(knex),
          planner,
          provider,
          guardrails,
          logger,
          operations: settings.operations,
          lifetime: settings.lifetime,
          membership: new CatalogMembership(deps.catalog, deps.auth),
          approvalTtlHours: settings.approvalTtlHours,
          requestApproval: request =>
            deps.notifications.send({
              recipients: {
                type: 'entity',
                entityRef: request.approvers,
                excludeEntityRef: request.requester,
              },
              payload: {
                title: request.title,
                description: request.description,
                link: `/intent/sessions/${request.sessionId}`,
                severity: 'high',
                topic: 'intent-approval',
              },
            }),
          onChange: (sessionId, operationId) => {
            deps.signals
              .publish({
                recipients: { type: 'broadcast' },
                channel: `intent:session:${sessionId}`,
                message: { sessionId, ...(operationId ? { operationId } : {}) },
              })
              .catch(error =>
                logger.warn(`Could not publish a signal: ${error}`),
              );
          },
        });
        lifecycle.addShutdownHook(() => sessions.idle());

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            sessionRuleset:
              deps.permissionsRegistry.getPermissionRuleset(sessionResourceRef),
            auditor: deps.auditor,
            store,
            sessions,
            adminRoutes,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

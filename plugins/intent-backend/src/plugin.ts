// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
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
import { readActionSettings, registerIntentActions } from './actions';
import { DatabaseLockStore, DatabaseSessionStore } from './database';
import { sessionResourceRef, sessionRules } from './permissions';
import { createRouter } from './service';
import { readSettings } from './settings';
import { createSessionService, registry } from './wiring';

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
        userInfo: coreServices.userInfo,
        httpRouter: coreServices.httpRouter,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, database, httpRouter, lifecycle } = deps;
        const settings = readSettings(config);
        const store = await DatabaseSessionStore.create({ database });
        const knex = await database.getClient();

        deps.permissionsRegistry.addResourceType({
          resourceRef: sessionResourceRef,
          permissions: intentPermissions,
          rules: Object.values(sessionRules),
          getResources: refs =>
            Promise.all(refs.map(id => store.findSession({ id }))),
        });

        const created = createSessionService({
          ...deps,
          knex,
          settings,
          store,
          locks: new DatabaseLockStore(knex),
          providers,
          planners,
        });
        const { sessions, recovery, policyWhatIf } = created;
        const sessionLifecycle = created.lifecycle;
        lifecycle.addShutdownHook(() =>
          Promise.all([
            sessions.idle(),
            recovery.idle(),
            sessionLifecycle?.idle(),
          ]).then(() => {}),
        );
        await recovery.initTaskRunner();
        await sessionLifecycle?.initTaskRunners();

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            permissions: deps.permissions,
            sessionRuleset:
              deps.permissionsRegistry.getPermissionRuleset(sessionResourceRef),
            auditor: deps.auditor,
            store,
            sessions,
            adminRoutes,
            policyWhatIf,
            lifecycle: sessionLifecycle,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // The same session service for AI assistants (MCP) and the scaffolder.
        registerIntentActions(deps.actionsRegistry, {
          sessions,
          store,
          auth: deps.auth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          logger: deps.logger,
          sessionRuleset:
            deps.permissionsRegistry.getPermissionRuleset(sessionResourceRef),
          settings: readActionSettings(config),
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
      },
    });
  },
});

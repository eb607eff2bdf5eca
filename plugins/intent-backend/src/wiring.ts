// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from './database';
import { SessionService } from './service';
import { CatalogGuardrails } from './service/CatalogGuardrails';
import { CatalogMembership } from './service/membership';
import { OperationRecovery } from './service/OperationRecovery';
import { PolicyWhatIf } from './service/policyWhatIf';
import { LifecycleService, readLifecycleSettings } from './lifecycle';
import type { Knex } from 'knex';
import { RevisionPlanner } from './service/revisionPlanning';
import { plannerWithFallback } from './service/plannerWithFallback';
import { sessionSignaller } from './service/sessionSignals';
import { IntentSettings } from './settings';

/** What modules register through an extension point, by id. @internal */
export function registry<T extends { id: string }>(
  what: string,
  initial: T[] = [],
) {
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
 * The session service as configured: the default cloud for new sessions
 * (every installed cloud for the sessions made on it), the chosen planner
 * (with its fallback), the catalog's guardrails and group membership,
 * approval requests as notifications and changes as signals; and the job
 * that recovers operations a crash interrupted.
 *
 * @internal
 */
export function createSessionService(options: {
  settings: IntentSettings;
  store: SessionStore;
  locks: LockStore;
  providers: ReturnType<typeof registry<CloudProvider>>;
  planners: ReturnType<typeof registry<IntentPlanner>>;
  config: RootConfigService;
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  notifications: NotificationService;
  signals: SignalsService;
  scheduler?: SchedulerService;
  /** The plugin's database, for the lifecycle jobs; none without it. */
  knex?: Knex;
}): {
  sessions: SessionService;
  recovery: OperationRecovery;
  policyWhatIf: PolicyWhatIf;
  lifecycle?: LifecycleService;
} {
  const { settings, store, planners, config, logger, auth, catalog } = options;
  const planner = plannerWithFallback({
    primary: planners.pick(settings.planner, 'intent.planner.default'),
    fallback:
      settings.fallbackPlanner !== undefined
        ? planners.pick(settings.fallbackPlanner, 'intent.planner.fallback')
        : undefined,
    logger,
  });
  const guardrails = CatalogGuardrails.fromConfig({
    config,
    catalog,
    auth,
    logger,
  });
  const membership = new CatalogMembership(catalog, auth);
  const onChange = sessionSignaller({
    store,
    signals: options.signals,
    logger,
  });
  // Recovery re-checks policy as an apply does, against today's guardrails.
  const revisions = new RevisionPlanner({
    planner,
    guardrails,
    lifetime: settings.lifetime,
  });
  const recovery = new OperationRecovery({
    store,
    locks: options.locks,
    logger,
    operations: settings.operations,
    lifetime: settings.lifetime,
    recovery: settings.recovery,
    providers: options.providers.items,
    recheck: (details, revision) => revisions.recheckPolicy(details, revision),
    scheduler: options.scheduler,
    onChange,
  });
  const sessions = new SessionService({
    store,
    locks: options.locks,
    provider: options.providers.pick(settings.provider, 'intent.provider'),
    providers: options.providers.items,
    planner,
    guardrails,
    logger,
    operations: settings.operations,
    lifetime: settings.lifetime,
    membership,
    approvalTtlHours: settings.approvalTtlHours,
    requestApproval: request =>
      options.notifications.send({
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
    onChange,
  });
  const policyWhatIf = PolicyWhatIf.fromConfig({
    config,
    store,
    catalog,
    membership,
    lifetime: settings.lifetime,
  });
  const lifecycle =
    options.knex &&
    new LifecycleService({
      knex: options.knex,
      store,
      locks: options.locks,
      sessions,
      providers: options.providers.items,
      guardrails,
      lifetime: settings.lifetime,
      operations: settings.operations,
      settings: readLifecycleSettings(config),
      logger,
      notifications: options.notifications,
      scheduler: options.scheduler,
      onChange,
    });
  return { sessions, recovery, policyWhatIf, lifecycle };
}

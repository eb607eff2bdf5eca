// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { planWithRules } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  intentCloudProvidersExtensionPoint,
  IntentPlanner,
  intentPlannersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { DatabaseSessionStore } from './database';
import { SimulatedCloudProvider } from './providers/SimulatedCloudProvider';
import { createRouter, SessionService } from './service';

const rulesPlanner: IntentPlanner = {
  id: 'rules',
  plan: async ({ intent }) => planWithRules(intent),
};

/**
 * The intent backend plugin: sessions, planning and apply at `/api/intent`.
 *
 * @public
 */
export const intentPlugin = createBackendPlugin({
  pluginId: 'intent',
  register(env) {
    const providers = new Map<string, CloudProvider>();
    const planners = new Map<string, IntentPlanner>([['rules', rulesPlanner]]);
    env.registerExtensionPoint(intentCloudProvidersExtensionPoint, {
      addCloudProvider(provider) {
        if (providers.has(provider.id)) {
          throw new Error(
            `Cloud provider ${provider.id} is already registered`,
          );
        }
        providers.set(provider.id, provider);
      },
    });
    env.registerExtensionPoint(intentPlannersExtensionPoint, {
      addPlanner(planner) {
        if (planners.has(planner.id)) {
          throw new Error(`Planner ${planner.id} is already registered`);
        }
        planners.set(planner.id, planner);
      },
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
      },
      async init({
        config,
        logger,
        database,
        httpAuth,
        httpRouter,
        auditor,
        lifecycle,
      }) {
        const store = await DatabaseSessionStore.create({ database });
        if (!providers.has('simulated')) {
          providers.set(
            'simulated',
            new SimulatedCloudProvider(await database.getClient(), {
              bootMillis:
                config.getOptionalNumber('intent.simulated.bootMillis') ?? 1500,
            }),
          );
        }
        const providerId =
          config.getOptionalString('intent.provider') ?? 'simulated';
        const plannerId =
          config.getOptionalString('intent.planner.default') ?? 'rules';
        const provider = providers.get(providerId);
        const planner = planners.get(plannerId);
        if (!provider) {
          throw new Error(
            `intent.provider is ${providerId}, but only ${[
              ...providers.keys(),
            ].join(', ')} are installed`,
          );
        }
        if (!planner) {
          throw new Error(
            `intent.planner.default is ${plannerId}, but only ${[
              ...planners.keys(),
            ].join(', ')} are installed`,
          );
        }

        const sessions = new SessionService({
          store,
          planner,
          provider,
          logger,
          pollMillis: 250,
          readyTimeoutMillis: 120_000,
        });
        lifecycle.addShutdownHook(() => sessions.idle());

        httpRouter.use(
          await createRouter({ httpAuth, auditor, store, sessions }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  intentAdminRoutesExtensionPoint,
  intentCloudProvidersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudProvider } from './cloud';
import { createSimulatedCloudRouter } from './router';

/**
 * Adds the simulated cloud (`simulated`, the embedded default) to the intent
 * backend, with its tables in the plugin's database and its admin routes
 * (`/api/intent/v1/simulated/...`).
 *
 * @public
 */
export const intentModuleSimulatedCloud = createBackendModule({
  pluginId: 'intent',
  moduleId: 'simulated-cloud',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: intentCloudProvidersExtensionPoint,
        adminRoutes: intentAdminRoutesExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
      },
      async init({ providers, adminRoutes, config, database }) {
        const cloud = await SimulatedCloudProvider.create({
          knex: await database.getClient(),
          skipMigrations: database.migrations?.skip,
          options: {
            bootMillis:
              config.getOptionalNumber('intent.simulated.bootMillis') ?? 1500,
            latencyMillis:
              config.getOptionalNumber('intent.simulated.latencyMillis') ?? 0,
          },
        });
        const configured =
          (config.getOptionalString('intent.provider') ?? 'simulated') ===
          'simulated';
        providers.addCloudProvider(cloud);
        adminRoutes.addAdminRoutes(context =>
          createSimulatedCloudRouter({
            cloud: configured ? cloud : undefined,
            context,
          }),
        );
      },
    });
  },
});

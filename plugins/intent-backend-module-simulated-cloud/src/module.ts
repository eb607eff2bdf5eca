// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  intentAdminRoutesExtensionPoint,
  intentCloudProvidersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudProvider } from './cloud';
import { createSimulatedCloudRouter } from './router';

/**
 * A duration in milliseconds (zero allowed) from `key`, else from the
 * deprecated numeric `legacyKey` (milliseconds), else `fallbackMillis`.
 *
 * @internal
 */
export function readMillis(
  config: RootConfigService,
  key: string,
  legacyKey: string,
  fallbackMillis: number,
): number {
  if (!config.has(key)) {
    const old = config.getOptionalNumber(legacyKey) ?? fallbackMillis;
    if (!(old >= 0)) {
      throw new Error(`${legacyKey} must not be negative, got ${old}`);
    }
    return old;
  }
  let millis: number;
  try {
    millis = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new Error(
      `Invalid duration in config at '${key}' (use e.g. '1500ms', '2s' or { seconds: 2 }): ${
        (error as Error).message
      }`,
    );
  }
  if (!(millis >= 0)) {
    throw new Error(
      `Invalid duration in config at '${key}': must not be negative`,
    );
  }
  return millis;
}

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
            bootMillis: readMillis(
              config,
              'intent.simulated.boot',
              'intent.simulated.bootMillis',
              1500,
            ),
            latencyMillis: readMillis(
              config,
              'intent.simulated.latency',
              'intent.simulated.latencyMillis',
              0,
            ),
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

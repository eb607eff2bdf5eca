// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { IntentPolicyProcessor } from './processor';

/**
 * Adds the `IntentPolicy` kind to the catalog. When local promotion is on
 * (`intent.promotion.localGitDirectory`), also lets the catalog API register
 * `file` locations, which is how a portal with no git host registers the
 * components of promoted sessions.
 *
 * @public
 */
export const catalogModuleIntent = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'intent',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, locations, config }) {
        catalog.addProcessor(new IntentPolicyProcessor());
        if (config.has('intent.promotion.localGitDirectory')) {
          locations.setAllowedLocationTypes(['url', 'file']);
        }
      },
    });
  },
});

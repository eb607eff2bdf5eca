// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { IntentPolicyProcessor } from './processor';

/**
 * Adds the `IntentPolicy` kind to the catalog.
 *
 * @public
 */
export const catalogModuleIntent = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'intent',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new IntentPolicyProcessor());
      },
    });
  },
});

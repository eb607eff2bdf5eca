// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createFetchSessionAction } from './actions';

/**
 * Adds the intent sandbox actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleIntent = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'intent',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(createFetchSessionAction({ discovery, auth }));
      },
    });
  },
});

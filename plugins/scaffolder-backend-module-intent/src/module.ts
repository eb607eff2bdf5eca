// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createExportSessionAction,
  createFetchSessionAction,
  createPromoteSessionAction,
  createPublishLocalGitAction,
  createRegisterFileAction,
} from './actions';

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
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, discovery, auth, config, catalog }) {
        scaffolder.addActions(
          createFetchSessionAction({ discovery, auth }),
          createExportSessionAction({ discovery, auth }),
          createPublishLocalGitAction({ config }),
          createRegisterFileAction({ config, catalog }),
          createPromoteSessionAction({ discovery, auth, catalog }),
        );
      },
    });
  },
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { intentPlannersExtensionPoint } from '@intent-sandboxes/backstage-plugin-intent-node';
import { createAnthropicPlannerFromConfig } from './planner';

/**
 * Adds the Anthropic planner (`anthropic`) to the intent backend when
 * `intent.planner.anthropic.apiKey` is configured.
 *
 * @public
 */
export const intentModuleAnthropicPlanner = createBackendModule({
  pluginId: 'intent',
  moduleId: 'anthropic-planner',
  register(reg) {
    reg.registerInit({
      deps: {
        planners: intentPlannersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ planners, config, logger }) {
        const planner = createAnthropicPlannerFromConfig(config, logger);
        if (planner) {
          planners.addPlanner(planner);
        }
      },
    });
  },
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createBackendModule } from '@backstage/backend-plugin-api';
import { intentPlannersExtensionPoint } from '@intent-sandboxes/backstage-plugin-intent-node';
import { RulesPlanner } from './RulesPlanner';

/**
 * Adds the offline rules planner (`rules`) to the intent backend.
 *
 * @public
 */
export const intentModuleRulesPlanner = createBackendModule({
  pluginId: 'intent',
  moduleId: 'rules-planner',
  register(reg) {
    reg.registerInit({
      deps: { planners: intentPlannersExtensionPoint },
      async init({ planners }) {
        planners.addPlanner(new RulesPlanner());
      },
    });
  },
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  IntentPlanner,
  PlannerContext,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { planWithRules, RULES_PLANNER_ID } from './planner';

/**
 * Plans with deterministic rules, offline, in well under a millisecond.
 *
 * @public
 */
export class RulesPlanner implements IntentPlanner {
  readonly id = RULES_PLANNER_ID;

  async plan(options: {
    intent: string;
    current?: Plan;
    context?: PlannerContext;
  }): Promise<PlannerResult> {
    const { intent, current, context } = options;
    return planWithRules({ intent, current, context, now: context?.now });
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CostEstimate,
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  Plan,
  PolicySession,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { BaselineInput, BaselineRule } from '../baseline';

export {
  instance,
  makePlan,
} from '@intent-sandboxes/backstage-plugin-intent-common/testUtils';

export const SESSION: PolicySession = {
  owner: 'user:default/ada',
  team: 'group:default/payments',
  region: 'us-east-1',
  ttlHours: 4,
};

/** Runs one baseline rule with the default limits (overridable) and the plan's real cost. */
export function check(
  rule: BaselineRule,
  plan: Plan,
  overrides: {
    session?: PolicySession;
    cost?: CostEstimate;
    limits?: Partial<BaselineInput['limits']>;
  } = {},
) {
  const { rules: _rules, ...limits } = DEFAULT_BASELINE_CONFIG;
  const cost: CostEstimate = overrides.cost ?? estimateCost(plan);
  return rule.check({
    plan,
    session: overrides.session ?? { ...SESSION, region: plan.region },
    cost,
    limits: { ...limits, ...overrides.limits },
  });
}

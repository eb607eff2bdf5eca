// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CostEstimate, estimateCost } from '../../cost';
import {
  Plan,
  PLAN_FORMAT_VERSION,
  PlanInput,
  PlanResourceInput,
  planSchema,
} from '../../plan';
import { BaselineInput, BaselineRule } from '../baseline';
import { DEFAULT_BASELINE_CONFIG } from '../baselineConfig';
import { PolicySession } from '../session';

/** A validated plan in us-east-1 (unless `extra` says otherwise), defaults filled in. */
export function makePlan(
  resources: PlanResourceInput[],
  extra: Partial<Omit<PlanInput, 'resources'>> = {},
): Plan {
  return planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: 'us-east-1',
    ...extra,
    resources,
  });
}

/** An instance as the planner writes it, with a private IP unless overridden. */
export function instance(
  name: string,
  fields: Partial<Extract<PlanResourceInput, { type: 'aws_instance' }>> = {},
): PlanResourceInput {
  return {
    type: 'aws_instance',
    name,
    instanceType: 't3.micro',
    image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
    associatePublicIp: false,
    ...fields,
  };
}

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

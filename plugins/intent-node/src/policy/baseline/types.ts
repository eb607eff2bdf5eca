// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  BaselineConfig,
  BaselineRuleId,
  CostEstimate,
  IntentPolicyBaselineOverrides,
  Plan,
  PolicySession,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * The limits a baseline rule checks: the baseline config without the rule
 * levels.
 *
 * @public
 */
export type BaselineLimits = Omit<BaselineConfig, 'rules'>;

/** What a baseline rule looks at. @public */
export interface BaselineInput {
  plan: Plan;
  session: PolicySession;
  cost: CostEstimate;
  limits: BaselineLimits;
}

/** One place where a plan breaks a baseline rule. @public */
export interface BaselineViolation {
  address?: string;
  field?: string;
  message: string;
  fix: string;
  /** The checks this violation matches, when only some of the rule's do. */
  checkIds?: string[];
}

/**
 * A built-in baseline rule: a pure function of the plan, the session and the
 * cost estimate, with the ids of the Checkov and Trivy checks it follows.
 *
 * @public
 */
export interface BaselineRule {
  id: BaselineRuleId;
  title: string;
  checkIds: string[];
  /** The limit the rule checks, when it has one; a policy may tighten it. */
  limit?: Exclude<
    keyof BaselineLimits & keyof IntentPolicyBaselineOverrides,
    'rules'
  >;
  check(input: BaselineInput): BaselineViolation[];
}

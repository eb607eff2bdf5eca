// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  RevisionCost,
  RevisionPolicy,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** The session facts policy may look at. @internal */
export interface PolicySubject {
  owner: string;
  team: string | null;
  /**
   * Every group the owner is a member of (catalog `memberOf`): a policy
   * scoped to teams applies when any of them, or `team`, is listed.
   */
  groups?: string[];
  region: string;
  ttlHours: number;
}

/**
 * Policy verdict and cost of a plan. Evaluated on the validated plan only,
 * never by the planner; an evaluation that cannot complete must return a
 * `deny` finding that says why (fail closed), never throw past this seam.
 *
 * @internal
 */
export interface Guardrails {
  evaluate(options: { plan: Plan; subject: PolicySubject }): Promise<{
    policy: RevisionPolicy;
    cost: RevisionCost;
  }>;
  /**
   * The guardrails as they are now, read once: a summary for the planner's
   * prompt and the evaluation of the plan it returns.
   */
  load?(): Promise<GuardrailSnapshot>;
}

/** The guardrails read once, for one planning request. @internal */
export interface GuardrailSnapshot {
  /** What the guardrails check, in plain lines (for a planner's prompt). */
  summary(): string;
  evaluate: Guardrails['evaluate'];
}

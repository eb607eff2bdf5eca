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
 * The guardrails of the portal. `load` reads them as they are now, once per
 * request: a summary for the planner's prompt and the evaluation of plans.
 *
 * @internal
 */
export interface Guardrails {
  load(): Promise<GuardrailSnapshot>;
}

/**
 * The guardrails read once. `evaluate` gives the policy verdict and cost of
 * a validated plan (never the planner's opinion); an evaluation that cannot
 * complete must return a `deny` finding that says why (fail closed), never
 * throw past this seam.
 *
 * @internal
 */
export interface GuardrailSnapshot {
  /** What the guardrails check, in plain lines (for a planner's prompt). */
  summary(): string;
  evaluate(options: { plan: Plan; subject: PolicySubject }): Promise<{
    policy: RevisionPolicy;
    cost: RevisionCost;
  }>;
}

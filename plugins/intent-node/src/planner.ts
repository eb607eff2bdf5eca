// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Facts about the request a planner may use.
 *
 * @public
 */
export interface PlannerContext {
  /**
   * The requester's IP address as the backend saw it, so that "ssh from my
   * IP" can be planned. Without it the planner asks.
   */
  clientIp?: string;
  /** The current time, for "until Friday"; defaults to now. */
  now?: Date;
  /**
   * The guardrails that will judge the plan, in plain lines (see
   * `summarizeGuardrails`), so a planner can steer clear of a deny.
   * Informational only: policy always runs on the validated plan.
   */
  guardrails?: string;
}

/**
 * Turns an intent (and the session's current plan, for a follow-up) into a
 * plan. The result is validated again by the backend before anything uses it.
 *
 * @public
 */
export interface IntentPlanner {
  /** Referenced by `intent.planner.default` in app-config, e.g. `rules`. */
  readonly id: string;
  plan(options: {
    intent: string;
    /** For a follow-up: the session's latest plan. */
    current?: Plan;
    context?: PlannerContext;
  }): Promise<PlannerResult>;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Turns an intent (and the session's current plan, for a follow-up) into a
 * plan. The result is validated again by the backend before anything uses it.
 *
 * @public
 */
export interface IntentPlanner {
  /** Referenced by `intent.planner.default` in app-config, e.g. `rules`. */
  readonly id: string;
  plan(options: { intent: string; current?: Plan }): Promise<PlannerResult>;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';

/**
 * One planning request: the intent and, for a follow-up, the session's
 * current plan.
 *
 * @public
 */
export interface PlanRequest {
  intent: string;
  /** The session's current plan; the result is the whole new plan. */
  current?: Plan;
  context?: PlannerContext;
  /** The time relative expiries ("until Friday") are read against. */
  now?: Date;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from './schema';

/**
 * Something a planner decided on the requester's behalf, said out loud.
 *
 * @public
 */
export interface PlanAssumption {
  /** What was decided, e.g. `region` or `aws_instance.sandbox.image`. */
  field: string;
  /** The value chosen. */
  value: string;
  /** Why, in words a requester understands. */
  reason: string;
}

/**
 * What any planner returns: a validated plan and what it could not decide.
 *
 * @public
 */
export interface PlannerResult {
  /** Identifies the planner that produced the result, e.g. `rules`. */
  planner: string;
  plan: Plan;
  assumptions: PlanAssumption[];
  /** What the planner could not decide and asks instead of guessing. */
  questions: string[];
  /** Parts of the request that are not resources (never silently dropped). */
  outOfScope: string[];
  /**
   * For a follow-up against a current plan: the change the planner
   * understood, in words (`aws_instance.web: t3.micro → t3.large; ...`).
   */
  modification?: string;
}

/** Longest intent text accepted, in characters. @public */
export const MAX_INTENT_LENGTH = 2000;

/**
 * Checks an intent text before any planner sees it. Returns a message a person
 * can act on, or `undefined` when the text is acceptable.
 *
 * @public
 */
export function validateIntentText(intent: unknown): string | undefined {
  if (typeof intent !== 'string' || intent.trim().length === 0) {
    return 'Describe what you need, for example "a t3.micro with Ubuntu 24.04 for 4 hours"';
  }
  if (intent.length > MAX_INTENT_LENGTH) {
    return `The intent is ${intent.length} characters long; keep it under ${MAX_INTENT_LENGTH} and describe one sandbox at a time`;
  }
  return undefined;
}

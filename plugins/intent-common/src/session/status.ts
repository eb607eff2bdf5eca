// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionStatus } from '../api';

/**
 * Every allowed session transition, written once. Anything not listed is
 * refused with the current state.
 *
 * - `draft`: the planner had questions, nothing to apply yet.
 * - `planned`: the latest revision is proposed and waits for apply.
 * - `active`: the latest revision is applied and runs.
 * - `failed`: an apply or destroy failed part-way; retry, re-plan or destroy.
 * - `destroyed` / `expired` (destroyed by the TTL reaper) / `promoted`: final.
 *
 * @public
 */
export const SESSION_TRANSITIONS: Readonly<
  Record<SessionStatus, readonly SessionStatus[]>
> = {
  draft: ['draft', 'planned', 'destroying'],
  planned: ['draft', 'planned', 'applying', 'destroying'],
  // applying → applying and destroying → destroying: an operation whose
  // holder crashed (its lease expired) is resumed by the next one.
  applying: ['applying', 'active', 'failed'],
  active: ['planned', 'destroying', 'promoted'],
  failed: ['draft', 'planned', 'applying', 'destroying'],
  destroying: ['destroying', 'destroyed', 'expired', 'failed'],
  destroyed: [],
  expired: [],
  promoted: [],
};

/** @public */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}

/** Every state from which `to` may be reached. @public */
export function statesLeadingTo(to: SessionStatus): SessionStatus[] {
  return (Object.keys(SESSION_TRANSITIONS) as SessionStatus[]).filter(from =>
    canTransition(from, to),
  );
}

/** True when nothing can happen to a session any more. @public */
export function isFinalStatus(status: SessionStatus): boolean {
  return SESSION_TRANSITIONS[status].length === 0;
}

/**
 * The statuses of sessions that have not ended, which may hold cloud
 * resources (a follow-up moves an active session back to `planned`, a
 * re-plan a failed one to `draft`): the `live` filter of the session list.
 *
 * @public
 */
export const LIVE_SESSION_STATUSES: readonly SessionStatus[] = (
  Object.keys(SESSION_TRANSITIONS) as SessionStatus[]
).filter(status => !isFinalStatus(status));

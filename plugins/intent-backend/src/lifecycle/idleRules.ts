// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionIdleState } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { IdleCandidate } from '../database/DatabaseLifecycleStore';
import type { IdleRule } from './settings';

// What the idle rule does with one session: pure, like the expiry rules.

/** Sessions in these statuses are destroyed when idle too long. */
const DESTROYABLE = new Set(['draft', 'planned', 'active', 'failed']);

/**
 * The key of the idle warning about the quiet spell that began at
 * `lastActivityAt`: any activity starts a new spell, which is warned of
 * again, once.
 */
export function idleNotice(lastActivityAt: string): string {
  return `idle-warning:${lastActivityAt}`;
}

/**
 * When the session is warned and when it is destroyed unless something
 * happens. The destroy never comes sooner than the grace the rule gives
 * after the warning (`destroyAfter - warnAfter`): a session found idle for
 * days (the rule was just switched on) is warned first, not destroyed at once.
 */
export function idleTimes(
  lastActivityAt: string,
  warnedAt: string | null,
  rule: IdleRule,
): { warnAt: string; destroyAt: string } {
  const since = new Date(lastActivityAt).getTime();
  const grace = rule.destroyAfterMillis - rule.warnAfterMillis;
  const destroyAt = Math.max(
    since + rule.destroyAfterMillis,
    warnedAt === null ? 0 : new Date(warnedAt).getTime() + grace,
  );
  return {
    warnAt: new Date(since + rule.warnAfterMillis).toISOString(),
    destroyAt: new Date(destroyAt).toISOString(),
  };
}

/** Whether the idle rule can act on the session at all. */
export function subjectToIdleRule(candidate: {
  session: IdleCandidate['session'];
  exempt: boolean;
}): boolean {
  const { session } = candidate;
  return (
    !candidate.exempt &&
    session.promotedTo === null &&
    !['promoted', 'expired', 'destroyed'].includes(session.status)
  );
}

/** The idle state shown with the session; null when the rule cannot act on it. */
export function idleState(
  candidate: Pick<
    IdleCandidate,
    'session' | 'exempt' | 'lastActivityAt' | 'idleWarnedAt'
  >,
  rule: IdleRule | null,
): SessionIdleState | null {
  if (!rule || !subjectToIdleRule(candidate)) {
    return null;
  }
  return {
    lastActivityAt: candidate.lastActivityAt,
    warnedAt: candidate.idleWarnedAt,
    ...idleTimes(candidate.lastActivityAt, candidate.idleWarnedAt, rule),
  };
}

/** What the sweep does with an idle candidate now. */
export type IdleDecision =
  | { action: 'none' }
  | { action: 'warn'; notice: string; destroyAt: string }
  | {
      action: 'destroy';
      /** The failed destroy before this attempt, to report; none on the first. */
      failed: { id: string; error: string | null } | null;
    }
  | { action: 'wait'; until: string };

export function decideIdle(
  candidate: IdleCandidate,
  rule: IdleRule,
  now: number,
): IdleDecision {
  const state = idleState(candidate, rule);
  if (!state || new Date(state.warnAt).getTime() > now) {
    return { action: 'none' };
  }
  if (state.warnedAt === null) {
    // Warned now, destroyed a full grace later at the earliest.
    return {
      action: 'warn',
      notice: idleNotice(state.lastActivityAt),
      destroyAt: idleTimes(
        state.lastActivityAt,
        new Date(now).toISOString(),
        rule,
      ).destroyAt,
    };
  }
  if (new Date(state.destroyAt).getTime() > now) {
    return { action: 'none' };
  }
  if (!DESTROYABLE.has(candidate.session.status)) {
    return { action: 'none' }; // applying or destroying: the next sweep sees it
  }
  if (
    candidate.nextAttemptAt !== null &&
    new Date(candidate.nextAttemptAt).getTime() > now
  ) {
    return { action: 'wait', until: candidate.nextAttemptAt };
  }
  return { action: 'destroy', failed: candidate.failedDestroy };
}

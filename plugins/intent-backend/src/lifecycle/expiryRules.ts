// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ExpiryCandidate } from '../database/DatabaseLifecycleStore';

// What the expiry sweep does with one session: pure, so that every rule is
// tested without a clock or a database.

/** Sessions in these statuses are destroyed at expiry. */
const DESTROYABLE = new Set(['draft', 'planned', 'active', 'failed']);

/** A human duration for messages and notice keys, e.g. `24h`, `90m`. */
export function formatLead(millis: number): string {
  if (millis % 3_600_000 === 0) {
    return `${millis / 3_600_000}h`;
  }
  if (millis % 60_000 === 0) {
    return `${millis / 60_000}m`;
  }
  return `${Math.round(millis / 1000)}s`;
}

/**
 * The key of the warning sent `leadMillis` before an expiry. The expiry is in
 * the key: an extension moves it, so the warnings of the new expiry are sent
 * again, each once.
 */
export function warningNotice(leadMillis: number, expiresAt: string): string {
  return `expiry-warning:${formatLead(leadMillis)}:${expiresAt}`;
}

/**
 * The warnings due now: only the shortest lead time whose window has begun
 * (a session created 30 minutes before its expiry gets the 1 h warning,
 * not the 24 h one as well), and none once it expired.
 */
export function dueWarning(
  expiresAt: string,
  leadsMillis: number[],
  now: number,
): number | undefined {
  const left = new Date(expiresAt).getTime() - now;
  if (left <= 0) {
    return undefined;
  }
  const begun = leadsMillis.filter(lead => left <= lead);
  return begun.length > 0 ? Math.min(...begun) : undefined;
}

/** Wait before expiry destroy attempt `attempts + 1`: doubles, capped. */
export function backoffMillis(
  attempts: number,
  baseMillis: number,
  maxMillis: number,
): number {
  return Math.min(maxMillis, baseMillis * 2 ** Math.max(0, attempts - 1));
}

/** What the sweep does with an expiry candidate now. */
export type ExpiryDecision =
  | { action: 'none' }
  | { action: 'warn'; leadMillis: number }
  | {
      action: 'destroy';
      /** The failed destroy before this attempt, to report; none on the first. */
      failed: { id: string; error: string | null } | null;
    }
  | { action: 'wait'; until: string };

export function decideExpiry(
  candidate: ExpiryCandidate,
  leadsMillis: number[],
  now: number,
): ExpiryDecision {
  const { session } = candidate;
  if (
    candidate.exempt ||
    session.expiresAt === null ||
    session.promotedTo !== null ||
    session.status === 'promoted'
  ) {
    return { action: 'none' };
  }
  if (new Date(session.expiresAt).getTime() > now) {
    const lead = dueWarning(session.expiresAt, leadsMillis, now);
    return lead === undefined
      ? { action: 'none' }
      : { action: 'warn', leadMillis: lead };
  }
  if (!DESTROYABLE.has(session.status)) {
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  isFinalStatus,
  Session,
  SESSION_TRANSITIONS,
  SessionListScope,
  SessionListStatus,
  SessionStatus,
  SessionSummary,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** The status filter's choices: `live` first, then every status. */
export const STATUS_FILTERS: SessionListStatus[] = [
  'live',
  ...(Object.keys(SESSION_TRANSITIONS) as SessionStatus[]),
];

export const SCOPE_LABELS: Record<SessionListScope, string> = {
  mine: 'Mine',
  team: "My team's",
  all: 'All',
};

/** Everyone sees their own and their team's; only admins all. */
export function scopesFor(isAdmin: boolean): SessionListScope[] {
  return isAdmin ? ['mine', 'team', 'all'] : ['mine', 'team'];
}

/** "3 h 20 min left", "12 min left", "expired", or undefined when it does not expire. */
export function timeLeft(session: Session, now: number): string | undefined {
  if (!session.expiresAt || isFinalStatus(session.status)) {
    return undefined;
  }
  const ms = Date.parse(session.expiresAt) - now;
  if (ms <= 0) {
    return 'expired';
  }
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) {
    return `${Math.floor(hours / 24)} days left`;
  }
  return hours > 0
    ? `${hours} h ${minutes % 60} min left`
    : `${minutes} min left`;
}

/** "$12.34"; costs under a cent show as "<$0.01". */
export function formatUsd(usd: number): string {
  if (usd > 0 && usd < 0.01) {
    return '<$0.01';
  }
  return `$${usd.toFixed(2)}`;
}

/** "$1.50 so far · $7.59/month", either part alone, or "—". */
export function costText(session: SessionSummary): string {
  const parts = [
    session.accruedCostUsd !== undefined
      ? `${formatUsd(session.accruedCostUsd)} so far`
      : undefined,
    session.monthlyCostUsd !== null
      ? `${formatUsd(session.monthlyCostUsd)}/month`
      : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

/** "21–40 of 45": the rows a page shows. */
export function pageRange(
  offset: number,
  pageSize: number,
  totalCount: number,
): string {
  return `${offset + 1}–${Math.min(
    offset + pageSize,
    totalCount,
  )} of ${totalCount}`;
}

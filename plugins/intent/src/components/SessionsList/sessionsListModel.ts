// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  isFinalStatus,
  Session,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * A session as the list shows it. A run-rate and a drift summary are shown
 * when a backend sends them; until then they are absent.
 */
export type ListedSession = Session & {
  monthlyCostUsd?: number;
  drift?: { drifted: boolean | unknown[] } | boolean | null;
};

export type Scope = 'mine' | 'team' | 'all';

export interface Viewer {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

export function inScope(
  session: Session,
  scope: Scope,
  viewer: Viewer,
): boolean {
  if (scope === 'mine') {
    return session.owner === viewer.userEntityRef;
  }
  if (scope === 'team') {
    // Teammates' sessions: mine are under "Mine".
    return (
      session.owner !== viewer.userEntityRef &&
      session.team !== null &&
      session.team !== viewer.userEntityRef &&
      viewer.ownershipEntityRefs.includes(session.team)
    );
  }
  return true;
}

/**
 * Whether the viewer sees sessions beyond their own and their teams' (the
 * permission policy lets only platform admins): then the list offers "All".
 */
export function seesBeyondOwnTeams(
  sessions: Session[],
  viewer: Viewer,
): boolean {
  return sessions.some(
    s => !inScope(s, 'mine', viewer) && !inScope(s, 'team', viewer),
  );
}

export function matchesFilter(
  session: Session,
  filter: { status?: SessionStatus | 'live'; search?: string },
): boolean {
  if (filter.status === 'live' && isFinalStatus(session.status)) {
    return false;
  }
  if (
    filter.status &&
    filter.status !== 'live' &&
    session.status !== filter.status
  ) {
    return false;
  }
  const search = filter.search?.trim().toLowerCase();
  if (!search) {
    return true;
  }
  return [session.title, session.owner, session.team ?? '', session.id].some(
    field => field.toLowerCase().includes(search),
  );
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

export function isDrifted(session: ListedSession): boolean {
  const drift = session.drift;
  if (typeof drift === 'boolean') {
    return drift;
  }
  if (!drift) {
    return false;
  }
  return Array.isArray(drift.drifted)
    ? drift.drifted.length > 0
    : Boolean(drift.drifted);
}

/** "$12.34"; costs under a cent show as "<$0.01". */
export function formatUsd(usd: number): string {
  if (usd > 0 && usd < 0.01) {
    return '<$0.01';
  }
  return `$${usd.toFixed(2)}`;
}

/**
 * The monthly run-rate of sessions that hold resources: the sum of the
 * monthly cost of their applied plans (`monthly` by session id).
 */
export function runRate(
  sessions: Session[],
  monthly: Record<string, number>,
): number {
  return sessions
    .filter(s => ['active', 'applying', 'failed'].includes(s.status))
    .reduce((sum, s) => sum + (monthly[s.id] ?? 0), 0);
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  PLAN_FORMAT_VERSION,
  planSchema,
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionLockedError } from './errors';

const TITLE_LENGTH = 80;

/** Session lifetimes, from config. @internal */
export interface LifetimeSettings {
  defaultTtlHours: number;
  maxTtlHours: number;
}

/** Who asks. @internal */
export interface Actor {
  userEntityRef: string;
  /** The client's IP, for "ssh from my IP". */
  clientIp?: string;
}

/** A session's title: the first line of its first intent, shortened. */
export function titleOf(intent: string): string {
  const firstLine = intent.split('\n')[0].trim();
  return firstLine.length <= TITLE_LENGTH
    ? firstLine
    : `${firstLine.slice(0, TITLE_LENGTH - 1)}\u2026`;
}

export function latest(revisions: Revision[]): Revision {
  return revisions[revisions.length - 1];
}

/**
 * The region what runs now runs in: that of the resource rows when they
 * agree on one, else of the last revision an apply succeeded or failed
 * with, else the session's. A follow-up that moves the session only
 * proposes a region; it is not where the resources are.
 */
export function appliedRegion(details: SessionDetails): string {
  const rowRegions = new Set(details.resources.map(r => r.region));
  const [rowRegion] = rowRegions;
  if (rowRegions.size === 1 && rowRegion) {
    return rowRegion;
  }
  const ran = details.revisions.filter(
    r => r.status === 'applied' || r.status === 'failed',
  );
  return ran.length > 0 ? latest(ran).plan.region : details.session.region;
}

/** The plan of what runs now, from the resource table (the truth after partial applies). */
export function appliedPlan(details: SessionDetails): Plan | null {
  if (details.resources.length === 0) {
    return null;
  }
  return planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: appliedRegion(details),
    resources: details.resources.map(r => r.desired),
  });
}

/** The lifetime a plan asks for, in hours. */
export function lifetimeHours(plan: Plan, lifetime: LifetimeSettings): number {
  return plan.ttlHours ?? lifetime.defaultTtlHours;
}

/**
 * The lifetime an apply of `revision` starts, in hours from when it
 * succeeds; undefined when it keeps the lifetime in force (that of the last
 * applied revision, else of the first, which set the expiry at creation), so
 * an unrelated change never undoes an extension.
 */
export function newLifetimeHours(
  details: SessionDetails,
  revision: Revision,
  lifetime: LifetimeSettings,
): number | undefined {
  const applied = details.revisions.filter(r => r.status === 'applied');
  const inForce = applied.length > 0 ? latest(applied) : details.revisions[0];
  const hours = lifetimeHours(revision.plan, lifetime);
  return hours === lifetimeHours(inForce.plan, lifetime) ? undefined : hours;
}

/** A live lock means another operation runs: say whose. */
export function assertUnlocked(
  details: Pick<SessionDetails, 'lock' | 'session'>,
) {
  const { lock, session } = details;
  if (lock) {
    throw new SessionLockedError(session.id, lock);
  }
}

/** The addresses (with cloud ids where known) an operation deletes, in one line. */
export function describeDestruction(
  details: SessionDetails,
  addresses: string[],
): string {
  return addresses
    .map(address => {
      const row = details.resources.find(r => r.address === address);
      return row?.cloudId ? `${address} (${row.cloudId})` : address;
    })
    .join(', ');
}

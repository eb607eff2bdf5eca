// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  accruedCostUsd,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** What the session has cost since it was first applied, and from when. */
export interface Accrued {
  usd: number;
  since: string;
  /** true when the backend reported it; false when estimated here. */
  reported: boolean;
}

/**
 * The cost accrued so far: the backend's figure when it sends one
 * (`accruedCostUsd` on the session); otherwise the same estimate made here
 * (each applied revision's hourly price times the hours it ran). Undefined
 * when nothing was ever applied.
 */
export function accruedCost(
  details: SessionDetails,
  now: number,
): Accrued | undefined {
  const since = details.operations
    .filter(o => o.kind === 'apply' && o.status === 'succeeded' && o.finishedAt)
    .map(o => o.finishedAt!)
    .sort()[0];
  const reported = details.session.accruedCostUsd;
  if (reported !== undefined) {
    return {
      usd: reported,
      since: since ?? details.session.createdAt,
      reported: true,
    };
  }
  if (!since) {
    return undefined;
  }
  return {
    usd: accruedCostUsd(details.revisions, details.operations, new Date(now)),
    since,
    reported: false,
  };
}

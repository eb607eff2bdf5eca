// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  accruedCostUsd,
  CostEstimate,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { formatUsd } from '../SessionsList/sessionsListModel';

type CostRow = CostEstimate['perResource'][number];

/** One bar's figure, as its label and the table show it. */
export function formatHourly(usd: number): string {
  return `${formatUsd(usd)}/hour`;
}

/**
 * The description of the chart image that a screen reader reads after its
 * name: every bar's resource and figure, the dearest first.
 */
export function describeCostChart(rows: readonly CostRow[]): string {
  const bars = [...rows]
    .sort((a, b) => b.hourlyUsd - a.hourlyUsd)
    .map(row => `${row.address} ${formatHourly(row.hourlyUsd)}`);
  return `${bars.join(', ')}.`;
}

/** Pixels per bar and for the chart's margins. */
const ROW_HEIGHT = 36;
const PADDING = 16;
/** Roughly the width of one character of the axis labels, in pixels. */
const CHAR_WIDTH = 7.5;

/**
 * The chart's height (a bar per resource) and the width of the resource
 * axis: wide enough for the longest address, at most 240 pixels.
 */
export function costChartLayout(rows: readonly CostRow[]): {
  height: number;
  axisWidth: number;
} {
  const longest = Math.max(0, ...rows.map(row => row.address.length));
  return {
    height: rows.length * ROW_HEIGHT + PADDING,
    axisWidth: Math.min(240, Math.ceil(longest * CHAR_WIDTH) + 12),
  };
}

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
  // The backend reports $0 for a session never applied: nothing accrued yet.
  if (!since && !reported) {
    return undefined;
  }
  if (reported !== undefined) {
    return {
      usd: reported,
      since: since ?? details.session.createdAt,
      reported: true,
    };
  }
  return {
    usd: accruedCostUsd(details.revisions, details.operations, new Date(now)),
    since: since!,
    reported: false,
  };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/** What {@link accruedCostUsd} needs of an operation. @public */
export interface AccruedCostOperation {
  kind: 'apply' | 'destroy';
  revisionSeq: number | null;
  status: 'running' | 'succeeded' | 'failed' | 'aborted';
  finishedAt: string | null;
}

/** What {@link accruedCostUsd} needs of a revision. @public */
export interface AccruedCostRevision {
  seq: number;
  cost: { hourlyUsd: number };
}

/** One applied revision and how long it ran. @public */
export interface LivePeriod {
  seq: number;
  hourlyUsd: number;
  from: string;
  /** Null while it still runs. */
  to: string | null;
}

/**
 * When each applied revision ran: from the end of its successful apply until
 * the next successful apply or destroy. A failed destroy ends nothing (what
 * it did not delete still costs); failed and aborted applies change nothing
 * (the revision before keeps running, as far as the estimate knows).
 *
 * @public
 */
export function livePeriods(
  revisions: AccruedCostRevision[],
  operations: AccruedCostOperation[],
): LivePeriod[] {
  const hourly = new Map(revisions.map(r => [r.seq, r.cost.hourlyUsd]));
  const ended = operations
    .filter(o => o.status === 'succeeded' && o.finishedAt !== null)
    .sort(
      (a, b) =>
        new Date(a.finishedAt!).getTime() - new Date(b.finishedAt!).getTime(),
    );
  const periods: LivePeriod[] = [];
  let current: LivePeriod | undefined;
  for (const operation of ended) {
    if (current) {
      current.to = operation.finishedAt;
      periods.push(current);
      current = undefined;
    }
    if (operation.kind === 'apply' && operation.revisionSeq !== null) {
      current = {
        seq: operation.revisionSeq,
        hourlyUsd: hourly.get(operation.revisionSeq) ?? 0,
        from: operation.finishedAt!,
        to: null,
      };
    }
  }
  if (current) {
    periods.push(current);
  }
  return periods;
}

/**
 * The cost a session accrued until `now`: each applied revision's estimated
 * hourly cost times the hours it ran, rounded to the cent's hundredth.
 *
 * @public
 */
export function accruedCostUsd(
  revisions: AccruedCostRevision[],
  operations: AccruedCostOperation[],
  now: Date = new Date(),
): number {
  const total = livePeriods(revisions, operations).reduce((sum, period) => {
    const from = new Date(period.from).getTime();
    const to = period.to ? new Date(period.to).getTime() : now.getTime();
    return sum + (period.hourlyUsd * Math.max(0, to - from)) / 3_600_000;
  }, 0);
  return Math.round(total * 10_000) / 10_000;
}

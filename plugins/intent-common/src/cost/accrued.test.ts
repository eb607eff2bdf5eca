// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { accruedCostUsd, livePeriods } from './accrued';

const revisions = [
  { seq: 1, cost: { hourlyUsd: 0.01 } },
  { seq: 2, cost: { hourlyUsd: 0.1 } },
];
const at = (hours: number) =>
  new Date(Date.UTC(2026, 11, 1) + hours * 3_600_000).toISOString();

describe('accruedCostUsd', () => {
  it('charges each applied revision for the hours it ran, until destroyed', () => {
    const operations = [
      { kind: 'apply', revisionSeq: 1, status: 'succeeded', finishedAt: at(0) },
      { kind: 'apply', revisionSeq: 2, status: 'failed', finishedAt: at(1) },
      { kind: 'apply', revisionSeq: 2, status: 'succeeded', finishedAt: at(2) },
      {
        kind: 'destroy',
        revisionSeq: null,
        status: 'failed',
        finishedAt: at(3),
      },
      {
        kind: 'destroy',
        revisionSeq: null,
        status: 'succeeded',
        finishedAt: at(5),
      },
    ] as const;
    expect(livePeriods(revisions, [...operations])).toEqual([
      { seq: 1, hourlyUsd: 0.01, from: at(0), to: at(2) },
      { seq: 2, hourlyUsd: 0.1, from: at(2), to: at(5) },
    ]);
    // 2 h × 0.01 + 3 h × 0.1, whatever "now" is after the destroy
    expect(accruedCostUsd(revisions, [...operations], new Date(at(100)))).toBe(
      0.32,
    );
  });

  it('keeps counting while the latest revision runs', () => {
    const operations = [
      {
        kind: 'apply' as const,
        revisionSeq: 2,
        status: 'succeeded' as const,
        finishedAt: at(0),
      },
      {
        kind: 'apply' as const,
        revisionSeq: 1,
        status: 'running' as const,
        finishedAt: null,
      },
    ];
    expect(accruedCostUsd(revisions, operations, new Date(at(1.5)))).toBe(0.15);
  });

  it('is zero for a session that never ran', () => {
    expect(accruedCostUsd(revisions, [], new Date(at(10)))).toBe(0);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { OperationStep } from '@intent-sandboxes/backstage-plugin-intent-common';

/** One row of the operation log: a step, however many entries it logged. */
export interface StepRow {
  step: string;
  state: 'running' | 'succeeded' | 'failed' | 'skipped' | 'interrupted';
  cloudId: string | null;
  message: string | null;
  startedAt: string;
  /** null while the step runs. */
  durationMs: number | null;
}

/**
 * Folds the step log (a `started` entry, then a `succeeded`, `failed` or
 * `skipped` one) into one row per step, in the order the steps started. A
 * step that never finished is `running` while its operation runs and
 * `interrupted` once the operation ended.
 */
export function toStepRows(
  steps: OperationStep[],
  operationRunning: boolean,
): StepRow[] {
  const rows = new Map<string, StepRow>();
  for (const entry of steps) {
    const row = rows.get(entry.step);
    if (!row || (entry.status === 'started' && row.state !== 'running')) {
      // A retried step starts over: its new attempt is what counts.
      rows.set(entry.step, {
        step: entry.step,
        state: entry.status === 'started' ? 'running' : entry.status,
        cloudId: entry.cloudId,
        message: entry.message,
        startedAt: entry.at,
        durationMs: entry.status === 'started' ? null : 0,
      });
      continue;
    }
    if (entry.status === 'started') {
      continue;
    }
    row.state = entry.status;
    row.cloudId = entry.cloudId ?? row.cloudId;
    row.message = entry.message ?? row.message;
    row.durationMs = Math.max(
      0,
      Date.parse(entry.at) - Date.parse(row.startedAt),
    );
  }
  return [...rows.values()].map(row =>
    row.state === 'running' && !operationRunning
      ? { ...row, state: 'interrupted' }
      : row,
  );
}

/** "850 ms", "3.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

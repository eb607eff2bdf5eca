// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { OperationStep } from '@intent-sandboxes/backstage-plugin-intent-common';
import { formatDuration, toStepRows } from './stepRows';

const step = (
  name: string,
  status: OperationStep['status'],
  at: string,
  extra: Partial<OperationStep> = {},
): OperationStep => ({
  step: name,
  status,
  cloudId: null,
  message: null,
  at: `2026-11-25T00:00:${at}Z`,
  ...extra,
});

describe('toStepRows', () => {
  it('folds started and finished entries into one row per step, in start order', () => {
    const rows = toStepRows(
      [
        step('create:aws_security_group.sg', 'started', '00.000'),
        step('create:aws_security_group.sg', 'succeeded', '00.250', {
          cloudId: 'sg-1',
        }),
        step('create:aws_instance.web', 'started', '00.300'),
        step('create:aws_instance.web', 'failed', '02.800', {
          message: 'InsufficientInstanceCapacity',
        }),
      ],
      false,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        step: 'create:aws_security_group.sg',
        state: 'succeeded',
        cloudId: 'sg-1',
        durationMs: 250,
      }),
      expect.objectContaining({
        step: 'create:aws_instance.web',
        state: 'failed',
        message: 'InsufficientInstanceCapacity',
        durationMs: 2500,
      }),
    ]);
  });

  it('shows an unfinished step as running, or interrupted once the operation ended', () => {
    const steps = [step('create:aws_instance.web', 'started', '00.000')];
    expect(toStepRows(steps, true)[0]).toMatchObject({
      state: 'running',
      durationMs: null,
    });
    expect(toStepRows(steps, false)[0].state).toBe('interrupted');
  });

  it('counts a retried step from its new start', () => {
    const rows = toStepRows(
      [
        step('create:aws_instance.web', 'started', '00.000'),
        step('create:aws_instance.web', 'failed', '01.000'),
        step('create:aws_instance.web', 'started', '05.000'),
        step('create:aws_instance.web', 'succeeded', '05.400'),
      ],
      false,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'succeeded', durationMs: 400 });
  });

  it('keeps a skipped step that never started', () => {
    expect(
      toStepRows([step('delete:aws_eip.ip', 'skipped', '00.000')], false)[0],
    ).toMatchObject({ state: 'skipped', durationMs: 0 });
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [3200, '3.2 s'],
    [125_000, '2 min 5 s'],
  ])('%p ms reads %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import { readSettings } from './settings';

const settings = (intent: object) =>
  readSettings(mockServices.rootConfig({ data: { intent } }));

describe('readSettings', () => {
  it('uses the documented defaults', () => {
    expect(settings({})).toEqual({
      provider: 'simulated',
      planner: 'rules',
      fallbackPlanner: 'rules',
      operations: {
        concurrency: 8,
        leaseMillis: 30_000,
        pollMillis: 250,
        readyTimeoutMillis: 300_000,
      },
      recovery: { enabled: true, frequencyMillis: 30_000 },
      lifetime: { defaultTtlHours: 8, maxTtlHours: 72 },
      approvalTtlHours: 24,
    });
  });

  it('reads the recovery job: a frequency as a duration, on unless disabled', () => {
    expect(
      settings({ operations: { recovery: { frequency: '5s' } } }).recovery,
    ).toEqual({ enabled: true, frequencyMillis: 5_000 });
    expect(
      settings({ operations: { recovery: { enabled: false } } }).recovery,
    ).toEqual({ enabled: false, frequencyMillis: 30_000 });
    expect(() =>
      settings({ operations: { recovery: { frequency: '0s' } } }),
    ).toThrow('intent.operations.recovery.frequency');
  });

  it('reads durations as strings or HumanDuration objects', () => {
    const read = settings({
      operations: {
        lease: '1m',
        pollInterval: { milliseconds: 100 },
        readyTimeout: '10 minutes',
      },
      approvals: { ttl: { days: 2 } },
      session: { defaultTtl: '90m', maxTtl: '7d' },
    });
    expect(read.operations).toEqual({
      concurrency: 8,
      leaseMillis: 60_000,
      pollMillis: 100,
      readyTimeoutMillis: 600_000,
    });
    expect(read.approvalTtlHours).toBe(48);
    expect(read.lifetime).toEqual({ defaultTtlHours: 1.5, maxTtlHours: 168 });
  });

  it('still reads the deprecated numeric keys', () => {
    const read = settings({
      operations: {
        leaseMillis: 2000,
        pollMillis: 10,
        readyTimeoutMillis: 60_000,
      },
      approvals: { ttlHours: 0.5 },
      session: { defaultTtlHours: 2, maxTtlHours: 12 },
    });
    expect(read.operations).toEqual({
      concurrency: 8,
      leaseMillis: 2000,
      pollMillis: 10,
      readyTimeoutMillis: 60_000,
    });
    expect(read.approvalTtlHours).toBe(0.5);
    expect(read.lifetime).toEqual({ defaultTtlHours: 2, maxTtlHours: 12 });
  });

  it('prefers the duration key over the deprecated one', () => {
    const read = settings({
      operations: { lease: '5s', leaseMillis: 2000 },
      approvals: { ttl: '1h', ttlHours: 10 },
    });
    expect(read.operations.leaseMillis).toBe(5000);
    expect(read.approvalTtlHours).toBe(1);
  });

  it.each([
    [{ operations: { lease: 'soon' } }, 'intent.operations.lease'],
    [{ operations: { pollInterval: '250' } }, 'intent.operations.pollInterval'],
    [{ operations: { readyTimeout: 300 } }, 'intent.operations.readyTimeout'],
    [{ approvals: { ttl: { fortnights: 1 } } }, 'intent.approvals.ttl'],
    [{ session: { maxTtl: '0s' } }, 'intent.session.maxTtl'],
    [{ session: { defaultTtl: '-1h' } }, 'intent.session.defaultTtl'],
  ])('names the key of an invalid duration (%j)', (intent, key) => {
    expect(() => settings(intent)).toThrow(
      new RegExp(
        `Invalid duration in config at '${key.replace(/\./g, '\\.')}'`,
      ),
    );
  });

  it('rejects non-positive deprecated values', () => {
    expect(() => settings({ operations: { pollMillis: 0 } })).toThrow(
      'intent.operations.pollMillis must be a positive number, got 0',
    );
  });

  it('rejects a default session lifetime above the maximum', () => {
    expect(() =>
      settings({ session: { defaultTtl: '4d', maxTtl: '3d' } }),
    ).toThrow(
      'intent.session.defaultTtl must not exceed intent.session.maxTtl',
    );
  });

  it('picks the planners', () => {
    expect(
      settings({ planner: { anthropic: { apiKey: 'k' }, fallback: 'none' } }),
    ).toMatchObject({ planner: 'anthropic', fallbackPlanner: undefined });
  });
});

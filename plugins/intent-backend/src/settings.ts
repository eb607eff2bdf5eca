// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { OperationSettings } from './service/OperationRunner';
import type { RecoverySettings } from './service/OperationRecovery';
import { LifetimeSettings } from './service/SessionService';

/** Everything the plugin reads from `intent.*`, with the documented defaults. */
export interface IntentSettings {
  provider: string;
  planner: string;
  /** The planner used when `planner` fails; undefined for none. */
  fallbackPlanner?: string;
  operations: OperationSettings;
  /** `intent.operations.recovery`. */
  recovery: RecoverySettings;
  lifetime: LifetimeSettings;
  approvalTtlHours: number;
}

const HOUR_MILLIS = 3_600_000;

function positive(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * A positive duration in milliseconds from `key` (`HumanDuration | string`),
 * else from the deprecated numeric `legacy.key` (a number of `legacy.unit`
 * milliseconds), else `fallbackMillis`.
 */
export function readPositiveDuration(
  config: RootConfigService,
  key: string,
  legacy: { key: string; unitMillis: number },
  fallbackMillis: number,
): number {
  if (!config.has(key)) {
    const old = config.getOptionalNumber(legacy.key);
    if (old === undefined) {
      return fallbackMillis;
    }
    if (!(old > 0)) {
      throw new Error(`${legacy.key} must be a positive number, got ${old}`);
    }
    return old * legacy.unitMillis;
  }
  let millis: number;
  try {
    millis = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new Error(
      `Invalid duration in config at '${key}' (use e.g. '30s', '5m', '8h' or { minutes: 5 }): ${
        (error as Error).message
      }`,
    );
  }
  if (!(millis > 0)) {
    throw new Error(
      `Invalid duration in config at '${key}': must be longer than zero`,
    );
  }
  return millis;
}

function fallbackPlanner(config: RootConfigService): string | undefined {
  const fallback =
    config.getOptionalString('intent.planner.fallback') ?? 'rules';
  return fallback === 'none' ? undefined : fallback;
}

/** Reads and checks the plugin's configuration (see config.d.ts). */
export function readSettings(config: RootConfigService): IntentSettings {
  const millis = (
    key: string,
    legacyKey: string,
    fallbackMillis: number,
  ): number =>
    readPositiveDuration(
      config,
      key,
      { key: legacyKey, unitMillis: 1 },
      fallbackMillis,
    );
  const hours = (
    key: string,
    legacyKey: string,
    fallbackHours: number,
  ): number =>
    readPositiveDuration(
      config,
      key,
      { key: legacyKey, unitMillis: HOUR_MILLIS },
      fallbackHours * HOUR_MILLIS,
    ) / HOUR_MILLIS;

  const lifetime = {
    defaultTtlHours: hours(
      'intent.session.defaultTtl',
      'intent.session.defaultTtlHours',
      8,
    ),
    maxTtlHours: hours(
      'intent.session.maxTtl',
      'intent.session.maxTtlHours',
      72,
    ),
  };
  if (lifetime.defaultTtlHours > lifetime.maxTtlHours) {
    throw new Error(
      'intent.session.defaultTtl must not exceed intent.session.maxTtl',
    );
  }
  return {
    provider: config.getOptionalString('intent.provider') ?? 'simulated',
    planner:
      config.getOptionalString('intent.planner.default') ??
      (config.getOptionalString('intent.planner.anthropic.apiKey')
        ? 'anthropic'
        : 'rules'),
    fallbackPlanner: fallbackPlanner(config),
    operations: {
      concurrency: positive(config, 'intent.operations.concurrency', 8),
      leaseMillis: millis(
        'intent.operations.lease',
        'intent.operations.leaseMillis',
        30_000,
      ),
      pollMillis: millis(
        'intent.operations.pollInterval',
        'intent.operations.pollMillis',
        250,
      ),
      readyTimeoutMillis: millis(
        'intent.operations.readyTimeout',
        'intent.operations.readyTimeoutMillis',
        300_000,
      ),
    },
    recovery: {
      enabled:
        config.getOptionalBoolean('intent.operations.recovery.enabled') ?? true,
      frequencyMillis: readPositiveDuration(
        config,
        'intent.operations.recovery.frequency',
        // no legacy key: the same one, read only when absent (never)
        { key: 'intent.operations.recovery.frequency', unitMillis: 1 },
        30_000,
      ),
    },
    lifetime,
    approvalTtlHours: hours(
      'intent.approvals.ttl',
      'intent.approvals.ttlHours',
      24,
    ),
  };
}

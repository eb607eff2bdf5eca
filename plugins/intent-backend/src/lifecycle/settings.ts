// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readOrphanRegions } from './orphanRegions';

/** `intent.lifecycle`, read. @internal */
export interface LifecycleSettings {
  /** Whether the scheduled jobs run (the routes work either way). */
  enabled: boolean;
  /** Warn owners this long before expiry, longest first; each once. */
  expiryWarningsMillis: number[];
  /** How often the expiry sweep runs. */
  expiryFrequencyMillis: number;
  /** How often the drift check of every active session runs. */
  driftFrequencyMillis: number;
  /** First wait before an expiry destroy that failed is tried again; doubles each time. */
  destroyRetryMillis: number;
  /** The longest wait between expiry destroy attempts. */
  destroyRetryMaxMillis: number;
  /** Entity refs told when an expiry destroy fails (e.g. `group:default/platform`). */
  admins: string[];
  /**
   * Regions scanned for orphans beside those sessions used: the baseline's
   * allowed regions and `intent.lifecycle.orphans.regions`.
   */
  orphanRegions: string[];
  /** The idle rule of the policy (`intent.policy.idle`); null when off. */
  idle: IdleRule | null;
}

/** Warn a session idle this long, destroy it when idle that long. @internal */
export interface IdleRule {
  warnAfterMillis: number;
  destroyAfterMillis: number;
}

const HOUR = 3_600_000;

/**
 * Reads `intent.policy.idle` (off when absent). Both limits are needed and
 * the destroy must come after the warning: a typo stops the backend instead
 * of destroying sessions nobody was warned about.
 */
export function readIdleRule(config: RootConfigService): IdleRule | null {
  const idle = config.getOptionalConfig('intent.policy.idle');
  if (!idle) {
    return null;
  }
  const hours = (key: string) => {
    const value = idle.getOptional(key);
    if (typeof value !== 'number' || !(value > 0)) {
      throw new Error(
        `Invalid idle rule in config at 'intent.policy.idle.${key}': must be a number of hours greater than zero, got ${JSON.stringify(
          value,
        )}`,
      );
    }
    return value;
  };
  const warnAfterHours = hours('warnAfterHours');
  const destroyAfterHours = hours('destroyAfterHours');
  if (destroyAfterHours <= warnAfterHours) {
    throw new Error(
      `Invalid idle rule in config at 'intent.policy.idle': destroyAfterHours (${destroyAfterHours}) must be greater than warnAfterHours (${warnAfterHours}), so that the owner is warned before the session is destroyed`,
    );
  }
  return {
    warnAfterMillis: warnAfterHours * HOUR,
    destroyAfterMillis: destroyAfterHours * HOUR,
  };
}

function duration(config: RootConfigService, key: string, fallback: number) {
  if (!config.has(key)) {
    return fallback;
  }
  return positiveMillis(key, () =>
    durationToMilliseconds(readDurationFromConfig(config, { key })),
  );
}

function positiveMillis(key: string, read: () => number): number {
  let millis: number;
  try {
    millis = read();
  } catch (error) {
    throw new Error(
      `Invalid duration in config at '${key}' (use e.g. '30s', '1h', '24h' or { hours: 1 }): ${
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

/** Reads and checks `intent.lifecycle` (see config.d.ts). */
export function readLifecycleSettings(
  config: RootConfigService,
): LifecycleSettings {
  const warnings = config.getOptionalStringArray(
    'intent.lifecycle.expiryWarnings',
  ) ?? ['24h', '1h'];
  const expiryWarningsMillis = [
    ...new Set(
      warnings.map((text, index) =>
        positiveMillis(`intent.lifecycle.expiryWarnings[${index}]`, () =>
          durationToMilliseconds(
            readDurationFromConfig(new ConfigReader({ value: text }), {
              key: 'value',
            }),
          ),
        ),
      ),
    ),
  ].sort((a, b) => b - a);
  return {
    enabled: config.getOptionalBoolean('intent.lifecycle.enabled') ?? true,
    expiryWarningsMillis,
    expiryFrequencyMillis: duration(
      config,
      'intent.lifecycle.expiryFrequency',
      60_000,
    ),
    driftFrequencyMillis: duration(
      config,
      'intent.lifecycle.driftFrequency',
      15 * 60_000,
    ),
    destroyRetryMillis: duration(
      config,
      'intent.lifecycle.destroyRetry',
      60_000,
    ),
    destroyRetryMaxMillis: duration(
      config,
      'intent.lifecycle.destroyRetryMax',
      60 * 60_000,
    ),
    admins: config.getOptionalStringArray('intent.lifecycle.admins') ?? [],
    orphanRegions: readOrphanRegions(config),
    idle: readIdleRule(config),
  };
}

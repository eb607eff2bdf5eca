// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

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
  };
}

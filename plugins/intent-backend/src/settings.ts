// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { OperationSettings } from './service/OperationRunner';
import { LifetimeSettings } from './service/SessionService';

/** Everything the plugin reads from `intent.*`, with the documented defaults. */
export interface IntentSettings {
  provider: string;
  planner: string;
  /** The planner used when `planner` fails; undefined for none. */
  fallbackPlanner?: string;
  operations: OperationSettings;
  lifetime: LifetimeSettings;
  approvalTtlHours: number;
}

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

function fallbackPlanner(config: RootConfigService): string | undefined {
  const fallback =
    config.getOptionalString('intent.planner.fallback') ?? 'rules';
  return fallback === 'none' ? undefined : fallback;
}

/** Reads and checks the plugin's configuration (see config.d.ts). */
export function readSettings(config: RootConfigService): IntentSettings {
  const lifetime = {
    defaultTtlHours: positive(config, 'intent.session.defaultTtlHours', 8),
    maxTtlHours: positive(config, 'intent.session.maxTtlHours', 72),
  };
  if (lifetime.defaultTtlHours > lifetime.maxTtlHours) {
    throw new Error(
      'intent.session.defaultTtlHours must not exceed intent.session.maxTtlHours',
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
      leaseMillis: positive(config, 'intent.operations.leaseMillis', 30_000),
      pollMillis: positive(config, 'intent.operations.pollMillis', 250),
      readyTimeoutMillis: positive(
        config,
        'intent.operations.readyTimeoutMillis',
        300_000,
      ),
    },
    lifetime,
    approvalTtlHours: positive(config, 'intent.approvals.ttlHours', 24),
  };
}

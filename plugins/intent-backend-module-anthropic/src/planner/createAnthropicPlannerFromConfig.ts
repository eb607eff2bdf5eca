// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { IntentPlanner } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AnthropicPlanner } from './AnthropicPlanner';

/** A current Claude model; `intent.planner.anthropic.model` overrides it. @public */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-6';

/**
 * The Anthropic planner as `intent.planner.anthropic` configures it, or
 * undefined when no API key is configured.
 *
 * @public
 */
export function createAnthropicPlannerFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): IntentPlanner | undefined {
  const anthropic = config.getOptionalConfig('intent.planner.anthropic');
  const apiKey = anthropic?.getOptionalString('apiKey');
  if (!anthropic || !apiKey) {
    return undefined;
  }
  const timeoutMillis = anthropic.getOptionalNumber('timeoutMillis') ?? 30_000;
  const maxRetries = anthropic.getOptionalNumber('maxRetries') ?? 2;
  if (timeoutMillis <= 0 || maxRetries < 0 || !Number.isInteger(maxRetries)) {
    throw new Error(
      'intent.planner.anthropic: timeoutMillis must be positive and maxRetries a whole number of 0 or more',
    );
  }
  const model = anthropic.getOptionalString('model') ?? DEFAULT_ANTHROPIC_MODEL;
  logger.info(`Anthropic planner enabled with ${model}`);
  return new AnthropicPlanner({
    apiKey,
    model,
    baseUrl: anthropic.getOptionalString('baseUrl'),
    timeoutMillis,
    maxRetries,
    logger,
  });
}

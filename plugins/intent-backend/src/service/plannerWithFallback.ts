// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { IntentPlanner } from '@intent-sandboxes/backstage-plugin-intent-node';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The configured planner, and when it fails, the fallback planner (the result
 * says so, in its planner id and first assumption). Without a fallback the
 * failure reaches the caller.
 *
 * @internal
 */
export function plannerWithFallback(options: {
  primary: IntentPlanner;
  fallback?: IntentPlanner;
  logger: LoggerService;
}): IntentPlanner {
  const { primary, fallback, logger } = options;
  if (!fallback || fallback.id === primary.id) {
    return primary;
  }
  return {
    id: primary.id,
    async plan(request) {
      try {
        return await primary.plan(request);
      } catch (error) {
        const reason = reasonOf(error);
        logger.warn(
          `The ${primary.id} planner failed (${reason}); planning with ${fallback.id} instead`,
        );
        const result = await fallback.plan(request);
        return {
          ...result,
          planner: `${fallback.id} (fallback from ${primary.id}: ${reason})`,
          assumptions: [
            {
              field: 'planner',
              value: fallback.id,
              reason: `The ${primary.id} planner failed (${reason}); the ${fallback.id} planner planned this instead`,
            },
            ...result.assumptions,
          ],
        };
      }
    },
  };
}

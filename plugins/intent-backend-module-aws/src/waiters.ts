// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsCallContext } from './context';

/** What an SDK `waitUntil…` resolves with: `reason` is the last response. */
export interface WaiterResult<T = unknown> {
  state: string;
  reason?: T;
}

/**
 * Runs an SDK waiter (exponential backoff between `minDelay` and `maxDelay`)
 * with the call's abort signal, and turns a timeout or a failure state into
 * a {@link CloudError} that says what was awaited.
 */
export async function waitFor<C, I, O>(
  ctx: AwsCallContext,
  waiter: (
    params: {
      client: C;
      minDelay: number;
      maxDelay: number;
      maxWaitTime: number;
      abortSignal?: AbortSignal;
    },
    input: I,
  ) => Promise<WaiterResult<O>>,
  client: C,
  input: I,
  what: string,
): Promise<O | undefined> {
  try {
    const result = await waiter(
      {
        client,
        minDelay: ctx.wait.minDelay,
        maxDelay: ctx.wait.maxDelay,
        maxWaitTime: ctx.wait.maxWaitTime,
        abortSignal: ctx.signal,
      },
      input,
    );
    return result.reason;
  } catch (error) {
    ctx.signal?.throwIfAborted();
    const message = error instanceof Error ? error.message : String(error);
    throw new CloudError({
      kind: 'transient',
      code: 'WaiterFailed',
      message: `Waiting for ${what} failed: ${message}`,
      cause: error,
    });
  }
}

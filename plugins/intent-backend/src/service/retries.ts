// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';

const sleep = (millis: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal.throwIfAborted();
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Calls `fn` until it succeeds, it fails with an error that is not a
 * retryable {@link CloudError}, `maxAttempts` calls failed, or `signal`
 * aborts. Waits between attempts grow exponentially from `baseMillis` up to
 * `maxMillis`, with full jitter (a random delay up to that bound), so that
 * throttled callers spread out.
 *
 * @internal
 */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  options: {
    maxAttempts: number;
    baseMillis: number;
    maxMillis: number;
    signal: AbortSignal;
    onRetry?: (error: CloudError, attempt: number, delay: number) => void;
    random?: () => number;
  },
): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (
        !CloudError.isCloudError(error) ||
        !error.retryable ||
        attempt >= options.maxAttempts
      ) {
        throw error;
      }
      options.signal.throwIfAborted();
      const bound = Math.min(
        options.maxMillis,
        options.baseMillis * 2 ** (attempt - 1),
      );
      const delay = Math.floor(random() * bound);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}

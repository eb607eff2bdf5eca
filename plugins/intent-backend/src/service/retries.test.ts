// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';
import { withRetries } from './retries';

const throttled = () =>
  new CloudError({
    kind: 'throttled',
    code: 'RequestLimitExceeded',
    message: 'slow down',
  });

describe('withRetries', () => {
  it('waits up to an exponentially growing bound, with jitter', async () => {
    const delays: number[] = [];
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw throttled();
        },
        {
          maxAttempts: 5,
          baseMillis: 10,
          maxMillis: 40,
          signal: new AbortController().signal,
          random: () => 0.5,
          onRetry: (_error, _attempt, delay) => delays.push(delay),
        },
      ),
    ).rejects.toThrow('slow down');
    expect(calls).toBe(5);
    expect(delays).toEqual([5, 10, 20, 20]);
  });

  it('stops waiting when aborted', async () => {
    const abort = new AbortController();
    const running = withRetries(
      async () => {
        throw throttled();
      },
      {
        maxAttempts: 5,
        baseMillis: 60_000,
        maxMillis: 60_000,
        signal: abort.signal,
        random: () => 1,
      },
    );
    abort.abort(new Error('lock lost'));
    await expect(running).rejects.toThrow('lock lost');
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudOptions } from './options';
import { SimResource, SimulatedStore, statusOf } from './store';

/** What every part of the simulated cloud works with. */
export interface SimEnv {
  store: SimulatedStore;
  settings: Required<SimulatedCloudOptions>;
}

/** How a call waits: until its caller gives up, reporting what it sees. */
export interface WaitOptions {
  signal?: AbortSignal;
  onProgress?: (state: CloudResourceState) => void | Promise<void>;
}

/** Sleeps, or rejects with the signal's reason once it is aborted. */
export function sleep(millis: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A stored resource as the cloud reports it at `now`. */
export function toState(row: SimResource, now: number): CloudResourceState {
  return {
    type: row.type,
    cloudId: row.id,
    status: statusOf(row, now),
    attributes: { ...row.attributes },
    tags: { ...row.tags },
  };
}

/**
 * Waits until a resource's transitional state (pending, creating,
 * shutting-down) has ended, reporting that state first, and returns the
 * state after it.
 */
export async function untilSettled(
  row: SimResource,
  wait: WaitOptions = {},
): Promise<CloudResourceState> {
  const remaining = (row.transitionAt ?? 0) - Date.now();
  if (remaining > 0) {
    await wait.onProgress?.(toState(row, Date.now()));
    await sleep(remaining, wait.signal);
  }
  return toState(row, Math.max(Date.now(), row.transitionAt ?? 0));
}

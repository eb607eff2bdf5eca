// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionLock } from '@intent-sandboxes/backstage-plugin-intent-common';

/** @internal */
export type AcquireResult =
  | { acquired: true }
  | { acquired: false; holder: SessionLock };

/**
 * Leases in the database: one holder per key. A lease that is not renewed
 * expires, so a crashed holder's lock is taken over; a live one never is.
 *
 * @internal
 */
export interface LockStore {
  acquire(options: {
    key: string;
    operationId: string;
    holder: string;
    leaseMillis: number;
  }): Promise<AcquireResult>;
  /** Extends a lease the caller still holds; false when it has lost it. */
  renew(options: {
    key: string;
    operationId: string;
    leaseMillis: number;
  }): Promise<boolean>;
  release(options: { key: string; operationId: string }): Promise<void>;
  /**
   * Drops whatever lease is on the key and records who did it in the audit
   * log, in one transaction; returns the lease that was dropped.
   */
  forceRelease(options: {
    key: string;
    audit: { sessionId: string; actor: string };
  }): Promise<SessionLock | undefined>;
  get(options: { key: string }): Promise<SessionLock | undefined>;
}

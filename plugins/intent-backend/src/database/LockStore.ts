// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionLock } from '@intent-sandboxes/backstage-plugin-intent-common';

/** @internal */
export type AcquireResult =
  | {
      acquired: true;
      /**
       * The fencing token of this grant: it grows with every grant of the
       * key, so a holder whose lock was released or taken over sees a
       * different one.
       */
      generation: number;
    }
  | { acquired: false; holder: SessionLock };

/** What one lock grant is known by. @internal */
export interface LockGrant {
  key: string;
  operationId: string;
  generation: number;
}

/**
 * Leases in the database: one holder per key. A lease that is not renewed
 * expires, so a crashed holder's lock is taken over; a live one never is.
 * Every grant has a generation (a fencing token): holders check
 * {@link LockStore.isHeld} before each side effect and stop once it is false.
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
  /**
   * True while this grant is the current one and was not released: neither
   * released (by force or otherwise) nor taken over since. An expired lease
   * that nobody took over is still held (the holder's next renewal revives it).
   */
  isHeld(grant: LockGrant): Promise<boolean>;
  release(options: { key: string; operationId: string }): Promise<void>;
  /**
   * Drops whatever lease is on the key, marks the operation holding it
   * `aborted` (it stops at its next step), moves the session it was applying
   * or destroying to `failed` and, when there was a lease, records who did
   * it in the audit log, all in one transaction; returns the lease that was
   * dropped (its `operationId` is the aborted operation).
   */
  forceRelease(options: {
    key: string;
    audit: { sessionId: string; actor: string };
  }): Promise<SessionLock | undefined>;
  /** The lease on the key unless it was released (expired ones included). */
  get(options: { key: string }): Promise<SessionLock | undefined>;
}

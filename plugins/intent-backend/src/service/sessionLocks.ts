// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  SessionDetails,
  SessionLock,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { randomUUID } from 'node:crypto';
import { LockStore, SessionStore } from '../database';
import { SessionLockedError } from './errors';
import { assertCanDestroy } from './sessionChecks';
import { Actor } from './sessionState';

/**
 * A session's lock outside operations: held for a moment around a change,
 * released by force by an admin, and what is left of an apply whose holder
 * died. Operations take it through the operation launcher.
 *
 * @internal
 */
export class SessionLocks {
  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      operations: { leaseMillis: number };
      onChange?: (sessionId: string) => void;
    },
  ) {}

  /**
   * Runs `fn` holding the session's lock for a moment (not an operation);
   * 409 naming the holder when an operation holds it.
   */
  async holding<T>(
    sessionId: string,
    actor: Actor,
    fn: () => Promise<T>,
  ): Promise<T> {
    const { locks, operations } = this.options;
    const key = `session:${sessionId}`;
    const operationId = randomUUID();
    const lock = await locks.acquire({
      key,
      operationId,
      holder: actor.userEntityRef,
      leaseMillis: operations.leaseMillis,
    });
    if (!lock.acquired) {
      throw new SessionLockedError(sessionId, lock.holder);
    }
    try {
      return await fn();
    } finally {
      await locks.release({ key, operationId });
    }
  }

  /**
   * An `applying` session no live operation holds (its holder crashed and
   * the lease ran out) is ended `failed`, its revision too, so it can be
   * destroyed: clean-up never waits for a resume that policy may refuse.
   */
  async endInterruptedApply(
    details: SessionDetails,
    actor: Actor,
  ): Promise<SessionDetails> {
    const { store } = this.options;
    const { session } = details;
    const interrupted = details.operations.find(
      o => o.kind === 'apply' && o.status === 'running',
    );
    await this.holding(session.id, actor, async () => {
      const ended = await store.transition({
        id: session.id,
        from: ['applying'],
        to: 'failed',
        revision:
          interrupted?.revisionSeq !== undefined &&
          interrupted?.revisionSeq !== null
            ? { seq: interrupted.revisionSeq, status: 'failed' }
            : undefined,
        audit: {
          actor: actor.userEntityRef,
          action: 'apply-failed',
          revisionSeq: interrupted?.revisionSeq ?? undefined,
          details: {
            operationId: interrupted?.id ?? null,
            reason:
              'interrupted: no live operation held the lock; ended to destroy the session',
          },
        },
      });
      if (!ended) {
        const current = await store.getSession({ id: session.id });
        assertCanDestroy({ ...current, lock: null }, true); // ours
      }
    });
    return store.getSession({ id: session.id });
  }

  /**
   * Drops a session's lock whoever holds it (admins only; audited when there
   * was one). The operation that held it is `aborted` and stops before its
   * next cloud call (fencing); the session it was applying or destroying is
   * `failed`, to retry or destroy. `abortedOperationId` names it.
   */
  async forceRelease(input: { id: string; actor: Actor }): Promise<{
    released: SessionLock | null;
    abortedOperationId?: string;
  }> {
    const { store, locks } = this.options;
    await store.getSession({ id: input.id });
    const released = await locks.forceRelease({
      key: `session:${input.id}`,
      audit: { sessionId: input.id, actor: input.actor.userEntityRef },
    });
    this.options.onChange?.(input.id);
    return released
      ? { released, abortedOperationId: released.operationId }
      : { released: null };
  }
}

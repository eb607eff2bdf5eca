// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplyStep,
  Revision,
  SessionDetails,
  SessionStatus,
  statesLeadingTo,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomUUID } from 'node:crypto';
import { LockStore, SessionStore } from '../database';
import { SessionStateError } from './errors';
import { OperationRunner, OperationSettings } from './OperationRunner';
import { assertUnlocked } from './sessionState';

/** One apply or destroy to start, and what its outcome changes. @internal */
export interface OperationRequest {
  details: SessionDetails;
  kind: 'apply' | 'destroy';
  to: SessionStatus;
  revisionSeq: number | null;
  /** The region new resources are created in. */
  region: string;
  planTags: Record<string, string>;
  steps: ApplyStep[];
  actor: string;
  onSuccess: {
    to: SessionStatus;
    revision?: Revision['status'];
    action: string;
    /** The session's region from now on (an apply that moves it). */
    region?: string;
    /** A new lifetime, counted from when the operation succeeds. */
    lifetimeHours?: number;
  };
  onFailure: { revision?: Revision['status']; action: string };
  /** Runs once the lock is held, before anything changes; throwing refuses. */
  checkHoldingLock?: () => Promise<void>;
}

/**
 * Starts applies and destroys as locked operations: takes the session's
 * lock, moves the session into the operation's state, runs the steps in the
 * background and, when they end, records the outcome and releases the lock.
 *
 * @internal
 */
export class OperationLauncher {
  /** Operations in flight, so shutdown and tests can wait for them. */
  private readonly running = new Set<Promise<void>>();
  private readonly runner: OperationRunner;

  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      provider: CloudProvider;
      logger: LoggerService;
      operations: OperationSettings;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.runner = new OperationRunner({
      store: options.store,
      locks: options.locks,
      provider: options.provider,
      logger: options.logger,
      settings: options.operations,
      onProgress: options.onChange,
    });
  }

  /** Starts the operation and returns its id; the steps run in the background. */
  async start(input: OperationRequest): Promise<string> {
    const { store, locks, operations, logger } = this.options;
    const { session } = input.details;
    const operationId = randomUUID();
    const key = `session:${session.id}`;
    const lock = await locks.acquire({
      key,
      operationId,
      holder: input.actor,
      leaseMillis: operations.leaseMillis,
    });
    if (!lock.acquired) {
      assertUnlocked({ ...input.details, lock: lock.holder });
    }
    try {
      await input.checkHoldingLock?.();
    } catch (error) {
      await locks.release({ key, operationId });
      throw error;
    }
    // Holding the lock, re-read: the state may have moved before we got it.
    const fresh = await store.getSession({ id: session.id });
    const started = await store.transition({
      id: session.id,
      from: statesLeadingTo(input.to),
      to: input.to,
      audit: {
        actor: input.actor,
        action: `${input.kind}-start`,
        revisionSeq: input.revisionSeq ?? undefined,
        details: {
          operationId,
          steps: input.steps.length,
          resumed: fresh.session.status === input.to,
        },
      },
    });
    if (!started) {
      await locks.release({ key, operationId });
      throw new SessionStateError(
        `Session ${session.id} is ${fresh.session.status}; it cannot be ${
          input.kind === 'apply' ? 'applied' : 'destroyed'
        } now`,
        fresh.session.status,
      );
    }
    await store.createOperation({
      id: operationId,
      sessionId: session.id,
      kind: input.kind,
      revisionSeq: input.revisionSeq,
      actor: input.actor,
    });
    const run = this.runner
      .run({
        sessionId: session.id,
        owner: session.owner,
        operationId,
        region: input.region,
        planTags: input.planTags,
        revisionSeq: input.revisionSeq,
        steps: input.steps,
        resources: fresh.resources,
      })
      .then(
        () => this.finish(input, operationId, 'succeeded'),
        error => this.finish(input, operationId, 'failed', error as Error),
      )
      .catch(error =>
        logger.error(`Operation ${operationId} could not finish`, error),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return operationId;
  }

  /** Resolves when every operation started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private async finish(
    input: OperationRequest,
    operationId: string,
    outcome: 'succeeded' | 'failed',
    error?: Error,
  ) {
    const { store, locks, logger } = this.options;
    const { session } = input.details;
    const lost = error?.name === 'LockLostError';
    if (error) {
      logger.warn(
        `Operation ${operationId} on session ${session.id} failed: ${error.message}`,
      );
    }
    await store.finishOperation({
      operationId,
      status: outcome,
      error: error?.message,
    });
    if (!lost) {
      const succeeded = outcome === 'succeeded';
      const { onSuccess, onFailure } = input;
      const revisionStatus = succeeded
        ? onSuccess.revision
        : onFailure.revision;
      await store.transition({
        id: session.id,
        from: [input.to],
        to: succeeded ? onSuccess.to : 'failed',
        revision:
          input.revisionSeq !== null && revisionStatus
            ? { seq: input.revisionSeq, status: revisionStatus }
            : undefined,
        ...(succeeded ? successPatch(onSuccess) : {}),
        audit: {
          actor: input.actor,
          action: succeeded ? onSuccess.action : onFailure.action,
          revisionSeq: input.revisionSeq ?? undefined,
          details: { operationId, ...(error ? { error: error.message } : {}) },
        },
      });
      await locks.release({ key: `session:${session.id}`, operationId });
    }
    this.options.onChange?.(session.id, operationId);
  }
}

/**
 * What a successful operation changes on the session besides its status: a
 * new lifetime starts now; a moved session is in its new region from now on
 * (never earlier: until the move succeeds, its resources are in the old one).
 * `region` is spread in so that it reaches `SessionStore.transition` as soon
 * as the store takes it; until then the store ignores it.
 */
function successPatch(onSuccess: OperationRequest['onSuccess']): {
  expiresAt?: string;
  region?: string;
} {
  return {
    ...(onSuccess.lifetimeHours !== undefined
      ? {
          expiresAt: new Date(
            Date.now() + onSuccess.lifetimeHours * 3_600_000,
          ).toISOString(),
        }
      : {}),
    ...(onSuccess.region !== undefined ? { region: onSuccess.region } : {}),
  };
}

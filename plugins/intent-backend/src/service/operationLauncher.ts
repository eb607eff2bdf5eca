// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplyStep,
  Plan,
  Revision,
  SessionDetails,
  SessionStatus,
  statesLeadingTo,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomUUID } from 'node:crypto';
import { LockStore, SessionStore } from '../database';
import { SessionLockedError, SessionStateError } from './errors';
import { OperationRunner, OperationSettings } from './OperationRunner';

/** One apply or destroy to start, and what its outcome changes. @internal */
export interface OperationRequest {
  details: SessionDetails;
  /** The cloud the session was created on (`session.provider`). */
  provider: CloudProvider;
  kind: 'apply' | 'destroy';
  to: SessionStatus;
  revisionSeq: number | null;
  /** The revision was applied before (a drift revert): see `OperationPlan.reapplies`. */
  reapplies?: boolean;
  /** The region new resources are created in. */
  region: string;
  planTags: Record<string, string>;
  /** The plan's existing resources, looked up before the first step. */
  existing?: Plan['existing'];
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
      logger: LoggerService;
      operations: OperationSettings;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.runner = new OperationRunner({
      store: options.store,
      locks: options.locks,
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
      throw new SessionLockedError(session.id, lock.holder);
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
      startsOperation: {
        id: operationId,
        kind: input.kind,
        revisionSeq: input.revisionSeq,
        actor: input.actor,
      },
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
    // Holding the lock, any other running operation of the session is dead
    // (its holder crashed, or it was fenced off): it never finishes itself.
    const aborted = await store.abortOperations({
      sessionId: session.id,
      except: operationId,
      error: `Interrupted; resumed by operation ${operationId}`,
    });
    if (aborted.length > 0) {
      logger.info(
        `Operation ${operationId} resumes session ${
          session.id
        } after ${aborted.join(', ')}`,
      );
    }
    const generation = lock.generation;
    const run = this.runner
      .run({
        sessionId: session.id,
        owner: session.owner,
        operationId,
        provider: input.provider,
        region: input.region,
        planTags: input.planTags,
        existing: input.existing,
        revisionSeq: input.revisionSeq,
        reapplies: input.reapplies,
        steps: input.steps,
        resources: fresh.resources,
        generation,
      })
      .then(
        () => this.finish(input, operationId, generation, 'succeeded'),
        error =>
          this.finish(input, operationId, generation, 'failed', error as Error),
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
    generation: number,
    outcome: 'succeeded' | 'failed',
    error?: Error,
  ) {
    const { store, locks, logger } = this.options;
    const { session } = input.details;
    const key = `session:${session.id}`;
    const grant = { key, operationId, generation };
    if (error) {
      logger.warn(
        `Operation ${operationId} on session ${session.id} failed: ${error.message}`,
      );
    }
    let lost = error?.name === 'LockLostError';
    if (!lost) {
      // The outcome (session, revision, operation, audit) and the lock's
      // release are one transaction, made only by the current lock grant.
      const succeeded = outcome === 'succeeded';
      const { onSuccess, onFailure } = input;
      const revisionStatus = succeeded
        ? onSuccess.revision
        : onFailure.revision;
      const moved = await store.transition({
        id: session.id,
        from: [input.to],
        to: succeeded ? onSuccess.to : 'failed',
        revision:
          input.revisionSeq !== null && revisionStatus
            ? { seq: input.revisionSeq, status: revisionStatus }
            : undefined,
        ...(succeeded ? successPatch(onSuccess) : {}),
        operation: { id: operationId, status: outcome, error: error?.message },
        lock: grant,
        audit: {
          actor: input.actor,
          action: succeeded ? onSuccess.action : onFailure.action,
          revisionSeq: input.revisionSeq ?? undefined,
          details: { operationId, ...(error ? { error: error.message } : {}) },
        },
      });
      if (!moved) {
        lost = !(await locks.isHeld(grant));
        if (!lost) {
          // The session moved on without us (it should not): record the
          // outcome and let go.
          await store.finishOperation({
            operationId,
            status: outcome,
            error: error?.message,
          });
          await locks.release({ key, operationId });
        }
      }
    }
    if (lost) {
      // Fenced off: ends `aborted` (unless its release already said so); the
      // session is left to whoever holds the lock now, or to recovery.
      await store.finishOperation({
        operationId,
        status: 'aborted',
        error:
          error?.message ??
          `The lock on session ${session.id} was lost before the outcome was recorded`,
      });
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

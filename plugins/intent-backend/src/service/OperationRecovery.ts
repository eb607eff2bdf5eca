// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  applySteps,
  diffPlans,
  Operation,
  PLAN_FORMAT_VERSION,
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from '../database';
import { OperationLauncher, OperationRequest } from './operationLauncher';
import { OperationSettings } from './OperationRunner';
import {
  appliedPlan,
  appliedRegion,
  LifetimeSettings,
  newLifetimeHours,
} from './sessionState';

/** `intent.operations.recovery`, read. @internal */
export interface RecoverySettings {
  enabled: boolean;
  /** How often the job looks for interrupted operations. */
  frequencyMillis: number;
}

class Abandoned extends Error {
  name = 'OperationAbandoned';
}

/**
 * Finds operations whose backend crashed (still `running`, their lock's
 * lease expired or gone) and finishes what they started: a destroy is
 * always resumed (policy never judges clean-up); an apply is resumed when
 * policy still allows its revision, otherwise it ends `failed` (its steps
 * done stay recorded) and so does the session. A resumed operation's row
 * ends `aborted`, naming the operation that resumed it.
 *
 * Runs once at start-up and then every `frequency` on one replica at a time
 * (a global scheduled task); each session is taken under its lock, so
 * replicas never recover the same operation twice. The time from a crash to
 * a recovering operation is at most the lease (`intent.operations.lease`)
 * plus `frequency`.
 *
 * @internal
 */
export class OperationRecovery {
  private readonly launcher: OperationLauncher;

  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      logger: LoggerService;
      operations: OperationSettings;
      lifetime: LifetimeSettings;
      recovery: RecoverySettings;
      /** Every installed cloud, by id. */
      providers: ReadonlyMap<string, CloudProvider>;
      /** Throws when policy no longer allows applying the revision. */
      recheck: (details: SessionDetails, revision: Revision) => Promise<void>;
      scheduler?: SchedulerService;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.launcher = new OperationLauncher(options);
  }

  /** Schedules the job (unless disabled) and runs it once now. */
  async initTaskRunner(): Promise<void> {
    const { recovery, scheduler, logger } = this.options;
    if (!recovery.enabled || !scheduler) {
      return;
    }
    const fn = async () => {
      try {
        await this.recover();
      } catch (error) {
        logger.error('Operation recovery failed', error as Error);
      }
    };
    await scheduler
      .createScheduledTaskRunner({
        frequency: { milliseconds: recovery.frequencyMillis },
        timeout: {
          milliseconds: Math.max(30_000, 2 * recovery.frequencyMillis),
        },
        initialDelay: { milliseconds: recovery.frequencyMillis },
        scope: 'global',
      })
      .run({ id: 'intent-operation-recovery', fn });
    // Once at start-up too: a lone backend restarted after a crash.
    fn();
  }

  /**
   * One pass: recovers every interrupted operation it can take the lock of.
   * Returns the ids of the operations it recovered or abandoned.
   */
  async recover(): Promise<string[]> {
    const { store, locks } = this.options;
    const running = await store.listRunningOperations();
    // The latest running operation of each session speaks for it.
    const bySession = new Map<string, Omit<Operation, 'steps'>>();
    for (const operation of running) {
      bySession.set(operation.sessionId, operation);
    }
    const done: string[] = [];
    for (const operation of bySession.values()) {
      const lock = await locks.get({ key: `session:${operation.sessionId}` });
      if (lock && new Date(lock.expiresAt).getTime() > Date.now()) {
        continue; // a live holder: it runs, or will abort this one itself
      }
      try {
        if (await this.recoverOne(operation)) {
          done.push(operation.id);
        }
      } catch (error) {
        this.options.logger.warn(
          `Could not recover operation ${operation.id} of session ${
            operation.sessionId
          }: ${(error as Error).message}`,
        );
      }
    }
    return done;
  }

  /** Resolves when every operation recovered so far has finished. */
  async idle(): Promise<void> {
    await this.launcher.idle();
  }

  private async recoverOne(operation: Omit<Operation, 'steps'>) {
    const { store, logger } = this.options;
    const details = await store.getSession({ id: operation.sessionId });
    const { session } = details;
    const expected = operation.kind === 'apply' ? 'applying' : 'destroying';
    if (session.status !== expected) {
      await store.finishOperation({
        operationId: operation.id,
        status: 'aborted',
        error: `Interrupted; the session is ${session.status} now`,
      });
      return true;
    }
    const provider = this.options.providers.get(session.provider);
    if (!provider) {
      logger.warn(
        `Cannot recover operation ${operation.id}: session ${session.id} runs on the ${session.provider} cloud, which is not installed`,
      );
      return false;
    }
    const request =
      operation.kind === 'apply'
        ? this.applyRequest(details, operation, provider)
        : this.destroyRequest(details, operation, provider);
    if (!request) {
      return false;
    }
    let operationId: string;
    try {
      operationId = await this.launcher.start(request);
    } catch (error) {
      if ((error as Error).name === 'OperationAbandoned') {
        return true;
      }
      throw error;
    }
    await store.appendAudit({
      sessionId: session.id,
      actor: operation.actor,
      action: 'operation-recovered',
      revisionSeq: operation.revisionSeq ?? undefined,
      details: { operationId: operation.id, resumedBy: operationId },
    });
    logger.info(
      `Recovered ${operation.kind} ${operation.id} of session ${session.id}: resumed as ${operationId}`,
    );
    this.options.onChange?.(session.id, operationId);
    return true;
  }

  private applyRequest(
    details: SessionDetails,
    operation: Omit<Operation, 'steps'>,
    provider: CloudProvider,
  ): OperationRequest | undefined {
    const revision = details.revisions.find(
      r => r.seq === operation.revisionSeq,
    );
    if (!revision) {
      return undefined;
    }
    return {
      details,
      provider,
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      region: revision.plan.region,
      planTags: revision.plan.tags,
      existing: revision.plan.existing,
      // What a resume of a failed or interrupted apply runs (as a re-apply).
      steps: applySteps(revision.diff),
      actor: operation.actor,
      onSuccess: {
        to: 'active',
        revision: 'applied',
        action: 'apply-succeeded',
        region: revision.plan.region,
        lifetimeHours: newLifetimeHours(
          details,
          revision,
          this.options.lifetime,
        ),
      },
      onFailure: { revision: 'failed', action: 'apply-failed' },
      checkHoldingLock: async () => {
        try {
          await this.options.recheck(details, revision);
        } catch (error) {
          await this.abandon(details, operation, error as Error);
          throw new Abandoned((error as Error).message);
        }
      },
    };
  }

  private destroyRequest(
    details: SessionDetails,
    operation: Omit<Operation, 'steps'>,
    provider: CloudProvider,
  ): OperationRequest {
    const { session } = details;
    const region = appliedRegion(details);
    const diff = diffPlans(appliedPlan(details), {
      formatVersion: PLAN_FORMAT_VERSION,
      region,
      tags: {},
      resources: [],
    });
    // The reaper destroys sessions whose lifetime ended into `expired`.
    const expired =
      session.expiresAt !== null &&
      new Date(session.expiresAt).getTime() <= Date.now();
    return {
      details,
      provider,
      kind: 'destroy',
      to: 'destroying',
      revisionSeq: null,
      region,
      planTags: {},
      steps: applySteps(diff),
      actor: operation.actor,
      onSuccess: {
        to: expired ? 'expired' : 'destroyed',
        action: expired ? 'session-expired' : 'destroy-succeeded',
      },
      onFailure: { action: 'destroy-failed' },
    };
  }

  /** Ends an apply policy no longer allows: `failed`, with what it did. */
  private async abandon(
    details: SessionDetails,
    operation: Omit<Operation, 'steps'>,
    refusal: Error,
  ) {
    const { store, logger } = this.options;
    const { steps } = await store.getOperation({ id: operation.id });
    const stepsDone = steps
      .filter(s => s.status === 'succeeded')
      .map(s => s.step);
    await store.finishOperation({
      operationId: operation.id,
      status: 'failed',
      error: `Interrupted, and not resumed: ${refusal.message}. Steps done: ${
        stepsDone.join(', ') || 'none'
      }`,
    });
    await store.transition({
      id: details.session.id,
      from: ['applying'],
      to: 'failed',
      revision:
        operation.revisionSeq !== null
          ? { seq: operation.revisionSeq, status: 'failed' }
          : undefined,
      audit: {
        actor: operation.actor,
        action: 'operation-abandoned',
        revisionSeq: operation.revisionSeq ?? undefined,
        details: {
          operationId: operation.id,
          reason: refusal.message,
          stepsDone,
        },
      },
    });
    logger.warn(
      `Abandoned apply ${operation.id} of session ${details.session.id}: ${refusal.message}`,
    );
    this.options.onChange?.(details.session.id, operation.id);
  }
}

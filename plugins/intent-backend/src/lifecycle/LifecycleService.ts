// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  accruedCostUsd,
  Session,
  SessionExpiryState,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { LockStore, SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { Guardrails } from '../service/guardrails';
import { OperationSettings } from '../service/OperationRunner';
import { LifetimeSettings } from '../service/sessionState';
import type { SessionService } from '../service/SessionService';
import { DriftActions } from './driftActions';
import { DriftChecker } from './DriftChecker';
import { ExpirySweep } from './ExpirySweep';
import { idleState } from './idleRules';
import { IdleSweep } from './IdleSweep';
import { Orphans } from './orphans';
import { LIFECYCLE_ACTOR, RetriedDestroy } from './retriedDestroy';
import { LifecycleSettings } from './settings';

/**
 * Everything that happens to sessions over time: expiry (warnings, destroy,
 * retries), the policy's idle rule (warning, keep, destroy), drift (checks,
 * revert, accept), orphans and the cost accrued.
 * The jobs run on Backstage's scheduler as global tasks: one replica at a
 * time runs each, once per period; every step is idempotent, so a job cut
 * short by a crash is finished by the next run.
 *
 * @internal
 */
export class LifecycleService {
  readonly store: DatabaseLifecycleStore;
  readonly expiry: ExpirySweep;
  /** The idle rule's sweep; none when `intent.policy.idle` is not set. */
  readonly idleSweep?: IdleSweep;
  readonly drift: DriftChecker;
  readonly driftActions: DriftActions;
  readonly orphans: Orphans;

  constructor(
    private readonly options: {
      knex: Knex;
      store: SessionStore;
      locks: LockStore;
      sessions: Pick<SessionService, 'destroy' | 'apply'>;
      providers: ReadonlyMap<string, CloudProvider>;
      guardrails: Guardrails;
      lifetime: LifetimeSettings;
      operations: OperationSettings;
      settings: LifecycleSettings;
      logger: LoggerService;
      notifications?: Pick<NotificationService, 'send'>;
      scheduler?: SchedulerService;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.store = new DatabaseLifecycleStore(options.knex);
    const shared = { ...options, lifecycle: this.store };
    const destroyer = new RetriedDestroy(shared);
    this.expiry = new ExpirySweep({ ...shared, destroyer });
    if (options.settings.idle) {
      this.idleSweep = new IdleSweep({
        ...shared,
        destroyer,
        rule: options.settings.idle,
      });
    }
    this.drift = new DriftChecker(shared);
    this.driftActions = new DriftActions(shared);
    this.orphans = new Orphans(shared);
  }

  /** Schedules the expiry sweep and the drift check (unless disabled). */
  async initTaskRunners(): Promise<void> {
    const { scheduler, settings, logger } = this.options;
    if (!scheduler || !settings.enabled) {
      return;
    }
    const schedule = async (
      id: string,
      frequencyMillis: number,
      fn: () => Promise<unknown>,
    ) =>
      scheduler.scheduleTask({
        id,
        frequency: { milliseconds: frequencyMillis },
        timeout: { milliseconds: Math.max(60_000, 4 * frequencyMillis) },
        initialDelay: { milliseconds: Math.min(frequencyMillis, 10_000) },
        scope: 'global',
        fn: async () => {
          try {
            logger.debug(`Lifecycle job ${id} runs`);
            await fn();
          } catch (error) {
            logger.error(`Lifecycle job ${id} failed`, error as Error);
          }
        },
      });
    // The idle rule is a step of the expiry job: one job at a time
    // destroys a session that is both expired and idle.
    await schedule(
      'intent-expiry-sweep',
      settings.expiryFrequencyMillis,
      async () => {
        await this.expiry.sweep();
        await this.idleSweep?.sweep();
      },
    );
    await schedule('intent-drift-check', settings.driftFrequencyMillis, () =>
      this.drift.checkAll(),
    );
  }

  /** The sessions with the cost each accrued so far (one batch of queries). */
  async withAccruedCost<T extends Session>(
    sessions: T[],
    now = new Date(),
  ): Promise<T[]> {
    const inputs = await this.store.costInputs(sessions.map(s => s.id));
    return sessions.map(session => {
      const input = inputs.get(session.id)!;
      return {
        ...session,
        accruedCostUsd: accruedCostUsd(input.revisions, input.operations, now),
      };
    });
  }

  /** An admin exempts a session from expiry, or ends the exemption. */
  async setExempt(input: { id: string; exempt: boolean; actor: string }) {
    await this.options.store.getSession({ id: input.id });
    await this.store.setExempt(input.id, input.exempt, input.actor);
    await this.options.store.appendAudit({
      sessionId: input.id,
      actor: input.actor,
      action: input.exempt ? 'expiry-exempt' : 'expiry-exempt-end',
      details: {},
    });
    this.options.onChange?.(input.id);
    return this.expiryState(input.id);
  }

  /** The expiry state of a session with its idle state under the idle rule. */
  async expiryState(id: string): Promise<SessionExpiryState> {
    const [state, candidates] = await Promise.all([
      this.store.getExpiryState(id),
      this.options.settings.idle
        ? this.store.listIdleCandidates({
            sessionId: id,
            lifecycleActor: LIFECYCLE_ACTOR,
            limit: 1,
          })
        : [],
    ]);
    return {
      ...state,
      idle: candidates[0]
        ? idleState(candidates[0], this.options.settings.idle)
        : null,
    };
  }

  /**
   * "Keep": the owner (or anyone who may apply it) says an active session is
   * still needed, which starts its idle clock again. Audited as `idle-keep`,
   * which is itself the activity the clock reads.
   */
  async keep(input: { id: string; actor: string }) {
    const session = await this.options.store.findSession({ id: input.id });
    if (!session) {
      throw new NotFoundError(`No session with id ${input.id}`);
    }
    if (session.status !== 'active') {
      throw new ConflictError(
        `Session ${input.id} is ${session.status}, not active: only an active session can be kept`,
      );
    }
    await this.options.store.appendAudit({
      sessionId: input.id,
      actor: input.actor,
      action: 'idle-keep',
      details: {},
    });
    this.options.onChange?.(input.id);
    return this.expiryState(input.id);
  }

  /** Resolves when every operation the lifecycle started has finished. */
  async idle(): Promise<void> {
    await this.driftActions.idle();
  }
}

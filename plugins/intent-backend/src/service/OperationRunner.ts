// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplyStep,
  Plan,
  PlanResource,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from '../database';
import { clientToken } from './hashing';
import { resolveExisting } from './existingResources';
import { withRetries } from './retries';
import { runDag } from './runDag';

/** Tunables of operations, from config. @internal */
export interface OperationSettings {
  /** Steps that run at once. */
  concurrency: number;
  /** Lock lease; renewed every third of it while the operation runs. */
  leaseMillis: number;
  /**
   * Unused: providers wait until their resources are usable themselves.
   * Kept so that existing configuration still type-checks.
   */
  pollMillis?: number;
  /**
   * How long one cloud call may take, waiting until the resource is usable
   * included, before the step fails. Default 5 minutes.
   */
  readyTimeoutMillis?: number;
  /** Attempts of a cloud call that fails with a retryable error. Default 4. */
  maxAttempts?: number;
  /**
   * The delay before the first retry; each next one doubles it (at most
   * `retryMaxMillis`), with full jitter. Default 250.
   */
  retryBaseMillis?: number;
  /** The longest delay between attempts. Default 10 seconds. */
  retryMaxMillis?: number;
}

/** What an operation works on. @internal */
export interface OperationPlan {
  sessionId: string;
  owner: string;
  operationId: string;
  /** Where new resources go, and where resources without a region of their own are. */
  region: string;
  /**
   * The cloud the session was created on: every call of the operation goes
   * there, whatever the configured default is now.
   */
  provider: CloudProvider;
  /** The cloud account (or profile) to act in; the provider's default when unset. */
  account?: string;
  /** Existing resources the plan refers to (`data.*`), looked up first. */
  existing?: Plan['existing'];
  /** Tags the plan puts on every resource. */
  planTags: Record<string, string>;
  /** The revision whose plan is applied (client tokens derive from it); null for a destroy. */
  revisionSeq: number | null;
  /**
   * The revision was applied before and is applied again (a drift revert):
   * its creates take the place of resources it made then, which the cloud
   * would return for the revision's own client token, deleted or not.
   */
  reapplies?: boolean;
  steps: ApplyStep[];
  /** The session's resource rows when the operation starts. */
  resources: SessionResource[];
  /**
   * The generation (fencing token) of the lock grant the operation runs
   * under: checked before every cloud call and every state write, so the
   * operation stops at its next step once the lock was released or taken
   * over. Unchecked when undefined.
   */
  generation?: number;
}

type Row = Omit<SessionResource, 'updatedAt'>;

class LockLostError extends Error {
  constructor(sessionId: string, how = 'lease expired') {
    super(
      `The lock on session ${sessionId} was lost (${how}); the operation stopped`,
    );
    this.name = 'LockLostError';
  }
}

/**
 * Runs the steps of one apply or destroy against the cloud, in dependency
 * order with bounded concurrency, recording every step, keeping the session's
 * lease alive, and the resource table in step with the cloud. Every cloud call
 * is idempotent, so running the same steps again after a crash creates
 * nothing twice; calls the cloud refuses for now (throttling, capacity) are
 * retried with backoff, and every call stops when the lease is lost.
 *
 * @internal
 */
export class OperationRunner {
  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      logger: LoggerService;
      settings: OperationSettings;
      onProgress?: (sessionId: string, operationId: string) => void;
    },
  ) {}

  /** Resolves when every step succeeded; rejects with the first failure. */
  async run(plan: OperationPlan): Promise<void> {
    const { locks, settings } = this.options;
    const key = `session:${plan.sessionId}`;
    const lock = new AbortController();
    const heartbeat = setInterval(async () => {
      try {
        const renewed = await locks.renew({
          key,
          operationId: plan.operationId,
          leaseMillis: settings.leaseMillis,
        });
        if (!renewed && !lock.signal.aborted) {
          lock.abort(new LockLostError(plan.sessionId));
        }
      } catch (error) {
        this.options.logger.warn(
          `Could not renew the lock of ${key}`,
          error as Error,
        );
      }
    }, Math.max(50, Math.floor(settings.leaseMillis / 3)));

    const rows = new Map<string, Row>(
      plan.resources.map(r => [r.address, { ...r }]),
    );
    // Where each resource was when the operation started: the old half of a
    // replace is deleted there even after its row moved to the new resource.
    const regions = new Map<string, string>();
    for (const r of plan.resources) {
      if (r.cloudId) {
        regions.set(r.cloudId, r.region ?? plan.region);
      }
    }
    // The fencing check: before every cloud call and every state write.
    const fence = async () => {
      lock.signal.throwIfAborted();
      if (plan.generation === undefined) {
        return;
      }
      const held = await locks.isHeld({
        key,
        operationId: plan.operationId,
        generation: plan.generation,
      });
      if (!held && !lock.signal.aborted) {
        lock.abort(new LockLostError(plan.sessionId, 'released or taken over'));
      }
      lock.signal.throwIfAborted();
    };
    try {
      const existing = await this.lookUpExisting(plan, lock.signal);
      await runDag(plan.steps, settings.concurrency, async step => {
        lock.signal.throwIfAborted();
        await this.runStep(plan, step, {
          rows,
          regions,
          existing,
          lock: lock.signal,
          fence,
        });
      });
      lock.signal.throwIfAborted();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Cloud ids of the existing resources the plan refers to, by data address.
   * They were found at plan time; one gone since fails the operation before
   * anything is created, with the same words as the planning question.
   */
  private async lookUpExisting(
    plan: OperationPlan,
    signal: AbortSignal,
  ): Promise<Record<string, string>> {
    if (!plan.existing?.length) {
      return {};
    }
    const found = await resolveExisting(
      { existing: plan.existing },
      plan.provider,
      plan.region,
      { account: plan.account, signal },
    );
    if (found.questions.length > 0) {
      throw new Error(found.questions.join('; '));
    }
    return found.resolved;
  }

  private async runStep(plan: OperationPlan, step: ApplyStep, run: RunState) {
    const { store } = this.options;
    await run.fence();
    await store.appendStep({
      operationId: plan.operationId,
      step: step.id,
      status: 'started',
      cloudId: run.rows.get(step.address)?.cloudId ?? null,
      message: null,
    });
    try {
      const cloudId = await this.applyStep(plan, step, run);
      await run.fence();
      await store.appendStep({
        operationId: plan.operationId,
        step: step.id,
        status: 'succeeded',
        cloudId,
        message: null,
      });
    } catch (error) {
      // An operation that lost its lock writes nothing more.
      if (run.lock.aborted) {
        throw run.lock.reason ?? error;
      }
      await run.fence();
      await store.appendStep({
        operationId: plan.operationId,
        step: step.id,
        status: 'failed',
        cloudId: null,
        message: (error as Error).message,
      });
      throw error;
    } finally {
      this.options.onProgress?.(plan.sessionId, plan.operationId);
    }
  }

  /**
   * One cloud call of a step: retried while the cloud says to try again,
   * stopped when the lock is lost or the call takes longer than
   * `readyTimeoutMillis`.
   */
  private async call<T>(
    plan: OperationPlan,
    step: ApplyStep,
    { lock, fence }: Pick<RunState, 'lock' | 'fence'>,
    fn: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const { settings, logger } = this.options;
    const timeoutMillis = settings.readyTimeoutMillis ?? 300_000;
    return withRetries(
      async () => {
        const timeout = new AbortController();
        const timer = setTimeout(
          () =>
            timeout.abort(
              new Error(
                `${step.id} did not finish within ${timeoutMillis} ms (intent.operations.readyTimeoutMillis)`,
              ),
            ),
          timeoutMillis,
        );
        try {
          await fence();
          return await fn(AbortSignal.any([lock, timeout.signal]));
        } finally {
          clearTimeout(timer);
        }
      },
      {
        maxAttempts: Math.max(1, settings.maxAttempts ?? 4),
        baseMillis: settings.retryBaseMillis ?? 250,
        maxMillis: settings.retryMaxMillis ?? 10_000,
        signal: lock,
        onRetry: (error, attempt, delay) =>
          logger.info(
            `${plan.operationId} ${step.id}: attempt ${attempt} failed (${error.kind}: ${error.message}); retrying in ${delay} ms`,
          ),
      },
    );
  }

  /** Applies one step; returns the cloud id it touched. */
  private async applyStep(
    plan: OperationPlan,
    step: ApplyStep,
    run: RunState,
  ): Promise<string | null> {
    const { rows, regions, fence } = run;
    const { store } = this.options;
    const { provider } = plan;
    const row = rows.get(step.address);
    const resolved = {
      ...run.existing,
      ...Object.fromEntries(
        [...rows.values()].flatMap(r =>
          r.cloudId ? [[r.address, r.cloudId]] : [],
        ),
      ),
    };
    const tags = {
      ...plan.planTags,
      [INTENT_TAGS.session]: plan.sessionId,
      [INTENT_TAGS.address]: step.address,
      [INTENT_TAGS.owner]: plan.owner,
    };
    const save = async (next: Row) => {
      await fence();
      rows.set(next.address, next);
      await store.saveResource({ sessionId: plan.sessionId, resource: next });
    };
    const account = plan.account;

    if (step.kind === 'create') {
      const desired = step.change.after!;
      // A replace keeps the old resource's id until its delete step runs; on
      // a re-run after a crash the row already holds the new id.
      const replacedCloudId =
        step.change.action === 'replace'
          ? row?.replacedCloudId ?? row?.cloudId ?? null
          : null;
      // Applied again, a create's token also names the cloud id it takes
      // the place of: new for each recreate, the same on every retry.
      const supersedes = plan.reapplies
        ? replacedCloudId ?? row?.cloudId
        : undefined;
      const token = clientToken(
        plan.sessionId,
        supersedes ? `${step.address}/${supersedes}` : step.address,
        plan.revisionSeq ?? 0,
      );
      const record = (s: CloudResourceState) =>
        save({
          address: step.address,
          type: desired.type,
          region: plan.region,
          cloudId: s.cloudId,
          replacedCloudId:
            replacedCloudId === s.cloudId ? null : replacedCloudId,
          status: s.status,
          desired: desired as unknown as Record<string, unknown>,
          actual: s.attributes,
        });
      const state = await this.call(plan, step, run, signal =>
        provider.apply({
          region: plan.region,
          account,
          signal,
          change: {
            action: 'create',
            resource: desired,
            clientToken: token,
            tags: { ...tags, [INTENT_TAGS.creationToken]: token },
          },
          resolved,
          onProgress: record,
        }),
      );
      await record(state!);
      return state!.cloudId;
    }

    const region = row?.region ?? plan.region;
    if (step.kind === 'update') {
      const desired = step.change.after as PlanResource;
      const record = (s: CloudResourceState) =>
        save({
          ...row!,
          region,
          desired: desired as unknown as Record<string, unknown>,
          status: s.status,
          actual: s.attributes,
        });
      const state = await this.call(plan, step, run, signal =>
        provider.apply({
          region,
          account,
          signal,
          change: {
            action: 'update',
            resource: desired,
            cloudId: row!.cloudId!,
            tags,
            changedFields: step.change.fields.map(f => f.path),
          },
          resolved,
          onProgress: record,
        }),
      );
      await record(state!);
      return state!.cloudId;
    }

    // delete: the whole resource, or the old half of a replace, in the
    // region it was created in
    const isReplace = step.change.action === 'replace';
    // A replace that must free its name first (a named bucket) deletes the
    // old resource before the new one is created: the row still holds its id.
    const deletesFirst =
      isReplace &&
      plan.steps.some(
        s => s.address === step.address && s.dependsOn.includes(step.id),
      );
    const target = isReplace
      ? row?.replacedCloudId ?? (deletesFirst ? row?.cloudId : null)
      : row?.cloudId;
    if (target) {
      await this.call(plan, step, run, signal =>
        provider.apply({
          region: regions.get(target) ?? region,
          account,
          signal,
          change: { action: 'delete', type: step.change.type, cloudId: target },
          resolved,
        }),
      );
    }
    if (isReplace) {
      if (row) {
        await save(
          deletesFirst && !row.replacedCloudId
            ? {
                ...row,
                cloudId: null,
                replacedCloudId: null,
                status: 'deleted',
              }
            : { ...row, replacedCloudId: null },
        );
      }
    } else {
      await fence();
      rows.delete(step.address);
      await store.deleteResource({
        sessionId: plan.sessionId,
        address: step.address,
      });
    }
    return target ?? null;
  }
}

/** What the steps of one run share. */
interface RunState {
  rows: Map<string, Row>;
  /** Cloud ids of the plan's existing resources, by data address. */
  existing: Record<string, string>;
  /** The region of every resource that existed when the run started, by cloud id. */
  regions: Map<string, string>;
  /** Aborted when the session's lock is lost. */
  lock: AbortSignal;
  /** Throws (and aborts `lock`) unless the operation still holds its lock grant. */
  fence: () => Promise<void>;
}

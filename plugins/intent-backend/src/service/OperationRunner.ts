// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ApplyStep,
  PlanResource,
  ResourceType,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from '../database';
import { clientToken } from './hashing';
import { runDag } from './runDag';

/** Tunables of operations, from config. @internal */
export interface OperationSettings {
  /** Steps that run at once. */
  concurrency: number;
  /** Lock lease; renewed every third of it while the operation runs. */
  leaseMillis: number;
  /** How often to look at booting instances. */
  pollMillis: number;
  /** How long an instance may take to run. */
  readyTimeoutMillis: number;
}

/** What an operation works on. @internal */
export interface OperationPlan {
  sessionId: string;
  owner: string;
  operationId: string;
  region: string;
  /** Tags the plan puts on every resource. */
  planTags: Record<string, string>;
  /** The revision whose plan is applied (client tokens derive from it); null for a destroy. */
  revisionSeq: number | null;
  steps: ApplyStep[];
  /** The session's resource rows when the operation starts. */
  resources: SessionResource[];
}

class LockLostError extends Error {
  constructor(sessionId: string) {
    super(
      `The lock on session ${sessionId} was lost (lease expired); the operation stopped`,
    );
    this.name = 'LockLostError';
  }
}

/**
 * Runs the steps of one apply or destroy against the cloud, in dependency
 * order with bounded concurrency, recording every step, keeping the session's
 * lease alive, and the resource table in step with the cloud. Every cloud call
 * is idempotent, so running the same steps again after a crash creates
 * nothing twice.
 *
 * @internal
 */
export class OperationRunner {
  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      provider: CloudProvider;
      logger: LoggerService;
      settings: OperationSettings;
      onProgress?: (sessionId: string, operationId: string) => void;
    },
  ) {}

  /** Resolves when every step succeeded; rejects with the first failure. */
  async run(plan: OperationPlan): Promise<void> {
    const { locks, settings } = this.options;
    const key = `session:${plan.sessionId}`;
    let lost = false;
    const heartbeat = setInterval(async () => {
      try {
        const renewed = await locks.renew({
          key,
          operationId: plan.operationId,
          leaseMillis: settings.leaseMillis,
        });
        lost ||= !renewed;
      } catch (error) {
        this.options.logger.warn(
          `Could not renew the lock of ${key}`,
          error as Error,
        );
      }
    }, Math.max(50, Math.floor(settings.leaseMillis / 3)));

    const rows = new Map(plan.resources.map(r => [r.address, { ...r }]));
    try {
      await runDag(plan.steps, settings.concurrency, async step => {
        if (lost) {
          throw new LockLostError(plan.sessionId);
        }
        await this.runStep(plan, step, rows);
      });
      if (lost) {
        throw new LockLostError(plan.sessionId);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async runStep(
    plan: OperationPlan,
    step: ApplyStep,
    rows: Map<string, Omit<SessionResource, 'updatedAt'>>,
  ) {
    const { store } = this.options;
    await store.appendStep({
      operationId: plan.operationId,
      step: step.id,
      status: 'started',
      cloudId: rows.get(step.address)?.cloudId ?? null,
      message: null,
    });
    try {
      const cloudId = await this.applyStep(plan, step, rows);
      await store.appendStep({
        operationId: plan.operationId,
        step: step.id,
        status: 'succeeded',
        cloudId,
        message: null,
      });
    } catch (error) {
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

  /** Applies one step; returns the cloud id it touched. */
  private async applyStep(
    plan: OperationPlan,
    step: ApplyStep,
    rows: Map<string, Omit<SessionResource, 'updatedAt'>>,
  ): Promise<string | null> {
    const { store, provider } = this.options;
    const row = rows.get(step.address);
    const resolved = Object.fromEntries(
      [...rows.values()].flatMap(r =>
        r.cloudId ? [[r.address, r.cloudId]] : [],
      ),
    );
    const tags = {
      ...plan.planTags,
      [INTENT_TAGS.session]: plan.sessionId,
      [INTENT_TAGS.address]: step.address,
      [INTENT_TAGS.owner]: plan.owner,
    };
    const save = async (next: Omit<SessionResource, 'updatedAt'>) => {
      rows.set(next.address, next);
      await store.saveResource({ sessionId: plan.sessionId, resource: next });
    };

    if (step.kind === 'create') {
      const desired = step.change.after!;
      // A replace keeps the old resource's id until its delete step runs; on
      // a re-run after a crash the row already holds the new id.
      const replacedCloudId =
        step.change.action === 'replace'
          ? row?.replacedCloudId ?? row?.cloudId ?? null
          : null;
      let state = await provider.apply({
        region: plan.region,
        change: {
          action: 'create',
          resource: desired,
          clientToken: clientToken(
            plan.sessionId,
            step.address,
            plan.revisionSeq ?? 0,
          ),
          tags,
        },
        resolved,
      });
      const record = (s: CloudResourceState) =>
        save({
          address: step.address,
          type: desired.type,
          cloudId: s.cloudId,
          replacedCloudId:
            replacedCloudId === s.cloudId ? null : replacedCloudId,
          status: s.status,
          desired: desired as unknown as Record<string, unknown>,
          actual: s.attributes,
        });
      await record(state!);
      if (desired.type === 'aws_instance') {
        state = await this.waitUntilRunning(
          plan.region,
          desired.type,
          state!,
          record,
        );
      }
      return state!.cloudId;
    }

    if (step.kind === 'update') {
      const desired = step.change.after as PlanResource;
      const state = await provider.apply({
        region: plan.region,
        change: {
          action: 'update',
          resource: desired,
          cloudId: row!.cloudId!,
          tags,
        },
        resolved,
      });
      await save({
        ...row!,
        desired: desired as unknown as Record<string, unknown>,
        status: state!.status,
        actual: state!.attributes,
      });
      return state!.cloudId;
    }

    // delete: the whole resource, or the old half of a replace
    const isReplace = step.change.action === 'replace';
    const target = isReplace ? row?.replacedCloudId : row?.cloudId;
    if (target) {
      await provider.apply({
        region: plan.region,
        change: { action: 'delete', type: step.change.type, cloudId: target },
        resolved,
      });
    }
    if (isReplace) {
      if (row) {
        await save({ ...row, replacedCloudId: null });
      }
    } else {
      rows.delete(step.address);
      await store.deleteResource({
        sessionId: plan.sessionId,
        address: step.address,
      });
    }
    return target ?? null;
  }

  private async waitUntilRunning(
    region: string,
    type: ResourceType,
    created: CloudResourceState,
    record: (state: CloudResourceState) => Promise<void>,
  ): Promise<CloudResourceState> {
    const { provider, settings } = this.options;
    const deadline = Date.now() + settings.readyTimeoutMillis;
    let state = created;
    while (state.status !== 'running') {
      if (Date.now() > deadline) {
        throw new Error(
          `${created.cloudId} did not reach the running state within ${settings.readyTimeoutMillis} ms (it is ${state.status})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, settings.pollMillis));
      const [described] = await provider.describe({
        region,
        cloudIds: [{ type, cloudId: created.cloudId }],
      });
      if (!described) {
        throw new Error(`${created.cloudId} disappeared while it was starting`);
      }
      state = described;
      await record(state);
    }
    return state;
  }
}

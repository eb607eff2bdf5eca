// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  ApplyStep,
  diffPlans,
  DriftReport,
  PlanResource,
  ResourceType,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomUUID } from 'node:crypto';
import { LockStore, SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { describeFinding } from '../service/approvals';
import { SessionLockedError, SessionStateError } from '../service/errors';
import { Guardrails } from '../service/guardrails';
import { planHash } from '../service/hashing';
import { OperationLauncher } from '../service/operationLauncher';
import { OperationSettings } from '../service/OperationRunner';
import {
  Actor,
  appliedPlan,
  appliedRegion,
  assertUnlocked,
  latest,
  LifetimeSettings,
} from '../service/sessionState';
import type { SessionService } from '../service/SessionService';
import { isAdoptable, observedPlan } from './driftCompare';

/**
 * Revert and accept of a session's drift. Revert applies the last applied
 * revision again to the drifted fields (an apply operation under the session
 * lock, like any other); accept makes a new revision that adopts the
 * observed values, checked by policy, and applies it when policy allows it
 * without approval.
 *
 * @internal
 */
export class DriftActions {
  private readonly launcher: OperationLauncher;

  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      locks: LockStore;
      providers: ReadonlyMap<string, CloudProvider>;
      guardrails: Guardrails;
      lifetime: LifetimeSettings;
      operations: OperationSettings;
      sessions: Pick<SessionService, 'apply'>;
      logger: LoggerService;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.launcher = new OperationLauncher(options);
  }

  /** The session and its latest drift report, when there is drift to act on. */
  private async drifted(id: string, what: 'revert' | 'accept') {
    const { store, lifecycle } = this.options;
    const details = await store.getSession({ id });
    const { session } = details;
    assertUnlocked(details);
    if (session.status !== 'active') {
      throw new SessionStateError(
        `Session ${id} is ${session.status}; drift can be ${
          what === 'revert' ? 'reverted' : 'accepted'
        } only on an active session`,
        session.status,
      );
    }
    if (latest(details.revisions).status !== 'applied') {
      throw new ConflictError(
        `Session ${id} has revision ${
          latest(details.revisions).seq
        } waiting to be applied; apply or replace it before acting on drift`,
      );
    }
    const report = await lifecycle.getDrift(id);
    const changed = report?.drifted.filter(d => d.kind === 'changed') ?? [];
    if (!report || changed.length === 0) {
      throw new ConflictError(
        `Session ${id} has no changed resource to ${what}${
          report ? ` (checked ${report.checkedAt})` : ''
        }; run a drift check first`,
      );
    }
    return { details, report, changed };
  }

  private providerOf(details: SessionDetails): CloudProvider {
    const provider = this.options.providers.get(details.session.provider);
    if (!provider) {
      throw new ConflictError(
        `Session ${details.session.id} runs on the ${details.session.provider} cloud, which is not installed`,
      );
    }
    return provider;
  }

  /** Sets the drifted fields back to what was applied; returns the operation's id. */
  async revert(input: { id: string; actor: Actor }): Promise<{
    operationId: string;
  }> {
    const { store } = this.options;
    const { details, changed } = await this.drifted(input.id, 'revert');
    const { session } = details;
    const revision = latest(details.revisions);
    const rows = new Map(details.resources.map(r => [r.address, r]));
    const steps: ApplyStep[] = changed.map(drift => {
      const desired = rows.get(drift.address)!
        .desired as unknown as PlanResource;
      return {
        id: `update:${drift.address}`,
        kind: 'update',
        address: drift.address,
        dependsOn: [],
        change: {
          address: drift.address,
          type: drift.type as ResourceType,
          action: 'update',
          before: desired,
          after: desired,
          fields: drift.fields.map(f => ({
            path: f.path,
            before: f.observed,
            after: f.expected,
            forcesReplacement: false,
          })),
          reason: 'drift revert',
        },
      };
    });
    const actor = input.actor.userEntityRef;
    const operationId = await this.launcher.start({
      details,
      provider: this.providerOf(details),
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      region: appliedRegion(details),
      planTags: revision.plan.tags,
      steps,
      actor,
      onSuccess: {
        to: 'active',
        revision: 'applied',
        action: 'drift-reverted',
      },
      onFailure: { action: 'drift-revert-failed' },
      // An active session is applied again through `planned`, holding the lock.
      checkHoldingLock: async () => {
        const moved = await store.transition({
          id: session.id,
          from: ['active'],
          to: 'planned',
          audit: {
            actor,
            action: 'drift-revert',
            revisionSeq: revision.seq,
            details: {
              resources: changed.map(d => ({
                address: d.address,
                fields: d.fields.map(f => f.path),
              })),
            },
          },
        });
        if (!moved) {
          throw new ConflictError(
            `Session ${session.id} changed meanwhile; try again`,
          );
        }
      },
    });
    return { operationId };
  }

  /**
   * A new revision adopting the observed values. Denied by policy: 409 and
   * nothing stored. Needing approval: stored, to approve and apply. Else
   * applied at once (the cloud already holds these values).
   */
  async accept(input: { id: string; actor: Actor }): Promise<{
    details: SessionDetails;
    operationId: string | null;
  }> {
    const { store, locks, guardrails, lifetime, operations } = this.options;
    const { details, changed } = await this.drifted(input.id, 'accept');
    const { session } = details;
    const rows = new Map(details.resources.map(r => [r.address, r]));
    const refused = changed.flatMap(d =>
      d.fields
        .filter(f => !isAdoptable(rows.get(d.address)!, f))
        .map(f => `${d.address} ${f.path}`),
    );
    if (refused.length > 0) {
      throw new ConflictError(
        `Drift of ${refused.join(
          ', ',
        )} refers to other resources by cloud id and cannot be adopted into the plan; revert it instead`,
      );
    }
    const applied = latest(
      details.revisions.filter(r => r.status === 'applied'),
    );
    const plan = observedPlan(applied.plan, changed, details.resources);
    const snapshot = await guardrails.load();
    const { policy, cost } = await snapshot.evaluate({
      plan,
      subject: {
        owner: session.owner,
        team: session.team,
        groups: [],
        region: plan.region,
        ttlHours: plan.ttlHours ?? lifetime.defaultTtlHours,
      },
    });
    if (policy.verdict === 'deny') {
      throw new ConflictError(
        `Policy denies adopting the drift of session ${
          session.id
        }: ${policy.findings
          .filter(f => f.outcome === 'deny')
          .map(describeFinding)
          .join('; ')}; revert it instead`,
      );
    }
    const actor = input.actor.userEntityRef;
    const lockId = randomUUID();
    const key = `session:${session.id}`;
    const lock = await locks.acquire({
      key,
      operationId: lockId,
      holder: actor,
      leaseMillis: operations.leaseMillis,
    });
    if (!lock.acquired) {
      throw new SessionLockedError(session.id, lock.holder);
    }
    let seq: number | undefined;
    try {
      seq = await store.addRevision({
        sessionId: session.id,
        from: ['active'],
        to: 'planned',
        revision: {
          intent: `Accept the changes made outside the portal: ${changed
            .map(d => `${d.address} (${d.fields.map(f => f.path).join(', ')})`)
            .join('; ')}`,
          planner: 'drift-accept',
          plan,
          assumptions: [],
          questions: [],
          outOfScope: [],
          modification: null,
          diff: diffPlans(appliedPlan(details), plan),
          policy,
          cost,
          planHash: planHash(plan),
          createdBy: actor,
        },
        audit: {
          actor,
          action: 'drift-accept',
          details: {
            resources: changed.map(d => ({
              address: d.address,
              fields: d.fields.map(f => f.path),
            })),
            verdict: policy.verdict,
          },
        },
      });
    } finally {
      await locks.release({ key, operationId: lockId });
    }
    if (seq === undefined) {
      throw new ConflictError(
        `Session ${session.id} changed meanwhile; try again`,
      );
    }
    this.options.onChange?.(session.id);
    if (policy.verdict === 'require-approval') {
      return {
        details: await store.getSession({ id: session.id }),
        operationId: null,
      };
    }
    const started = await this.options.sessions.apply({
      id: session.id,
      planHash: planHash(plan),
      actor: input.actor,
    });
    return { details: started.details, operationId: started.operationId };
  }

  /** Resolves when every revert started so far has finished. */
  async idle(): Promise<void> {
    await this.launcher.idle();
  }

  /** The latest report, or null before the first check. */
  getReport(id: string): Promise<DriftReport | null> {
    return this.options.lifecycle.getDrift(id);
  }
}

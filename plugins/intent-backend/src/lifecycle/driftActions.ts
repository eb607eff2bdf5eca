// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  diffPlans,
  DriftReport,
  SessionDetails,
  UnmanagedResource,
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
import { isAdoptable, observedPlan, referredMissing } from './driftCompare';
import { revertPlan } from './revertPlan';

/**
 * Revert and accept of a session's drift. Revert applies the last applied
 * revision again over what the cloud holds now (an apply operation under
 * the session lock, like any other): missing resources are recreated,
 * changed ones set back; accept makes a new revision that adopts the
 * observed values and deletions, checked by policy, and applies it when
 * policy allows it without approval. Resources created outside the portal
 * (unmanaged) are left alone by both.
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

  /**
   * The session and the drift of its latest report that can be acted on
   * (changed or missing resources; resources created outside the portal are
   * left alone), when the report still describes the session's resources.
   */
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
    const actionable = report?.drifted ?? [];
    if (!report || actionable.length === 0) {
      throw new ConflictError(
        `Session ${id} has no changed or missing resource to ${what}${
          report ? ` (checked ${report.checkedAt})` : ''
        }; run a drift check first`,
      );
    }
    // A recreated resource has a new cloud id: a report from before that
    // would recreate it again.
    const rows = new Map(details.resources.map(r => [r.address, r]));
    const stale = actionable.filter(
      d => rows.get(d.address)?.cloudId !== d.cloudId,
    );
    if (stale.length > 0) {
      throw new ConflictError(
        `The drift check of session ${id} (${
          report.checkedAt
        }) is older than its resources (${stale
          .map(d => d.address)
          .join(', ')} changed since); run a drift check first`,
      );
    }
    return { details, report, actionable };
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

  /**
   * Applies the last applied revision again over what the cloud holds now:
   * recreates missing resources, sets changed ones back (see
   * {@link revertPlan}). Resources created outside the portal are left
   * alone, and said so. Returns the operation's id and what it changes.
   */
  async revert(input: { id: string; actor: Actor }): Promise<{
    operationId: string;
    changes: Array<{ address: string; action: string; reason?: string }>;
    leftAlone: UnmanagedResource[];
  }> {
    const { store } = this.options;
    const { details, report, actionable } = await this.drifted(
      input.id,
      'revert',
    );
    const { session } = details;
    const revision = latest(details.revisions);
    const { changes, steps } = revertPlan(revision.plan, actionable);
    const summary = changes.map(c => ({
      address: c.address,
      action: c.action,
      ...(c.reason ? { reason: c.reason } : {}),
    }));
    const actor = input.actor.userEntityRef;
    const operationId = await this.launcher.start({
      details,
      provider: this.providerOf(details),
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      reapplies: true,
      region: appliedRegion(details),
      planTags: revision.plan.tags,
      existing: revision.plan.existing,
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
              resources: actionable.map(d => ({
                address: d.address,
                kind: d.kind,
                fields: d.fields.map(f => f.path),
              })),
              changes: summary,
              leftAlone: report.unmanaged.map(u => u.cloudId),
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
    return { operationId, changes: summary, leftAlone: report.unmanaged };
  }

  /**
   * A new revision adopting the observed values: changed fields as the
   * cloud holds them, missing resources left out (refused while others
   * still refer to them). Denied by policy: 409 and nothing stored. Needing
   * approval: stored, to approve and apply. Else applied at once (the cloud
   * already holds these values; deleting what is missing deletes nothing).
   */
  async accept(input: { id: string; actor: Actor }): Promise<{
    details: SessionDetails;
    operationId: string | null;
  }> {
    const { store, locks, guardrails, lifetime, operations } = this.options;
    const { details, actionable } = await this.drifted(input.id, 'accept');
    const { session } = details;
    const applied = latest(
      details.revisions.filter(r => r.status === 'applied'),
    );
    const referred = referredMissing(applied.plan, actionable);
    if (referred.length > 0) {
      throw new ConflictError(
        `Cannot adopt the deletion of ${referred
          .map(
            m =>
              `${m.address} (${m.referredBy.join(', ')} ${
                m.referredBy.length === 1 ? 'refers' : 'refer'
              } to it)`,
          )
          .join(', ')}; revert to recreate ${
          referred.length === 1 ? 'it' : 'them'
        } instead`,
      );
    }
    const rows = new Map(details.resources.map(r => [r.address, r]));
    const refused = actionable.flatMap(d =>
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
    const plan = observedPlan(applied.plan, actionable, details.resources);
    if (plan.resources.length === 0) {
      throw new ConflictError(
        `Every resource of session ${session.id} was deleted outside the portal; destroy the session instead, or revert to recreate them`,
      );
    }
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
    const diff = diffPlans(appliedPlan(details), plan);
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
          intent: `Accept the changes made outside the portal: ${actionable
            .map(
              d =>
                `${d.address} (${
                  d.kind === 'missing'
                    ? 'deleted'
                    : d.fields.map(f => f.path).join(', ')
                })`,
            )
            .join('; ')}`,
          planner: 'drift-accept',
          plan,
          assumptions: [],
          questions: [],
          outOfScope: [],
          modification: null,
          diff,
          policy,
          cost,
          planHash: planHash(plan),
          createdBy: actor,
        },
        audit: {
          actor,
          action: 'drift-accept',
          details: {
            resources: actionable.map(d => ({
              address: d.address,
              kind: d.kind,
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
    // Accepting is the confirmation for deleting what is gone already;
    // anything else destructive is for the owner to confirm on apply.
    const missing = new Set(
      actionable.filter(d => d.kind === 'missing').map(d => d.address),
    );
    const started = await this.options.sessions.apply({
      id: session.id,
      planHash: planHash(plan),
      confirm: diff.changes.every(
        c =>
          (c.action !== 'delete' && c.action !== 'replace') ||
          (c.action === 'delete' && missing.has(c.address)),
      ),
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  applySteps,
  canTransition,
  diffPlans,
  parsePlan,
  Plan,
  PlanPreview,
  PLAN_FORMAT_VERSION,
  SessionDetails,
  SessionStatus,
  statesLeadingTo,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from '../database';
import { ApprovalRequest, Approvals } from './approvals';
import { SessionStateError } from './errors';
import { Guardrails } from './guardrails';
import { Membership } from './membership';
import { OperationLauncher } from './operationLauncher';
import { OperationSettings } from './OperationRunner';
import { RevisionPlanner } from './revisionPlanning';
import {
  assertCanDestroy,
  assertCanFollowUp,
  extendedExpiry,
  reviewedApplyDiff,
} from './sessionChecks';
import {
  Actor,
  appliedPlan,
  appliedRegion,
  latest,
  LifetimeSettings,
  newLifetimeHours,
  titleOf,
} from './sessionState';

export type { ApprovalRequest } from './approvals';
export type { Actor, LifetimeSettings } from './sessionState';
export { appliedPlan } from './sessionState';

/**
 * Sessions from intent to running resources and back, as the router sees
 * them: checks each request against the session's state, then hands the
 * work to the revision planner, the approvals and the operation launcher.
 *
 * @internal
 */
export class SessionService {
  private readonly planner: RevisionPlanner;
  private readonly approvals: Approvals;
  private readonly operations: OperationLauncher;

  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      planner: IntentPlanner;
      provider: CloudProvider;
      guardrails: Guardrails;
      logger: LoggerService;
      operations: OperationSettings;
      lifetime: LifetimeSettings;
      membership: Membership;
      /** How long an approval allows an apply. */
      approvalTtlHours: number;
      /** Tells approver groups that a revision waits for them. */
      requestApproval?: (request: ApprovalRequest) => Promise<void>;
      onChange?: (sessionId: string, operationId?: string) => void;
    },
  ) {
    this.planner = new RevisionPlanner(options);
    this.approvals = new Approvals(options);
    this.operations = new OperationLauncher(options);
  }

  /** Plans an intent without storing anything: what the form shows while typing. */
  async preview(input: {
    intent: unknown;
    base?: unknown;
    sessionId?: string;
    actor: Actor;
  }): Promise<PlanPreview> {
    let current: Plan | undefined;
    let prior: Plan | null = null;
    let subject = {
      owner: input.actor.userEntityRef,
      team: null as string | null,
    };
    if (input.sessionId) {
      const details = await this.options.store.getSession({
        id: input.sessionId,
      });
      current = latest(details.revisions).plan;
      prior = appliedPlan(details);
      subject = { owner: details.session.owner, team: details.session.team };
    } else if (input.base !== undefined) {
      const parsed = parsePlan(input.base);
      if (!parsed.ok) {
        throw new InputError(
          `The base plan is invalid: ${parsed.problems.join('; ')}`,
        );
      }
      current = parsed.plan;
    }
    const { revision } = await this.planner.plan({
      intent: input.intent,
      current,
      prior,
      subject,
      actor: input.actor,
    });
    const { intent: _intent, createdBy: _createdBy, ...preview } = revision;
    return preview;
  }

  async createSession(input: {
    intent: unknown;
    actor: Actor;
    team?: string | null;
  }) {
    const owner = input.actor.userEntityRef;
    const team = input.team ?? null;
    const { revision, ttlHours } = await this.planner.plan({
      intent: input.intent,
      prior: null,
      subject: { owner, team },
      actor: input.actor,
    });
    const id = await this.options.store.createSession({
      session: {
        title: titleOf(revision.intent),
        owner,
        team,
        provider: this.options.provider.id,
        region: revision.plan.region,
        status: revision.plan.resources.length > 0 ? 'planned' : 'draft',
        expiresAt: new Date(Date.now() + ttlHours * 3_600_000).toISOString(),
      },
      revision,
      audit: {
        actor: owner,
        action: 'session-create',
        details: {
          planner: revision.planner,
          planHash: revision.planHash,
          verdict: revision.policy.verdict,
        },
      },
    });
    const details = await this.options.store.getSession({ id });
    await this.approvals.announce(details);
    return details;
  }

  /**
   * A follow-up intent: the next revision, planned against the latest one.
   * It only proposes: the session's region and expiry change when it is applied.
   */
  async followUp(input: { id: string; intent: unknown; actor: Actor }) {
    const { store } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    assertCanFollowUp(details);
    const { revision } = await this.planner.plan({
      intent: input.intent,
      current: latest(details.revisions).plan,
      prior: appliedPlan(details),
      subject: { owner: session.owner, team: session.team },
      actor: input.actor,
    });
    const to: SessionStatus =
      revision.plan.resources.length > 0 || details.resources.length > 0
        ? 'planned'
        : 'draft';
    const seq = await store.addRevision({
      sessionId: session.id,
      from: statesLeadingTo(to).filter(status =>
        canTransition(status, 'planned'),
      ),
      to,
      revision,
      audit: {
        actor: input.actor.userEntityRef,
        action: 'revision-create',
        details: {
          planHash: revision.planHash,
          verdict: revision.policy.verdict,
        },
      },
    });
    if (seq === undefined) {
      const current = await store.getSession({ id: session.id });
      throw new SessionStateError(
        `Session ${session.id} changed while planning (it is ${current.session.status}); try again`,
        current.session.status,
      );
    }
    const updated = await store.getSession({ id: session.id });
    await this.approvals.announce(updated);
    return updated;
  }

  async apply(input: {
    id: string;
    planHash: unknown;
    confirm?: unknown;
    actor: Actor;
  }): Promise<{ details: SessionDetails; operationId: string }> {
    const { store, lifetime } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    const revision = latest(details.revisions);
    const diff = reviewedApplyDiff(details, revision, input);
    const operationId = await this.operations.start({
      details,
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      region: revision.plan.region,
      planTags: revision.plan.tags,
      steps: applySteps(diff),
      actor: input.actor.userEntityRef,
      onSuccess: {
        to: 'active',
        revision: 'applied',
        action: 'apply-succeeded',
        region: revision.plan.region,
        lifetimeHours: newLifetimeHours(details, revision, lifetime),
      },
      onFailure: { revision: 'failed', action: 'apply-failed' },
      checkHoldingLock: () => this.planner.recheckPolicy(details, revision),
    });
    return { details: await store.getSession({ id: session.id }), operationId };
  }

  async destroy(input: {
    id: string;
    confirm?: unknown;
    actor: Actor;
    /** The TTL reaper destroys into `expired`. */
    reason?: 'manual' | 'expired';
  }): Promise<{ details: SessionDetails; operationId: string }> {
    const { store } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    assertCanDestroy(details, input.confirm);
    const final = input.reason === 'expired' ? 'expired' : 'destroyed';
    // Deletes go where the resources run, not where a proposed revision
    // would move them.
    const region = appliedRegion(details);
    const diff = diffPlans(appliedPlan(details), {
      formatVersion: PLAN_FORMAT_VERSION,
      region,
      tags: {},
      resources: [],
    });
    const operationId = await this.operations.start({
      details,
      kind: 'destroy',
      to: 'destroying',
      revisionSeq: null,
      region,
      planTags: {},
      steps: applySteps(diff),
      actor: input.actor.userEntityRef,
      onSuccess: {
        to: final,
        action:
          input.reason === 'expired' ? 'session-expired' : 'destroy-succeeded',
      },
      onFailure: { action: 'destroy-failed' },
    });
    return { details: await store.getSession({ id: session.id }), operationId };
  }

  /** Moves the expiry, within the maximum lifetime counted from now. */
  async extend(input: { id: string; hours: unknown; actor: Actor }) {
    const { store, lifetime } = this.options;
    const { session } = await store.getSession({ id: input.id });
    const expiresAt = extendedExpiry(session, input.hours, lifetime);
    const changed = await store.transition({
      id: session.id,
      from: [session.status],
      to: session.status,
      expiresAt,
      audit: {
        actor: input.actor.userEntityRef,
        action: 'expiry-extend',
        details: { from: session.expiresAt, to: expiresAt },
      },
    });
    if (!changed) {
      throw new ConflictError(
        `Session ${session.id} changed meanwhile; try again`,
      );
    }
    this.options.onChange?.(session.id);
    return store.getSession({ id: session.id });
  }

  /** An approver approves or rejects the latest revision. */
  async decide(input: Parameters<Approvals['decide']>[0]) {
    await this.approvals.decide(input);
    this.options.onChange?.(input.id);
    return this.options.store.getSession({ id: input.id });
  }

  /** Drops a session's lock whoever holds it (admins only; audited). */
  async forceReleaseLock(input: { id: string; actor: Actor }) {
    const { store, locks } = this.options;
    await store.getSession({ id: input.id });
    const released = await locks.forceRelease({
      key: `session:${input.id}`,
      audit: { sessionId: input.id, actor: input.actor.userEntityRef },
    });
    return { released: released ?? null };
  }

  /** Resolves when every operation started so far has finished. */
  async idle(): Promise<void> {
    await this.operations.idle();
  }
}

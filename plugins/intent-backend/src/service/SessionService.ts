// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  applySteps,
  canTransition,
  diffPlans,
  parsePlan,
  Plan,
  PlanPreview,
  PLAN_FORMAT_VERSION,
  Session,
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
import { assertImagesPinned } from './imagePinning';
import { InstanceActions } from './instanceActions';
import { Membership, resolveTeam } from './membership';
import { OperationLauncher } from './operationLauncher';
import { OperationSettings } from './OperationRunner';
import { Promotions } from './promotion';
import { RevisionPlanner } from './revisionPlanning';
import { SessionLocks } from './sessionLocks';
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
  private readonly instances: InstanceActions;
  private readonly promotions: Promotions;
  private readonly locks: SessionLocks;

  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      planner: IntentPlanner;
      /** The cloud new sessions are created on (`intent.provider`). */
      provider: CloudProvider;
      /**
       * Every installed cloud, by id: a session's operations and images go
       * to the cloud it was created on. Just `provider` when omitted.
       */
      providers?: ReadonlyMap<string, CloudProvider>;
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
    this.instances = new InstanceActions({
      ...options,
      providerOf: session => this.providerOf(session),
    });
    this.promotions = new Promotions(options);
    this.locks = new SessionLocks(options);
  }

  /**
   * The cloud a session was created on, wherever the default has moved
   * since; 503 when it is no longer installed.
   */
  private providerOf(session: Pick<Session, 'id' | 'provider'>): CloudProvider {
    const { provider, providers } = this.options;
    const found =
      providers?.get(session.provider) ??
      (provider.id === session.provider ? provider : undefined);
    if (!found) {
      throw new ServiceUnavailableError(
        `Session ${session.id} runs on the ${session.provider} cloud, which is not installed (add its backend module)`,
      );
    }
    return found;
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
    let provider = () => this.options.provider;
    if (input.sessionId) {
      const details = await this.options.store.getSession({
        id: input.sessionId,
      });
      current = latest(details.revisions).plan;
      prior = appliedPlan(details);
      subject = { owner: details.session.owner, team: details.session.team };
      provider = () => this.providerOf(details.session);
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
      provider,
    });
    const { intent: _intent, createdBy: _createdBy, ...preview } = revision;
    return preview;
  }

  async createSession(input: {
    intent: unknown;
    actor: Actor;
    /** A group of the caller; see `resolveTeam` for the default. */
    team?: unknown;
  }) {
    const owner = input.actor.userEntityRef;
    const team = await resolveTeam(this.options.membership, owner, input.team);
    // A new session runs on the default cloud, for good: its operations go
    // there even after the default changes.
    const { provider } = this.options;
    const { revision, ttlHours } = await this.planner.plan({
      intent: input.intent,
      prior: null,
      subject: { owner, team },
      actor: input.actor,
      provider: () => provider,
    });
    const id = await this.options.store.createSession({
      session: {
        title: titleOf(revision.intent),
        owner,
        team,
        provider: provider.id,
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
      provider: () => this.providerOf(session),
    });
    const to: SessionStatus =
      revision.plan.resources.length > 0 || details.resources.length > 0
        ? 'planned'
        : 'draft';
    // Stored holding the session's lock, as operations start: a follow-up
    // never lands while an apply or destroy starts or runs (409 naming the
    // operation), and an apply that starts after it sees it (409 there).
    const seq = await this.locks.holding(session.id, input.actor, async () => {
      const fresh = await store.getSession({ id: session.id });
      assertCanFollowUp({ ...fresh, lock: null }); // the lock is ours
      const planned = latest(details.revisions).seq;
      if (latest(fresh.revisions).seq !== planned) {
        throw new ConflictError(
          `Session ${session.id} got revision ${
            latest(fresh.revisions).seq
          } while this follow-up was planned against revision ${planned}; try again`,
        );
      }
      return store.addRevision({
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
    const provider = this.providerOf(session);
    const revision = latest(details.revisions);
    const diff = reviewedApplyDiff(details, revision, input);
    assertImagesPinned(revision);
    const operationId = await this.operations.start({
      details,
      provider,
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      region: revision.plan.region,
      planTags: revision.plan.tags,
      existing: revision.plan.existing,
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
      checkHoldingLock: async () => {
        const fresh = await store.getSession({ id: session.id });
        const now = latest(fresh.revisions);
        if (now.seq !== revision.seq) {
          throw new ConflictError(
            `Revision ${revision.seq} was superseded by revision ${now.seq} (a follow-up) before the apply started; review revision ${now.seq} and apply it`,
          );
        }
        await this.planner.recheckPolicy(details, revision);
      },
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
    let details = await store.getSession({ id: input.id });
    const provider = this.providerOf(details.session);
    assertCanDestroy(details, input.confirm);
    if (details.session.status === 'applying') {
      details = await this.locks.endInterruptedApply(details, input.actor);
    }
    const { session } = details;
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
      provider,
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

  /**
   * The session's details with how to reach its live instances and whether
   * its cloud can stop, start and reboot them (see `instanceActions.ts`).
   */
  withConnections(details: SessionDetails): SessionDetails {
    return this.instances.withConnections(details);
  }

  /** Stops, starts or reboots an instance of an applied session (see `instanceActions.ts`). */
  async instanceAction(
    input: Parameters<InstanceActions['run']>[0],
  ): Promise<SessionDetails> {
    return this.instances.run(input);
  }

  /** Moves the expiry, within the maximum lifetime counted from now. */
  async extend(input: { id: string; hours: unknown; actor: Actor }) {
    const { store, lifetime } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    const expiresAt = extendedExpiry(session, input.hours, lifetime);
    // The lifetime rules of planning (IntentPolicy limits and approvals
    // included) for the lifetime the session would have from now.
    const ttlHours =
      Math.round(
        ((new Date(expiresAt).getTime() - Date.now()) / 3_600_000) * 100,
      ) / 100;
    await this.planner.assertLifetimeAllowed(details, ttlHours);
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

  /** Marks an applied session as promoted (see `promotion.ts`). */
  async promote(
    input: Parameters<Promotions['promote']>[0],
  ): Promise<SessionDetails> {
    return this.promotions.promote(input);
  }

  /** An approver approves or rejects the latest revision. */
  async decide(input: Parameters<Approvals['decide']>[0]) {
    await this.approvals.decide(input);
    this.options.onChange?.(input.id);
    return this.options.store.getSession({ id: input.id });
  }

  /** Drops a session's lock whoever holds it (see `sessionLocks.ts`). */
  async forceReleaseLock(
    input: Parameters<SessionLocks['forceRelease']>[0],
  ): ReturnType<SessionLocks['forceRelease']> {
    return this.locks.forceRelease(input);
  }

  /** Resolves when every operation started so far has finished. */
  async idle(): Promise<void> {
    await this.operations.idle();
  }
}

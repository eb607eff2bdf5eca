// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  applySteps,
  canTransition,
  compareVerdicts,
  diffPlans,
  isFinalStatus,
  parsePlan,
  Plan,
  PlanPreview,
  PLAN_FORMAT_VERSION,
  planSchema,
  PolicyFinding,
  Revision,
  Session,
  SessionDetails,
  SessionStatus,
  statesLeadingTo,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomUUID } from 'node:crypto';
import { LockStore, NewRevision, SessionStore } from '../database';
import {
  ConfirmationRequiredError,
  SessionLockedError,
  SessionStateError,
} from './errors';
import { Guardrails } from './guardrails';
import { Membership } from './membership';
import { planHash } from './hashing';
import { withPlacement } from './placement';
import { OperationRunner, OperationSettings } from './OperationRunner';

const TITLE_LENGTH = 80;

/** Session lifetimes, from config. @internal */
export interface LifetimeSettings {
  defaultTtlHours: number;
  maxTtlHours: number;
}

/** What approvers are told. @internal */
export interface ApprovalRequest {
  approvers: string[];
  requester: string;
  sessionId: string;
  title: string;
  description: string;
}

/** Who asks. @internal */
export interface Actor {
  userEntityRef: string;
  /** The client's IP, for "ssh from my IP". */
  clientIp?: string;
}

function titleOf(intent: string): string {
  const firstLine = intent.split('\n')[0].trim();
  return firstLine.length <= TITLE_LENGTH
    ? firstLine
    : `${firstLine.slice(0, TITLE_LENGTH - 1)}\u2026`;
}

function latest(revisions: Revision[]): Revision {
  return revisions[revisions.length - 1];
}

/** The plan of what runs now, from the resource table (the truth after partial applies). */
export function appliedPlan(details: SessionDetails): Plan | null {
  if (details.resources.length === 0) {
    return null;
  }
  return planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: details.session.region,
    resources: details.resources.map(r => r.desired),
  });
}

/** A live lock means another operation runs: say whose. */
function assertUnlocked(details: SessionDetails) {
  const { lock, session } = details;
  if (lock) {
    throw new SessionLockedError(session.id, lock);
  }
}

function approverGroups(revision: Revision): string[] {
  return [
    ...new Set(
      revision.policy.findings.flatMap(f =>
        f.outcome === 'require-approval' && f.approvers ? [f.approvers] : [],
      ),
    ),
  ];
}

/** A finding in one line, for refusal messages. */
function describeFinding(finding: PolicyFinding): string {
  return `${finding.ruleId}${
    finding.address ? ` on ${finding.address}` : ''
  }: ${finding.message}`;
}

/** The unexpired approval of exactly this revision and plan, if any. */
function validApproval(details: SessionDetails, revision: Revision) {
  return details.approvals.find(
    a =>
      a.seq === revision.seq &&
      a.planHash === revision.planHash &&
      a.decision === 'approved' &&
      new Date(a.expiresAt).getTime() > Date.now(),
  );
}

function describeDestruction(
  details: SessionDetails,
  addresses: string[],
): string {
  return addresses
    .map(address => {
      const row = details.resources.find(r => r.address === address);
      return row?.cloudId ? `${address} (${row.cloudId})` : address;
    })
    .join(', ');
}

/**
 * Sessions from intent to running resources and back: plans with the
 * configured planner, validates, diffs, runs the guardrails, stores
 * revisions, and applies or destroys them as locked operations.
 *
 * @internal
 */
export class SessionService {
  /** Operations in flight, so shutdown and tests can wait for them. */
  private readonly running = new Set<Promise<void>>();
  private readonly runner: OperationRunner;

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
    this.runner = new OperationRunner({
      store: options.store,
      locks: options.locks,
      provider: options.provider,
      logger: options.logger,
      settings: options.operations,
      onProgress: options.onChange,
    });
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
    const { revision } = await this.plan({
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
    const { revision, ttlHours } = await this.plan({
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
    await this.announce(details);
    return details;
  }

  /** A follow-up intent: the next revision, planned against the latest one. */
  async followUp(input: { id: string; intent: unknown; actor: Actor }) {
    const { store } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    const from = statesLeadingTo('planned');
    assertUnlocked(details);
    if (!canTransition(session.status, 'planned')) {
      throw new SessionStateError(
        `Session ${session.id} is ${
          session.status
        }; follow-ups are possible when it is ${from.join(', ')}`,
        session.status,
      );
    }
    const { revision } = await this.plan({
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
    await this.announce(updated);
    return updated;
  }

  async apply(input: {
    id: string;
    planHash: unknown;
    confirm?: unknown;
    actor: Actor;
  }): Promise<{ details: SessionDetails; operationId: string }> {
    const { store } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    const revision = latest(details.revisions);
    if (typeof input.planHash !== 'string' || input.planHash.length === 0) {
      throw new InputError(
        `Send the planHash of the revision you reviewed, e.g. { "planHash": "${revision.planHash}" }`,
      );
    }
    assertUnlocked(details);
    if (!canTransition(session.status, 'applying')) {
      throw new SessionStateError(
        `Session ${session.id} is ${session.status}; only a planned or failed session can be applied`,
        session.status,
      );
    }
    if (input.planHash !== revision.planHash) {
      throw new ConflictError(
        `The plan changed since you reviewed it (you sent ${input.planHash}, revision ${revision.seq} has ${revision.planHash}); review it and apply again`,
      );
    }
    if (
      revision.plan.resources.length === 0 &&
      details.resources.length === 0
    ) {
      throw new ConflictError(
        'Nothing to apply: the plan has no resources; answer the planner\u2019s questions first',
      );
    }
    this.checkPolicy(details, revision);

    // A planned revision is re-checked: what runs must still be what it was
    // planned against. A failed or interrupted apply of the same revision is
    // resumed with the steps that were reviewed; each is idempotent.
    const resuming =
      session.status !== 'planned' && revision.status !== 'applied';
    const diff = resuming
      ? revision.diff
      : diffPlans(appliedPlan(details), revision.plan);
    if (
      !resuming &&
      JSON.stringify(diff.counts) !== JSON.stringify(revision.diff.counts)
    ) {
      throw new ConflictError(
        `What runs changed since revision ${revision.seq} was planned; make a new revision (a follow-up) and review it`,
      );
    }
    if (diff.destructive && input.confirm !== true) {
      const going = diff.changes
        .filter(c => c.action === 'delete' || c.action === 'replace')
        .map(c => c.address);
      throw new ConfirmationRequiredError(
        `This apply deletes or replaces ${describeDestruction(
          details,
          going,
        )}; send "confirm": true to go ahead`,
      );
    }

    const operationId = await this.startOperation({
      details,
      kind: 'apply',
      to: 'applying',
      revisionSeq: revision.seq,
      planTags: revision.plan.tags,
      steps: applySteps(diff),
      actor: input.actor.userEntityRef,
      onSuccess: {
        to: 'active',
        revision: 'applied',
        action: 'apply-succeeded',
      },
      onFailure: { revision: 'failed', action: 'apply-failed' },
      checkHoldingLock: () => this.recheckPolicy(details, revision),
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
    assertUnlocked(details);
    if (!canTransition(session.status, 'destroying')) {
      throw new SessionStateError(
        `Session ${session.id} is ${session.status}; it cannot be destroyed now`,
        session.status,
      );
    }
    if (input.confirm !== true) {
      throw new ConfirmationRequiredError(
        details.resources.length > 0
          ? `Destroying session ${session.id} deletes ${describeDestruction(
              details,
              details.resources.map(r => r.address),
            )}; send "confirm": true to go ahead`
          : `Destroying session ${session.id} discards its plan (nothing runs); send "confirm": true to go ahead`,
      );
    }
    const final = input.reason === 'expired' ? 'expired' : 'destroyed';
    const diff = diffPlans(appliedPlan(details), {
      formatVersion: PLAN_FORMAT_VERSION,
      region: session.region,
      tags: {},
      resources: [],
    });
    const operationId = await this.startOperation({
      details,
      kind: 'destroy',
      to: 'destroying',
      revisionSeq: null,
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
    const hours = input.hours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      throw new InputError(
        'Send "hours": a positive number of hours to extend the expiry by',
      );
    }
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    if (isFinalStatus(session.status) || session.status === 'destroying') {
      throw new SessionStateError(
        `Session ${session.id} is ${session.status}; its expiry cannot change`,
        session.status,
      );
    }
    const base = Math.max(
      Date.now(),
      new Date(session.expiresAt ?? Date.now()).getTime(),
    );
    const wanted = base + hours * 3_600_000;
    const limit = Date.now() + lifetime.maxTtlHours * 3_600_000;
    if (wanted > limit) {
      throw new InputError(
        `A session may live at most ${
          lifetime.maxTtlHours
        } hours from now (until ${new Date(
          limit,
        ).toISOString()}); extend by less`,
      );
    }
    const expiresAt = new Date(wanted).toISOString();
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
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private checkPolicy(details: SessionDetails, revision: Revision) {
    const { policy } = revision;
    if (policy.verdict === 'deny') {
      const reasons = policy.findings
        .filter(f => f.outcome === 'deny')
        .map(describeFinding);
      throw new ConflictError(
        `Policy denies revision ${revision.seq}: ${reasons.join('; ')}`,
      );
    }
    if (policy.verdict !== 'require-approval') {
      return;
    }
    const groups = approverGroups(revision);
    if (revision.status === 'rejected') {
      throw new ConflictError(
        `Revision ${revision.seq} was rejected; change the request with a follow-up`,
      );
    }
    const approval = validApproval(details, revision);
    if (!approval) {
      throw new ConflictError(
        `Revision ${revision.seq} needs approval by a member of ${groups.join(
          ' or ',
        )} before it can be applied${
          revision.status === 'approved' ? ' (its approval has expired)' : ''
        }`,
      );
    }
  }

  /** An approver approves or rejects the latest revision. */
  async decide(input: {
    id: string;
    seq: number;
    planHash: unknown;
    decision: 'approve' | 'reject';
    comment?: string;
    actor: Actor;
  }) {
    const { store, membership, approvalTtlHours } = this.options;
    const details = await store.getSession({ id: input.id });
    const revision = details.revisions.find(r => r.seq === input.seq);
    if (!revision) {
      throw new InputError(`Session ${input.id} has no revision ${input.seq}`);
    }
    if (revision !== latest(details.revisions)) {
      throw new ConflictError(
        `Revision ${revision.seq} is superseded by revision ${
          latest(details.revisions).seq
        }; decide on that one`,
      );
    }
    if (revision.policy.verdict !== 'require-approval') {
      throw new ConflictError(
        `Revision ${revision.seq} does not need approval (policy: ${revision.policy.verdict})`,
      );
    }
    if (input.planHash !== revision.planHash) {
      throw new ConflictError(
        `The plan changed since you reviewed it (revision ${revision.seq} has ${revision.planHash}); review it and decide again`,
      );
    }
    const expired =
      revision.status === 'approved' && !validApproval(details, revision);
    if (revision.status !== 'proposed' && !expired) {
      throw new ConflictError(
        `Revision ${revision.seq} is already ${revision.status}`,
      );
    }
    const actor = input.actor.userEntityRef;
    const groups = approverGroups(revision);
    if (actor === revision.createdBy) {
      throw new NotAllowedError(
        `You asked for revision ${revision.seq}; a member of ${groups.join(
          ' or ',
        )} other than you must approve it`,
      );
    }
    if (!(await membership.isMemberOfAny(actor, groups))) {
      throw new NotAllowedError(
        `Only members of ${groups.join(' or ')} may approve revision ${
          revision.seq
        }; ${actor} is not one`,
      );
    }
    const decision = input.decision === 'approve' ? 'approved' : 'rejected';
    const decided = await store.decideRevision({
      sessionId: input.id,
      from: expired ? ['approved'] : ['proposed'],
      approval: {
        seq: revision.seq,
        planHash: revision.planHash,
        decision,
        actor,
        comment: input.comment ?? null,
        expiresAt: new Date(
          Date.now() + approvalTtlHours * 3_600_000,
        ).toISOString(),
      },
      audit: {
        actor,
        action:
          decision === 'approved' ? 'revision-approve' : 'revision-reject',
        details: {
          planHash: revision.planHash,
          comment: input.comment ?? null,
          groups,
        },
      },
    });
    if (!decided) {
      throw new ConflictError(
        `Revision ${revision.seq} changed meanwhile; reload it and decide again`,
      );
    }
    this.options.onChange?.(input.id);
    return store.getSession({ id: input.id });
  }

  /** Tells the approvers when a new revision waits for them; never fails the request. */
  private async announce(details: SessionDetails) {
    const revision = latest(details.revisions);
    if (
      revision.policy.verdict !== 'require-approval' ||
      !this.options.requestApproval
    ) {
      return;
    }
    try {
      await this.options.requestApproval({
        approvers: approverGroups(revision),
        requester: revision.createdBy,
        sessionId: details.session.id,
        title: `Approval needed: ${details.session.title}`,
        description: revision.policy.findings
          .filter(f => f.outcome === 'require-approval')
          .map(f => f.message)
          .join(' '),
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not notify the approvers of session ${details.session.id}: ${error}`,
      );
    }
  }

  private async evaluateGuardrails(
    plan: Plan,
    subject: { owner: string; team: string | null },
    guardrails: Pick<Guardrails, 'evaluate'> = this.options.guardrails,
  ) {
    const ttlHours = plan.ttlHours ?? this.options.lifetime.defaultTtlHours;
    const { policy, cost } = await guardrails.evaluate({
      plan,
      subject: { ...subject, region: plan.region, ttlHours },
    });
    return { policy, cost, ttlHours };
  }

  /**
   * Policy runs again right before every apply, holding the lock:
   * IntentPolicies may have changed, become invalid or unreadable since the
   * revision was planned. A stricter verdict than the reviewed one blocks the
   * apply (fail closed).
   */
  private async recheckPolicy(details: SessionDetails, revision: Revision) {
    const { policy } = await this.evaluateGuardrails(revision.plan, {
      owner: details.session.owner,
      team: details.session.team,
    });
    if (compareVerdicts(policy.verdict, revision.policy.verdict) >= 0) {
      return;
    }
    const reasons = policy.findings
      .filter(f => f.outcome === policy.verdict)
      .map(describeFinding);
    throw new ConflictError(
      `The guardrails changed since revision ${
        revision.seq
      } was planned: its verdict was ${revision.policy.verdict}, now it is ${
        policy.verdict
      } (${reasons.join('; ')}); plan it again with a follow-up`,
    );
  }

  private async plan(input: {
    intent: unknown;
    current?: Plan;
    prior: Plan | null;
    subject: { owner: string; team: string | null };
    actor: Actor;
  }): Promise<{ revision: NewRevision; ttlHours: number }> {
    const problem = validateIntentText(input.intent);
    if (problem) {
      throw new InputError(problem);
    }
    const intent = (input.intent as string).trim();
    const { planner } = this.options;
    const guardrails =
      (await this.options.guardrails.load?.()) ?? this.options.guardrails;
    const result = await planner
      .plan({
        intent,
        current: input.current,
        context: {
          clientIp: input.actor.clientIp,
          guardrails:
            'summary' in guardrails ? guardrails.summary() : undefined,
        },
      })
      .catch(error => {
        // The planner is a dependency (Claude, a module's service): its
        // failure is not the caller's fault and nothing was stored.
        throw new ServiceUnavailableError(
          `The ${planner.id} planner could not plan this request: ${
            error instanceof Error ? error.message : String(error)
          }`,
          error,
        );
      });
    const checked = parsePlan(result.plan);
    if (!checked.ok) {
      throw new Error(
        `Planner ${
          result.planner
        } returned an invalid plan: ${checked.problems.join('; ')}`,
      );
    }
    const plan = withPlacement(checked.plan);
    const { policy, cost, ttlHours } = await this.evaluateGuardrails(
      plan,
      input.subject,
      guardrails,
    );
    return {
      ttlHours,
      revision: {
        intent,
        planner: result.planner,
        plan,
        assumptions: result.assumptions,
        questions: result.questions,
        outOfScope: result.outOfScope,
        modification: result.modification ?? null,
        diff: diffPlans(input.prior, plan),
        policy,
        cost,
        planHash: planHash(plan),
        createdBy: input.actor.userEntityRef,
      },
    };
  }

  private async startOperation(input: {
    details: SessionDetails;
    kind: 'apply' | 'destroy';
    to: SessionStatus;
    revisionSeq: number | null;
    planTags: Record<string, string>;
    steps: ReturnType<typeof applySteps>;
    actor: string;
    onSuccess: {
      to: SessionStatus;
      revision?: Revision['status'];
      action: string;
    };
    onFailure: { revision?: Revision['status']; action: string };
    /** Runs once the lock is held, before anything changes; throwing refuses. */
    checkHoldingLock?: () => Promise<void>;
  }): Promise<string> {
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
        region: session.region,
        planTags: input.planTags,
        revisionSeq: input.revisionSeq,
        steps: input.steps,
        resources: fresh.resources,
      })
      .then(
        () => this.finish(input, session, operationId, 'succeeded'),
        error =>
          this.finish(input, session, operationId, 'failed', error as Error),
      )
      .catch(error =>
        logger.error(`Operation ${operationId} could not finish`, error),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return operationId;
  }

  private async finish(
    input: Parameters<SessionService['startOperation']>[0],
    session: Session,
    operationId: string,
    outcome: 'succeeded' | 'failed',
    error?: Error,
  ) {
    const { store, locks, logger } = this.options;
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
      const to = outcome === 'succeeded' ? input.onSuccess.to : 'failed';
      const revisionStatus =
        outcome === 'succeeded'
          ? input.onSuccess.revision
          : input.onFailure.revision;
      await store.transition({
        id: session.id,
        from: [input.to],
        to,
        revision:
          input.revisionSeq !== null && revisionStatus
            ? { seq: input.revisionSeq, status: revisionStatus }
            : undefined,
        audit: {
          actor: input.actor,
          action:
            outcome === 'succeeded'
              ? input.onSuccess.action
              : input.onFailure.action,
          revisionSeq: input.revisionSeq ?? undefined,
          details: { operationId, ...(error ? { error: error.message } : {}) },
        },
      });
      await locks.release({ key: `session:${session.id}`, operationId });
    }
    this.options.onChange?.(session.id, operationId);
  }
}

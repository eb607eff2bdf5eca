// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  PolicyFinding,
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { Membership } from './membership';
import { Actor, latest } from './sessionState';

/** What approvers are told. @internal */
export interface ApprovalRequest {
  approvers: string[];
  requester: string;
  sessionId: string;
  title: string;
  description: string;
}

/** The groups whose members may approve a revision (any one of them). */
export function approverGroups(revision: Revision): string[] {
  return [
    ...new Set(
      revision.policy.findings.flatMap(f =>
        f.outcome === 'require-approval' && f.approvers ? [f.approvers] : [],
      ),
    ),
  ];
}

/** A finding in one line, for refusal messages. */
export function describeFinding(finding: PolicyFinding): string {
  return `${finding.ruleId}${
    finding.address ? ` on ${finding.address}` : ''
  }: ${finding.message}`;
}

/** The unexpired approval of exactly this revision and plan, if any. */
export function validApproval(details: SessionDetails, revision: Revision) {
  return details.approvals.find(
    a =>
      a.seq === revision.seq &&
      a.planHash === revision.planHash &&
      a.decision === 'approved' &&
      new Date(a.expiresAt).getTime() > Date.now(),
  );
}

/**
 * Throws unless the policy lets this revision be applied now: not denied,
 * and, where it needs approval, not rejected and approved unexpired.
 */
export function assertPolicyAllowsApply(
  details: SessionDetails,
  revision: Revision,
) {
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
  if (revision.status === 'rejected') {
    throw new ConflictError(
      `Revision ${revision.seq} was rejected; change the request with a follow-up`,
    );
  }
  if (!validApproval(details, revision)) {
    throw new ConflictError(
      `Revision ${revision.seq} needs approval by a member of ${approverGroups(
        revision,
      ).join(' or ')} before it can be applied${
        revision.status === 'approved' ? ' (its approval has expired)' : ''
      }`,
    );
  }
}

/**
 * Approvals of revisions that policy says need one: asks the approver groups
 * and records their decisions, each valid for a while and for exactly the
 * plan that was reviewed.
 *
 * @internal
 */
export class Approvals {
  constructor(
    private readonly options: {
      store: SessionStore;
      membership: Membership;
      logger: LoggerService;
      /** How long an approval allows an apply. */
      approvalTtlHours: number;
      /** Tells approver groups that a revision waits for them. */
      requestApproval?: (request: ApprovalRequest) => Promise<void>;
    },
  ) {}

  /** An approver approves or rejects the latest revision. */
  async decide(input: {
    id: string;
    seq: number;
    planHash: unknown;
    decision: 'approve' | 'reject';
    comment?: string;
    actor: Actor;
    /**
     * Whether the caller may read the session (the router's read decision
     * on it). False: a caller who is no approver gets 404. Left out, the
     * caller is taken to be able to read it (the router authorized them).
     */
    mayRead?: boolean;
  }): Promise<void> {
    const { store, membership, approvalTtlHours } = this.options;
    const details = await store.getSession({ id: input.id });
    // Membership first: a caller who is not an approver of the latest
    // revision needing approval learns no state, verdict or plan hash from
    // the answer, and nothing at all (404) when they may not read the
    // session either.
    const actorRef = input.actor.userEntityRef;
    const pending = [...details.revisions]
      .reverse()
      .find(r => r.policy.verdict === 'require-approval');
    const pendingGroups = pending ? approverGroups(pending) : [];
    const mayApprove =
      pendingGroups.length > 0 &&
      (await membership.isMemberOfAny(actorRef, pendingGroups));
    if (!mayApprove) {
      if (input.mayRead === false) {
        throw new NotFoundError(`No session with id ${input.id}`);
      }
      if (!pending) {
        throw new ConflictError(
          `No revision of session ${input.id} needs approval`,
        );
      }
      if (actorRef === pending.createdBy) {
        throw new NotAllowedError(
          `You asked for revision ${
            pending.seq
          }; a member of ${pendingGroups.join(
            ' or ',
          )} other than you must approve it`,
        );
      }
      throw new NotAllowedError(
        `Only members of ${pendingGroups.join(' or ')} may approve revision ${
          pending.seq
        }; ${actorRef} is not one`,
      );
    }
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
  }

  /** Tells the approvers when a new revision waits for them; never fails the request. */
  async announce(details: SessionDetails): Promise<void> {
    const revision = latest(details.revisions);
    const { requestApproval, logger } = this.options;
    if (revision.policy.verdict !== 'require-approval' || !requestApproval) {
      return;
    }
    try {
      await requestApproval({
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
      logger.warn(
        `Could not notify the approvers of session ${details.session.id}: ${error}`,
      );
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ConflictError, InputError } from '@backstage/errors';
import {
  canTransition,
  diffPlans,
  isFinalStatus,
  PlanDiff,
  Revision,
  Session,
  SessionDetails,
  statesLeadingTo,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { assertPolicyAllowsApply } from './approvals';
import { ConfirmationRequiredError, SessionStateError } from './errors';
import {
  appliedPlan,
  assertUnlocked,
  describeDestruction,
  LifetimeSettings,
} from './sessionState';

// The checks of a request against a session's state: pure; each throws the
// refusal the caller sees, or returns what the request may go ahead with.

export function assertCanFollowUp(details: SessionDetails) {
  const { session } = details;
  assertUnlocked(details);
  if (!canTransition(session.status, 'planned')) {
    throw new SessionStateError(
      `Session ${session.id} is ${
        session.status
      }; follow-ups are possible when it is ${statesLeadingTo('planned').join(
        ', ',
      )}`,
      session.status,
    );
  }
}

/**
 * The diff an apply of the latest revision runs, once the request names the
 * reviewed plan, the session may be applied, policy allows it, and
 * destruction is confirmed.
 * A planned revision is re-checked: what runs must still be what it was
 * planned against. A failed or interrupted apply of the same revision is
 * resumed with the steps that were reviewed; each is idempotent.
 */
export function reviewedApplyDiff(
  details: SessionDetails,
  revision: Revision,
  input: { planHash: unknown; confirm?: unknown },
): PlanDiff {
  const { session } = details;
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
  if (revision.plan.resources.length === 0 && details.resources.length === 0) {
    throw new ConflictError(
      'Nothing to apply: the plan has no resources; answer the planner\u2019s questions first',
    );
  }
  assertPolicyAllowsApply(details, revision);
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
  return diff;
}

/**
 * Destroy is possible from every state but the final ones once no live
 * operation holds the lock, whatever policy says now (policy judges what
 * gets created, never the clean-up). An `applying` session without a live
 * lock is an apply whose holder crashed: the caller ends it `failed` first.
 */
export function assertCanDestroy(details: SessionDetails, confirm: unknown) {
  const { session } = details;
  assertUnlocked(details);
  if (
    session.status !== 'applying' &&
    !canTransition(session.status, 'destroying')
  ) {
    throw new SessionStateError(
      `Session ${session.id} is ${session.status}; it cannot be destroyed now`,
      session.status,
    );
  }
  if (confirm !== true) {
    throw new ConfirmationRequiredError(
      details.resources.length > 0
        ? `Destroying session ${session.id} deletes ${describeDestruction(
            details,
            details.resources.map(r => r.address),
          )}; send "confirm": true to go ahead`
        : `Destroying session ${session.id} discards its plan (nothing runs); send "confirm": true to go ahead`,
    );
  }
}

/** The expiry `hours` later than now or the current one, within the maximum lifetime from now. */
export function extendedExpiry(
  session: Session,
  hours: unknown,
  lifetime: LifetimeSettings,
): string {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
    throw new InputError(
      'Send "hours": a positive number of hours to extend the expiry by',
    );
  }
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
  return new Date(wanted).toISOString();
}

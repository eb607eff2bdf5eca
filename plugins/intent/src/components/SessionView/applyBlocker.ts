// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  isFinalStatus,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { blockingReason } from '../PlanSummary/blockingReason';

/**
 * Why the latest revision cannot be applied now, in words for the person on
 * the page, or undefined when Apply may be pressed.
 */
export function applyBlocker(details: SessionDetails): string | undefined {
  const { session, revisions, resources } = details;
  const revision = revisions[revisions.length - 1];
  if (isFinalStatus(session.status)) {
    return `The sandbox is ${session.status}: nothing can be applied any more.`;
  }
  if (session.status === 'applying' || session.status === 'destroying') {
    return `An operation is running (${session.status}): wait for it to finish.`;
  }
  if (revision.status === 'applied') {
    return 'The latest revision is applied: describe a change below to plan the next one.';
  }
  if (revision.status === 'rejected') {
    return 'The approver rejected this revision: describe a change below to plan a new one.';
  }
  const blocked = blockingReason(revision);
  if (blocked) {
    return blocked;
  }
  if (
    revision.policy.verdict === 'require-approval' &&
    revision.status !== 'approved'
  ) {
    const approvers = [
      ...new Set(
        revision.policy.findings.flatMap(f =>
          f.outcome === 'require-approval' && f.approvers ? [f.approvers] : [],
        ),
      ),
    ];
    return `Waiting for approval${
      approvers.length ? ` by a member of ${approvers.join(' or ')}` : ''
    }: Apply unlocks once it is approved.`;
  }
  if (revision.plan.resources.length === 0 && resources.length === 0) {
    return 'The plan has no resources yet: describe what you need below.';
  }
  if (!['planned', 'failed'].includes(session.status)) {
    return `Nothing to apply while the sandbox is ${session.status}.`;
  }
  return undefined;
}

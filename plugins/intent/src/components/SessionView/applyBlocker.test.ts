// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { applyBlocker } from './applyBlocker';
import { approvalFinding, denyFinding, plannedSession } from './testFixtures';

describe('applyBlocker', () => {
  it('lets a planned, allowed revision be applied', () => {
    expect(applyBlocker(plannedSession())).toBeUndefined();
  });

  it('names the deny and what to do', () => {
    expect(applyBlocker(plannedSession({ findings: [denyFinding] }))).toBe(
      'Denied by policy: Provisioned-IOPS volumes are not allowed for EU sandboxes. What to do: Use gp3.',
    );
  });

  it("quotes the planner's open question", () => {
    expect(applyBlocker(plannedSession({ questions: ['Which region?'] }))).toBe(
      "Answer the planner's question first: Which region? Say it in the intent.",
    );
  });

  it('waits for the approvers the policy names, until approved', () => {
    const pending = plannedSession({ findings: [approvalFinding] });
    expect(applyBlocker(pending)).toBe(
      'Waiting for approval by a member of group:default/platform: Apply unlocks once it is approved.',
    );
    pending.revisions[0].status = 'approved';
    expect(applyBlocker(pending)).toBeUndefined();
  });

  it('explains ended, running, applied and rejected states', () => {
    const details = plannedSession();
    expect(
      applyBlocker({
        ...details,
        session: { ...details.session, status: 'destroyed' },
      }),
    ).toMatch(/^The sandbox is destroyed/);
    expect(
      applyBlocker({
        ...details,
        session: { ...details.session, status: 'applying' },
      }),
    ).toMatch(/^An operation is running/);
    expect(
      applyBlocker({
        ...details,
        revisions: [{ ...details.revisions[0], status: 'applied' }],
      }),
    ).toMatch(/^The latest revision is applied/);
    expect(
      applyBlocker({
        ...details,
        revisions: [{ ...details.revisions[0], status: 'rejected' }],
      }),
    ).toMatch(/^The approver rejected/);
  });
});

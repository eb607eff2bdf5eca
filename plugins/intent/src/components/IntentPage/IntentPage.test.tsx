// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  diffPlans,
  estimateCost,
  PlanPreview,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  instance,
  makePlan,
} from '@intent-sandboxes/backstage-plugin-intent-common/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { intentApiRef } from '../../api';
import { fakeIntentApi } from '../../__testUtils__/fakeIntentApi';
import { IntentPage } from './IntentPage';

// Rendering the test app is slow on a busy machine.
jest.setTimeout(30_000);

/** What a planner returns for "a <type> with Debian in eu-west-1" (a fixture, not a planner). */
function plannerResult(intent: string) {
  const instanceType = /t3\.\w+/.exec(intent)?.[0] ?? 't3.micro';
  return {
    planner: 'rules',
    plan: makePlan(
      [
        instance('sandbox', {
          instanceType,
          image: { os: 'debian', version: '12', architecture: 'x86_64' },
          associatePublicIp: true,
        }),
      ],
      { region: 'eu-west-1', ttlHours: 8 },
    ),
    assumptions: [],
    questions: [],
    outOfScope: [],
  };
}

function planned(): SessionDetails {
  const result = plannerResult('a t3.micro with Debian in eu-west-1');
  return {
    session: {
      id: 's1',
      title: 'a t3.micro with Debian',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'planned',
      expiresAt: null,
      createdAt: '2026-11-25T00:00:00.000Z',
      updatedAt: '2026-11-25T00:00:00.000Z',
      promotedTo: null,
    },
    revisions: [
      {
        ...result,
        sessionId: 's1',
        seq: 1,
        intent: 'a t3.micro with Debian in eu-west-1',
        planHash: 'abc123',
        status: 'proposed',
        modification: null,
        diff: diffPlans(null, result.plan),
        policy: { verdict: 'allow', findings: [], appliedPolicies: [] },
        cost: estimateCost(result.plan),
        approvedBy: null,
        createdBy: 'user:default/ada',
        createdAt: '2026-11-25T00:00:00.000Z',
      },
    ],
    resources: [],
    operations: [],
    lock: null,
    approvals: [],
  };
}

const fakeApi = fakeIntentApi;

function preview(intent: string): PlanPreview {
  const result = plannerResult(intent);
  return {
    ...result,
    modification: null,
    diff: diffPlans(null, result.plan),
    policy: {
      verdict: 'warn',
      appliedPolicies: [],
      findings: [
        {
          ruleId: 'no-public-ip',
          source: 'baseline',
          outcome: 'warn',
          address: 'aws_instance.sandbox',
          field: 'associatePublicIp',
          message: 'aws_instance.sandbox gets a public IP address',
          fix: 'Set associatePublicIp: false',
        },
      ],
    },
    cost: estimateCost(result.plan),
    planHash: 'preview-hash',
  };
}

describe('IntentPage', () => {
  it('refuses an empty intent without calling the backend', async () => {
    const api = fakeApi();
    await renderInTestApp(<IntentPage />, { apis: [[intentApiRef, api]] });
    fireEvent.click(await screen.findByRole('button', { name: 'Plan it' }));
    expect(
      await screen.findByText(/Describe what you need/),
    ).toBeInTheDocument();
    expect(api.createSession).not.toHaveBeenCalled();
  });

  it('shows the plan and applies it with the hash it showed', async () => {
    const details = planned();
    const active = {
      ...details,
      session: { ...details.session, status: 'active' as const },
    };
    const api = fakeApi({
      getSession: jest
        .fn()
        .mockResolvedValueOnce(details)
        .mockResolvedValue(active),
      applySession: jest
        .fn()
        .mockResolvedValue({ operationId: 'op-1', details: active }),
    });
    await renderInTestApp(<IntentPage />, {
      apis: [[intentApiRef, api]],
      initialRouteEntries: ['/sessions/s1'],
    });
    expect(
      await screen.findByRole('table', { name: 'Planned changes' }),
    ).toHaveTextContent('aws_instance.sandbox');
    expect(
      screen.getByText(/t3\.micro, debian 12 \(x86_64\)/),
    ).toBeInTheDocument();
    // The cost of each resource, before anything is applied.
    expect(
      within(screen.getByLabelText('Hourly cost per resource')).getByText(
        'aws_instance.sandbox',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Accrued cost')).toHaveTextContent(
      'Nothing accrued yet',
    );
    expect(screen.getByLabelText('Policy verdict')).toHaveTextContent(
      'Policy: allow',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(api.applySession).toHaveBeenCalledWith({
        id: 's1',
        planHash: 'abc123',
        confirm: undefined,
      }),
    );
    expect(await screen.findByLabelText('Session status')).toHaveTextContent(
      'active',
    );
  });

  it('previews the plan while typing, for the latest text only', async () => {
    const api = fakeApi({
      previewPlan: jest
        .fn()
        .mockImplementation(async ({ intent }) => preview(intent)),
    });
    await renderInTestApp(<IntentPage />, { apis: [[intentApiRef, api]] });
    const field = await screen.findByLabelText('What do you need?');
    fireEvent.change(field, { target: { value: 'a t3.micro' } });
    fireEvent.change(field, {
      target: { value: 'a t3.large with Debian in eu-west-1' },
    });

    const card = await screen.findByLabelText('Plan preview');
    expect(
      await within(card).findByText(/t3\.large, debian 12 \(x86_64\)/),
    ).toBeInTheDocument();
    expect(within(card).getByLabelText('Policy verdict')).toHaveTextContent(
      'Policy: warn',
    );
    expect(within(card).getByLabelText('Cost estimate')).toHaveTextContent(
      '/hour',
    );
    // The first text was replaced before the pause ended: never sent.
    expect(api.previewPlan).toHaveBeenCalledTimes(1);
    expect(api.previewPlan.mock.calls[0][0]).toEqual({
      intent: 'a t3.large with Debian in eu-west-1',
    });
    expect(api.createSession).not.toHaveBeenCalled();
  });

  it('says why there is no preview when the backend refuses', async () => {
    const api = fakeApi({
      previewPlan: jest
        .fn()
        .mockRejectedValue(new Error('The rules planner is unavailable')),
    });
    await renderInTestApp(<IntentPage />, { apis: [[intentApiRef, api]] });
    fireEvent.change(await screen.findByLabelText('What do you need?'), {
      target: { value: 'a t3.micro' },
    });
    expect(
      await screen.findByText('No preview: The rules planner is unavailable'),
    ).toBeInTheDocument();
  });

  it('lists the sandboxes, a page at a time', async () => {
    const session = planned().session;
    const items = Array.from({ length: 21 }, (_, i) => ({
      ...session,
      id: `s${i}`,
      title: i === 20 ? 'the oldest' : `sandbox ${i}`,
    }));
    // The server pages: `limit` sessions from `offset`.
    const api = fakeApi({
      listSessions: jest.fn(async request => ({
        items: items
          .slice(
            request?.offset ?? 0,
            (request?.offset ?? 0) + (request?.limit ?? 20),
          )
          .map(s => ({
            ...s,
            hourlyCostUsd: null,
            monthlyCostUsd: null,
            drifted: false,
          })),
        totalCount: items.length,
      })),
    });
    await renderInTestApp(<IntentPage />, {
      apis: [
        [intentApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/ada' }),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Sandboxes' });
    expect(
      within(table).getByRole('link', { name: 'sandbox 0' }),
    ).toHaveAttribute('href', expect.stringMatching(/sessions\/s0$/));
    expect(screen.getByText('Sandboxes (21)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('the oldest')).toBeInTheDocument();
    expect(screen.queryByText('sandbox 0')).toBeNull();
    // The server pages, filters and searches: one request per page.
    expect(api.listSessions.mock.calls).toEqual([
      [{ scope: 'mine', limit: 20, offset: 0 }],
      [{ scope: 'mine', limit: 20, offset: 20 }],
    ]);
  });

  it('shows the step log of the latest operation', async () => {
    const details = planned();
    const operation = {
      id: 'op-1',
      sessionId: 's1',
      kind: 'apply' as const,
      revisionSeq: 1,
      status: 'failed' as const,
      actor: 'user:default/ada',
      error: 'InsufficientInstanceCapacity: no t3.micro capacity',
      startedAt: '2026-11-25T00:00:00.000Z',
      finishedAt: '2026-11-25T00:00:01.000Z',
    };
    const api = fakeApi({
      getSession: jest.fn().mockResolvedValue({
        ...details,
        session: { ...details.session, status: 'failed' },
        operations: [operation],
      }),
      getOperation: jest.fn().mockResolvedValue({
        ...operation,
        steps: [
          {
            step: 'create:aws_instance.sandbox',
            status: 'started',
            cloudId: null,
            message: null,
            at: '2026-11-25T00:00:00.100Z',
          },
          {
            step: 'create:aws_instance.sandbox',
            status: 'failed',
            cloudId: null,
            message: 'InsufficientInstanceCapacity: no t3.micro capacity',
            at: '2026-11-25T00:00:00.900Z',
          },
        ],
      }),
    });
    await renderInTestApp(<IntentPage />, {
      apis: [[intentApiRef, api]],
      initialRouteEntries: ['/sessions/s1'],
    });
    const steps = await screen.findByRole(
      'table',
      { name: 'Operation steps' },
      { timeout: 10_000 },
    );
    // One row per step, with its state and how long it took.
    expect(
      within(steps).getAllByText('create:aws_instance.sandbox'),
    ).toHaveLength(1);
    expect(within(steps).getByText('failed')).toBeInTheDocument();
    expect(within(steps).getByText('800 ms')).toBeInTheDocument();
    expect(screen.getByLabelText('Operation status')).toHaveTextContent(
      'apply revision 1: failed (InsufficientInstanceCapacity',
    );
    expect(api.getOperation).toHaveBeenCalledWith({ id: 'op-1' });
  });

  it("shows who must approve and sends the approver's decision with the plan hash", async () => {
    const details = planned();
    const revision = {
      ...details.revisions[0],
      policy: {
        verdict: 'require-approval' as const,
        appliedPolicies: ['intentpolicy:default/gpu'],
        findings: [
          {
            ruleId: 'gpu-needs-approval',
            source: 'intentpolicy:default/gpu',
            outcome: 'require-approval' as const,
            address: 'aws_instance.sandbox',
            approvers: 'group:default/platform',
            message: 'GPU instances need the platform team\u2019s approval',
            fix: 'Ask a member of group:default/platform',
          },
        ],
      },
    };
    const pending = { ...details, revisions: [revision] };
    const approved = {
      ...pending,
      revisions: [{ ...revision, status: 'approved' as const }],
      approvals: [
        {
          seq: 1,
          planHash: 'abc123',
          decision: 'approved' as const,
          actor: 'user:default/approver',
          comment: 'ok for the spike',
          createdAt: '2026-11-25T00:00:00.000Z',
          expiresAt: '2999-01-01T00:00:00.000Z',
        },
      ],
    };
    const api = fakeApi({
      getSession: jest
        .fn()
        .mockResolvedValueOnce(pending)
        .mockResolvedValue(approved),
      decide: jest.fn().mockResolvedValue(approved),
    });
    await renderInTestApp(<IntentPage />, {
      apis: [[intentApiRef, api]],
      initialRouteEntries: ['/sessions/s1'],
    });
    expect(
      await screen.findByText(
        'Waiting for approval by a member of group:default/platform',
      ),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Comment'), {
      target: { value: 'ok for the spike' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api.decide).toHaveBeenCalledWith({
        id: 's1',
        seq: 1,
        planHash: 'abc123',
        decision: 'approve',
        comment: 'ok for the spike',
      }),
    );
    expect(
      await screen.findByText('Approved by user:default/approver'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});

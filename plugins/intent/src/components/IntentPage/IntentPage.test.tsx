// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  diffPlans,
  estimateCost,
  planWithRules,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { IntentPage } from './IntentPage';

function planned(): SessionDetails {
  const result = planWithRules('a t3.micro with Debian in eu-west-1');
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

function fakeApi(overrides: Partial<IntentApi> = {}): jest.Mocked<IntentApi> {
  return {
    createSession: jest.fn(),
    getSession: jest.fn(),
    listSessions: jest.fn(),
    followUp: jest.fn(),
    applySession: jest.fn(),
    destroySession: jest.fn(),
    extendSession: jest.fn(),
    getOperation: jest.fn(),
    decide: jest.fn(),
    ...overrides,
  } as jest.Mocked<IntentApi>;
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
    expect(await screen.findByText('aws_instance.sandbox')).toBeInTheDocument();
    expect(
      screen.getByText(/t3\.micro, debian 12 \(x86_64\)/),
    ).toBeInTheDocument();
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
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { fakeIntentApi } from '../../__testUtils__/fakeIntentApi';
import { IntentPage } from '../IntentPage';
import { approvalFinding, denyFinding, plannedSession } from './testFixtures';

// Rendering the test app is slow on a busy machine.
jest.setTimeout(30_000);

const fakeApi = fakeIntentApi;

async function renderSession(api: IntentApi) {
  return renderInTestApp(<IntentPage />, {
    apis: [
      [intentApiRef, api],
      mockApis.identity({ userEntityRef: 'user:default/dana' }),
    ],
    initialRouteEntries: ['/sessions/s1'],
  });
}

describe('SessionView', () => {
  it('says it is loading the session', async () => {
    await renderSession(
      fakeApi({ getSession: jest.fn(() => new Promise(() => {})) }),
    );
    expect(await screen.findByText('Loading session…')).toBeInTheDocument();
  });

  it('keeps Apply disabled while a deny stands, and says why and what to do', async () => {
    const api = fakeApi({
      getSession: jest
        .fn()
        .mockResolvedValue(plannedSession({ findings: [denyFinding] })),
      applySession: jest.fn(),
    });
    await renderSession(api);
    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    expect(screen.getByLabelText('Why Apply is disabled')).toHaveTextContent(
      'Denied by policy: Provisioned-IOPS volumes are not allowed for EU sandboxes. What to do: Use gp3.',
    );
    expect(apply).toHaveAttribute('aria-describedby', 'apply-blocked-reason');
  });

  it('keeps Apply disabled while the approval is pending', async () => {
    await renderSession(
      fakeApi({
        getSession: jest
          .fn()
          .mockResolvedValue(plannedSession({ findings: [approvalFinding] })),
      }),
    );
    expect(await screen.findByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByLabelText('Why Apply is disabled')).toHaveTextContent(
      'Waiting for approval by a member of group:default/platform',
    );
  });

  it('shows a refused apply with its cause and what to do', async () => {
    const refused = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'You may not apply this sandbox',
          },
          request: { method: 'POST', url: '/api/intent/v1/sessions/s1/apply' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );
    const api = fakeApi({
      getSession: jest.fn().mockResolvedValue(plannedSession()),
      applySession: jest.fn().mockRejectedValue(refused),
    });
    await renderSession(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(
      await screen.findByText('You may not apply this sandbox'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ask the owner of the sandbox or a platform admin/),
    ).toBeInTheDocument();
  });

  it('shows why the session could not be loaded', async () => {
    await renderSession(
      fakeApi({
        getSession: jest.fn().mockRejectedValue(new Error('no such session')),
      }),
    );
    expect(
      await screen.findByText('Could not load the sandbox: no such session'),
    ).toBeInTheDocument();
  });

  it('puts focus back on Destroy… when the question is cancelled', async () => {
    const details = plannedSession();
    const active = {
      ...details,
      session: { ...details.session, status: 'active' as const },
      resources: [
        {
          address: 'aws_instance.sandbox',
          type: 'aws_instance',
          region: 'eu-west-1',
          cloudId: 'i-0123456789abcdef0',
          replacedCloudId: null,
          status: 'running',
          desired: {},
          actual: {},
          updatedAt: details.session.updatedAt,
        },
      ],
    };
    await renderSession(
      fakeApi({ getSession: jest.fn().mockResolvedValue(active) }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Destroy…' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Destroy…' })).toHaveFocus(),
    );
  });
});

describe('SessionView: the idle rule', () => {
  const active = () => {
    const details = plannedSession();
    return {
      ...details,
      session: { ...details.session, status: 'active' as const },
    };
  };
  const expiry = (warnedAt: string | null) => ({
    exempt: false,
    exemptedBy: null,
    destroyAttempts: 0,
    nextAttemptAt: null,
    lastError: null,
    idle: {
      lastActivityAt: '2026-11-25T00:00:00.000Z',
      warnAt: '2026-11-26T00:00:00.000Z',
      warnedAt,
      destroyAt: '2026-11-27T00:00:00.000Z',
    },
  });

  it('offers Keep next to Extend once the owner was warned, and keeps the session', async () => {
    let stored = expiry('2026-11-26T00:00:00.000Z');
    const api = fakeApi({
      getSession: jest.fn().mockResolvedValue(active()),
      getExpiryState: jest.fn(async () => stored),
      keepSession: jest.fn(async () => {
        stored = expiry(null);
        return stored;
      }),
    });
    await renderSession(api);
    // Shown after a second read (the expiry state), on a busy machine slowly.
    const keep = await screen.findByRole(
      'button',
      { name: 'Keep' },
      { timeout: 10_000 },
    );
    expect(screen.getByLabelText('Idle warning')).toHaveTextContent(
      `Idle since ${new Date(
        '2026-11-25T00:00:00.000Z',
      ).toLocaleString()}: destroyed at ${new Date(
        '2026-11-27T00:00:00.000Z',
      ).toLocaleString()} unless kept or changed.`,
    );
    expect(
      screen.getByRole('button', { name: 'Extend by 4 hours' }),
    ).toBeInTheDocument();
    fireEvent.click(keep);
    await waitFor(
      () => expect(screen.queryByRole('button', { name: 'Keep' })).toBeNull(),
      { timeout: 10_000 },
    );
    expect(api.keepSession).toHaveBeenCalledWith({ id: 's1' });
    expect(screen.queryByLabelText('Idle warning')).toBeNull();
  });

  it('shows no Keep before the warning, or when the rule is off', async () => {
    for (const state of [expiry(null), { ...expiry(null), idle: null }]) {
      const api = fakeApi({
        getSession: jest.fn().mockResolvedValue(active()),
        getExpiryState: jest.fn().mockResolvedValue(state),
      });
      const { unmount } = await renderSession(api);
      await screen.findByRole('button', { name: 'Extend by 4 hours' });
      await waitFor(() => expect(api.getExpiryState).toHaveBeenCalled());
      await new Promise(r => setTimeout(r, 200)); // its answer is rendered
      expect(screen.queryByRole('button', { name: 'Keep' })).toBeNull();
      unmount();
    }
  });
});

describe('NewSessionForm', () => {
  it('keeps Plan it disabled while the preview is denied, and says why', async () => {
    const details = plannedSession({ findings: [denyFinding] });
    const revision = details.revisions[0];
    const api = fakeApi({
      previewPlan: jest.fn().mockResolvedValue({ ...revision }),
      createSession: jest.fn(),
    });
    await renderInTestApp(<IntentPage />, {
      apis: [
        [intentApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/dana' }),
      ],
    });
    fireEvent.change(await screen.findByLabelText('What do you need?'), {
      target: { value: 'an io2 volume in eu-west-1' },
    });
    expect(
      await screen.findByLabelText('Why Plan it is disabled'),
    ).toHaveTextContent('Denied by policy: Provisioned-IOPS volumes');
    expect(screen.getByRole('button', { name: 'Plan it' })).toBeDisabled();
  });
});

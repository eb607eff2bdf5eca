// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  DriftReport,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeIntentApi } from '../../__testUtils__/fakeIntentApi';
import { IntentApi, intentApiRef } from '../../api';
import { DriftPanel } from './DriftPanel';

const report: DriftReport = {
  checkedAt: '2026-12-02T10:00:00.000Z',
  drifted: [
    {
      address: 'aws_instance.web',
      type: 'aws_instance',
      cloudId: 'i-1',
      kind: 'changed',
      fields: [
        { path: 'instanceType', expected: 't3.micro', observed: 't3.large' },
      ],
    },
    {
      address: 'aws_ebs_volume.data',
      type: 'aws_ebs_volume',
      cloudId: 'vol-1',
      kind: 'missing',
      fields: [],
    },
  ],
  unmanaged: [
    { type: 'aws_instance', cloudId: 'i-9', region: 'eu-west-1', tags: {} },
  ],
  findings: [
    {
      ruleId: 'ssh-open-to-world',
      outcome: 'deny',
      message: 'SSH is open to the world',
    },
  ],
  providerCalls: 3,
};

function details(overrides: Partial<SessionDetails> = {}): SessionDetails {
  return {
    session: {
      id: 's1',
      title: 'a t3.micro',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'active',
      expiresAt: null,
      createdAt: '2026-12-02T00:00:00.000Z',
      updatedAt: '2026-12-02T00:00:00.000Z',
      promotedTo: null,
    },
    revisions: [],
    resources: [],
    operations: [],
    lock: null,
    approvals: [],
    ...overrides,
  };
}

async function render(shown: SessionDetails, api: Partial<IntentApi>) {
  const onChange = jest.fn();
  await renderInTestApp(<DriftPanel details={shown} onChange={onChange} />, {
    apis: [[intentApiRef, api as IntentApi]],
  });
  return onChange;
}

describe('DriftPanel', () => {
  it('shows drift field by field, missing and unmanaged resources and policy findings', async () => {
    await render(details(), { getDrift: async () => ({ report }) });
    await screen.findByText('missing');
    expect(
      screen.getByText('instanceType: applied "t3.micro", now "t3.large"'),
    ).toBeInTheDocument();
    expect(screen.getByText('missing')).toBeInTheDocument();
    expect(screen.getByText('unmanaged')).toBeInTheDocument();
    expect(
      screen.getByText('Policy (deny): SSH is open to the world'),
    ).toBeInTheDocument();
  });

  it('says a revert recreates a missing resource and leaves an unmanaged one alone', async () => {
    await render(details(), { getDrift: async () => ({ report }) });
    await screen.findByText('missing');
    expect(
      screen.getByText(
        'Deleted outside the portal. Revert recreates it; Accept removes it from the plan.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Created outside the portal with this session's tag. Revert and Accept leave it alone.",
      ),
    ).toBeInTheDocument();
  });

  it('reverts a session whose only drift is a missing resource', async () => {
    const onlyMissing: DriftReport = {
      ...report,
      drifted: report.drifted.filter(d => d.kind === 'missing'),
      unmanaged: [],
      findings: [],
    };
    const api = fakeIntentApi({
      getDrift: jest.fn().mockResolvedValue({ report: onlyMissing }),
      revertDrift: jest.fn().mockResolvedValue({ operationId: 'op-9' }),
      getSession: jest.fn().mockResolvedValue(details()),
    });
    await render(details(), api);
    await screen.findByText('missing');
    expect(screen.getByRole('button', { name: 'Accept' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }));
    await waitFor(() =>
      expect(api.revertDrift).toHaveBeenCalledWith({ id: 's1' }),
    );
  });

  it('offers no revert or accept when only unmanaged resources were found', async () => {
    await render(details(), {
      getDrift: async () => ({ report: { ...report, drifted: [] } }),
    });
    await screen.findByText('unmanaged');
    expect(screen.getByRole('button', { name: 'Revert' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
  });

  it('offers no revert or accept while the session is not active', async () => {
    await render(
      details({ session: { ...details().session, status: 'applying' } }),
      { getDrift: async () => ({ report }) },
    );
    await screen.findByText('missing');
    expect(screen.getByRole('button', { name: 'Revert' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
  });

  it('reverts: applies the last revision again and shows the session as it is then', async () => {
    const applying = details({
      session: { ...details().session, status: 'applying' },
    });
    const api = fakeIntentApi({
      getDrift: jest.fn().mockResolvedValue({ report }),
      revertDrift: jest.fn().mockResolvedValue({ operationId: 'op-9' }),
      getSession: jest.fn().mockResolvedValue(applying),
    });
    const onChange = await render(details(), api);
    await screen.findByText('missing');
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(applying));
    expect(api.revertDrift).toHaveBeenCalledWith({ id: 's1' });
    expect(api.getSession).toHaveBeenCalledWith({ id: 's1' });
  });

  it('accepts: the new revision the backend planned from what runs', async () => {
    const adopted = details({
      session: { ...details().session, status: 'planned' },
    });
    const api = fakeIntentApi({
      getDrift: jest.fn().mockResolvedValue({ report }),
      acceptDrift: jest.fn().mockResolvedValue({ details: adopted }),
    });
    const onChange = await render(details(), api);
    await screen.findByText('missing');
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(adopted));
    expect(api.acceptDrift).toHaveBeenCalledWith({ id: 's1' });
  });

  it('shows why an accept was refused, and changes nothing', async () => {
    const api = fakeIntentApi({
      getDrift: jest.fn().mockResolvedValue({ report }),
      acceptDrift: jest
        .fn()
        .mockRejectedValue(
          new Error(
            'The observed state is denied by policy: SSH is open to the world',
          ),
        ),
    });
    const onChange = await render(details(), api);
    await screen.findByText('missing');
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    // The error, with a next step, beside the finding that was already shown.
    expect(await screen.findByText(/The backend failed: retry/)).toBeVisible();
    expect(
      screen.getAllByText(/SSH is open to the world/).map(e => e.textContent),
    ).toEqual([
      expect.stringContaining(
        'The observed state is denied by policy: SSH is open to the world',
      ),
      'Policy (deny): SSH is open to the world',
    ]);
    expect(onChange).not.toHaveBeenCalled();
  });
});

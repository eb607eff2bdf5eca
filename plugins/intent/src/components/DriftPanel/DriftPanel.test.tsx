// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  DriftReport,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { screen } from '@testing-library/react';
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

  it('offers no revert or accept while the session is not active', async () => {
    await render(
      details({ session: { ...details().session, status: 'applying' } }),
      { getDrift: async () => ({ report }) },
    );
    await screen.findByText('missing');
    expect(screen.getByRole('button', { name: 'Revert' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
  });
});

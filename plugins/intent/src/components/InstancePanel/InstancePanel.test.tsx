// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  instanceConnection,
  SessionDetails,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { InstancePanel } from './InstancePanel';

const cloudId = 'i-0123456789abcdef0';
const address = 'aws_instance.sandbox';

function instance(
  status: string,
  actual: Record<string, unknown>,
): SessionResource {
  return {
    address,
    type: 'aws_instance',
    region: 'eu-west-1',
    cloudId,
    replacedCloudId: null,
    status,
    desired: {
      type: 'aws_instance',
      name: 'sandbox',
      image: { os: 'debian', version: '12', architecture: 'x86_64' },
    },
    actual,
    updatedAt: '2026-11-25T00:00:00.000Z',
  };
}

const running = {
  publicIp: '198.18.4.7',
  privateIp: '172.31.20.9',
  publicDns: 'ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
  privateDns: 'ip-172-31-20-9.eu-west-1.compute.internal',
  keyName: 'dev-laptop',
};
const stopped = {
  privateIp: '172.31.20.9',
  privateDns: 'ip-172-31-20-9.eu-west-1.compute.internal',
  keyName: 'dev-laptop',
};

function details(
  resource: SessionResource,
  overrides: Partial<SessionDetails> = {},
): SessionDetails {
  return {
    session: {
      id: 's1',
      title: 'a t3.micro with Debian',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'active',
      expiresAt: null,
      createdAt: '2026-11-25T00:00:00.000Z',
      updatedAt: '2026-11-25T00:00:00.000Z',
      promotedTo: null,
    },
    revisions: [],
    resources: [resource],
    operations: [],
    lock: null,
    approvals: [],
    connections: {
      [address]: instanceConnection({
        image: { os: 'debian' },
        cloudId,
        region: 'eu-west-1',
        attributes: resource.actual ?? {},
      }),
    },
    instanceActions: true,
    ...overrides,
  };
}

function fakeApi(overrides: Partial<IntentApi> = {}): jest.Mocked<IntentApi> {
  return { instanceAction: jest.fn(), ...overrides } as jest.Mocked<IntentApi>;
}

async function render(
  shown: SessionDetails,
  api = fakeApi(),
  onChange = jest.fn(),
) {
  await renderInTestApp(<InstancePanel details={shown} onChange={onChange} />, {
    apis: [[intentApiRef, api]],
  });
  return { api, onChange };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('InstancePanel', () => {
  it('shows the state, the addresses and the commands, and copies them', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(window.navigator, { clipboard: { writeText } });
    await render(details(instance('running', running)));

    expect(screen.getByLabelText(`State of ${address}`)).toHaveTextContent(
      'running',
    );
    expect(
      screen.getByText('ec2-198-18-4-7.eu-west-1.compute.amazonaws.com'),
    ).toBeInTheDocument();
    expect(screen.getByText('admin')).toBeInTheDocument();
    expect(screen.getByLabelText('ssh command')).toHaveTextContent(
      'ssh -i dev-laptop.pem admin@ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
    );
    expect(screen.getByLabelText('SSM command')).toHaveTextContent(
      `aws ssm start-session --target ${cloudId} --region eu-west-1`,
    );

    fireEvent.click(button('Copy ssh command'));
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith(
        'ssh -i dev-laptop.pem admin@ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
      ),
    );
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    fireEvent.click(button('Copy SSM command'));
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith(
        `aws ssm start-session --target ${cloudId} --region eu-west-1`,
      ),
    );
  });

  it('asks before stopping, and stops only when confirmed', async () => {
    const after = details(instance('stopped', stopped));
    const { api, onChange } = await render(
      details(instance('running', running)),
      fakeApi({ instanceAction: jest.fn().mockResolvedValue(after) }),
    );
    expect(button('Start')).toBeDisabled();
    expect(
      screen.getByText('Start needs a stopped instance; this one is running.'),
    ).toBeInTheDocument();

    fireEvent.click(button('Stop…'));
    expect(
      screen.getByText(
        `Stop ${address}? Its public address is released; it gets a new one when started.`,
      ),
    ).toBeInTheDocument();
    fireEvent.click(button('Cancel'));
    expect(api.instanceAction).not.toHaveBeenCalled();

    fireEvent.click(button('Stop…'));
    fireEvent.click(button('Yes, stop'));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(after));
    expect(api.instanceAction).toHaveBeenCalledWith({
      id: 's1',
      address,
      action: 'stop',
    });
  });

  it('starts a stopped instance without asking; no ssh command without a public address', async () => {
    const { api } = await render(
      details(instance('stopped', stopped)),
      fakeApi({
        instanceAction: jest
          .fn()
          .mockResolvedValue(details(instance('running', running))),
      }),
    );
    expect(screen.queryByLabelText('ssh command')).not.toBeInTheDocument();
    expect(
      screen.getByText(/No ssh command: it needs a public address/),
    ).toBeInTheDocument();
    expect(button('Stop…')).toBeDisabled();
    expect(button('Reboot')).toBeDisabled();
    fireEvent.click(button('Start'));
    await waitFor(() =>
      expect(api.instanceAction).toHaveBeenCalledWith({
        id: 's1',
        address,
        action: 'start',
      }),
    );
  });

  it('disables every action, saying why, while an operation runs', async () => {
    await render(
      details(instance('running', running), {
        lock: {
          holder: 'user:default/bob',
          operationId: 'op-1',
          acquiredAt: '2026-11-25T00:00:00.000Z',
          expiresAt: '2026-11-25T00:01:00.000Z',
        },
      }),
    );
    for (const name of ['Stop…', 'Start', 'Reboot']) {
      expect(button(name)).toBeDisabled();
    }
    expect(
      screen.getByText(
        'An operation runs (locked by user:default/bob); wait until it ends.',
      ),
    ).toBeInTheDocument();
  });

  it('disables every action on a cloud without them', async () => {
    await render(
      details(instance('running', running), { instanceActions: false }),
    );
    expect(button('Reboot')).toBeDisabled();
    expect(
      screen.getByText(
        'The simulated cloud cannot stop, start or reboot instances.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's refusal", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'ConflictError',
          message: `${address} (${cloudId}) is stopped; only a running instance can be rebooted`,
        },
        request: { method: 'POST', url: '/x' },
        response: { statusCode: 409 },
      }),
      { status: 409, headers: { 'content-type': 'application/json' } },
    );
    const refusal = await ResponseError.fromResponse(response);
    const { onChange } = await render(
      details(instance('running', running)),
      fakeApi({ instanceAction: jest.fn().mockRejectedValue(refusal) }),
    );
    fireEvent.click(button('Reboot'));
    expect(
      await screen.findByText(
        `${address} (${cloudId}) is stopped; only a running instance can be rebooted`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    expect(button('Reboot')).toBeEnabled();
  });

  it('shows nothing without a live instance', async () => {
    const gone = instance('terminated', {});
    await render({
      ...details(gone),
      resources: [
        gone,
        { ...gone, address: 'aws_instance.new', cloudId: null },
      ],
    });
    expect(screen.queryByText('Instances')).not.toBeInTheDocument();
    expect(
      within(document.body).queryByRole('button', { name: 'Reboot' }),
    ).not.toBeInTheDocument();
  });
});

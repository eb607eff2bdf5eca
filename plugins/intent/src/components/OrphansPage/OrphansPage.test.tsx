// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import type { OrphanResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { intentApiRef } from '../../api';
import { fakeIntentApi } from '../../__testUtils__/fakeIntentApi';
import { OrphansPage } from './OrphansPage';

jest.setTimeout(30_000);

const orphan = (cloudId: string, hourlyUsd: number): OrphanResource => ({
  provider: 'simulated',
  region: 'eu-west-1',
  type: 'aws_instance',
  cloudId,
  sessionId: 'gone-1',
  sessionStatus: 'destroyed',
  hourlyUsd,
  tags: { 'intent:session': 'gone-1' },
});

async function render(api: ReturnType<typeof fakeIntentApi>) {
  await renderInTestApp(<OrphansPage />, { apis: [[intentApiRef, api]] });
}

describe('OrphansPage', () => {
  it('lists the orphans with what they cost, and destroys one', async () => {
    const api = fakeIntentApi({
      listOrphans: jest
        .fn()
        .mockResolvedValueOnce({
          items: [orphan('i-0a', 0.0104), orphan('i-0b', 0.0208)],
        })
        .mockResolvedValue({ items: [orphan('i-0b', 0.0208)] }),
      destroyOrphan: jest.fn().mockResolvedValue(undefined),
    });
    await render(api);
    const table = await screen.findByRole('table', {
      name: 'Orphaned resources',
    });
    expect(within(table).getByText('aws_instance i-0a')).toBeInTheDocument();
    expect(within(table).getAllByText('gone-1 (destroyed)')).toHaveLength(2);
    expect(screen.getByText('2 resources, $0.0312 per hour')).toBeVisible();

    fireEvent.click(
      screen.getByRole('button', { name: 'Destroy aws_instance i-0a' }),
    );
    await waitFor(() =>
      expect(screen.getByText('1 resources, $0.0208 per hour')).toBeVisible(),
    );
    expect(api.destroyOrphan).toHaveBeenCalledWith({
      provider: 'simulated',
      region: 'eu-west-1',
      type: 'aws_instance',
      cloudId: 'i-0a',
    });
  });

  it('says when there are none', async () => {
    await render(fakeIntentApi());
    expect(
      await screen.findByText(
        'No orphans: every tagged resource belongs to a live session.',
      ),
    ).toBeVisible();
  });

  it('shows a refusal for someone who is not an admin, with what to do', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Only admins may list orphans' },
        request: { method: 'GET', url: '/api/intent/v1/orphans' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'content-type': 'application/json' } },
    );
    const api = fakeIntentApi({
      listOrphans: jest
        .fn()
        .mockRejectedValue(await ResponseError.fromResponse(response)),
    });
    await render(api);
    expect(
      await screen.findByText(/Only admins may list orphans/),
    ).toBeVisible();
    expect(screen.getByText(/ask the owner of the sandbox or a platform admin/)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

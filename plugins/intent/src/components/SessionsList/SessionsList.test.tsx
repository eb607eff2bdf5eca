// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { plannedSession } from '../SessionView/testFixtures';
import { SessionsList } from './SessionsList';

// Rendering the test app is slow on a busy machine.
jest.setTimeout(30_000);

const DANA = 'user:default/dana';
const PAYMENTS = 'group:default/payments';

function session(overrides: Partial<Session> & { id: string }): Session {
  return {
    ...plannedSession().session,
    title: overrides.id,
    ...overrides,
  };
}

function api(items: Session[], overrides: Partial<IntentApi> = {}) {
  return {
    listSessions: jest
      .fn()
      .mockResolvedValue({ items, totalCount: items.length }),
    getSession: jest.fn(async ({ id }: { id: string }) => {
      const details = plannedSession();
      return {
        ...details,
        session: items.find(s => s.id === id)!,
        revisions: [{ ...details.revisions[0], status: 'applied' }],
      };
    }),
    ...overrides,
  } as unknown as IntentApi;
}

async function renderList(intentApi: IntentApi) {
  return renderInTestApp(<SessionsList />, {
    apis: [
      [intentApiRef, intentApi],
      mockApis.identity({
        userEntityRef: DANA,
        ownershipEntityRefs: [DANA, PAYMENTS],
      }),
    ],
  });
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Sandboxes' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

describe('SessionsList', () => {
  it('says it is loading, then teaches with examples when there is nothing', async () => {
    await renderList(api([]));
    expect(await screen.findByLabelText('No sandboxes yet')).toHaveTextContent(
      'a t3.micro with Ubuntu 24.04 in eu-west-1',
    );
  });

  it('shows why the list failed and what to do', async () => {
    await renderList(
      api([], {
        listSessions: jest
          .fn()
          .mockRejectedValue(new Error('Request failed with 503')),
      }),
    );
    expect(
      await screen.findByText(
        'Could not list the sandboxes: Request failed with 503',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Check that the intent backend is running/),
    ).toBeInTheDocument();
  });

  it("shows mine, then my team's; no All for someone who sees only those", async () => {
    await renderList(
      api([
        session({ id: 'mine-1', owner: DANA }),
        session({ id: 'toms', owner: 'user:default/tom' }),
      ]),
    );
    await screen.findByRole('table', { name: 'Sandboxes' });
    expect(rows()).toEqual(['mine-1']);
    fireEvent.click(screen.getByRole('button', { name: "My team's" }));
    expect(rows()).toEqual(['toms']);
    expect(screen.queryByRole('button', { name: 'All' })).toBeNull();
  });

  it('offers All to a platform admin, who sees other teams too', async () => {
    await renderList(
      api([
        session({ id: 'mine-1', owner: DANA }),
        session({
          id: 'elsewhere',
          owner: 'user:default/zoe',
          team: 'group:default/search',
        }),
      ]),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'All' }));
    expect(rows()).toEqual(['mine-1', 'elsewhere']);
  });

  it('filters by status and search, and says when nothing matches', async () => {
    await renderList(
      api([
        session({ id: 'web', owner: DANA, status: 'planned' }),
        session({ id: 'db', owner: DANA, status: 'destroyed' }),
      ]),
    );
    await screen.findByRole('table', { name: 'Sandboxes' });
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'live' },
    });
    expect(rows()).toEqual(['web']);
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'DB' },
    });
    expect(rows()).toEqual(['db']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'nothing like this' },
    });
    expect(
      screen.getByText('No sandbox matches: change the filter or the search.'),
    ).toBeInTheDocument();
  });

  it('shows time left, cost, drift and the monthly run-rate of mine and my team’s', async () => {
    const inTwoHours = new Date(Date.now() + 2.5 * 3600_000 + 30_000);
    const intentApi = api([
      {
        ...session({ id: 'mine-1', owner: DANA, status: 'active' }),
        expiresAt: inTwoHours.toISOString(),
        accruedCostUsd: 1.5,
        drift: { drifted: true },
      } as Session,
      session({ id: 'toms', owner: 'user:default/tom', status: 'active' }),
    ]);
    await renderList(intentApi);
    const table = await screen.findByRole('table', { name: 'Sandboxes' });
    const monthly = plannedSession().revisions[0].cost.monthlyUsd;
    expect(table).toHaveTextContent(/2 h (29|30) min left/);
    expect(table).toHaveTextContent(
      `$1.50 so far · $${monthly.toFixed(2)}/month`,
    );
    expect(within(table).getByText('drifted')).toBeInTheDocument();
    expect(screen.getByLabelText('Monthly run-rate')).toHaveTextContent(
      `mine $${monthly.toFixed(2)}/month · my team's $${monthly.toFixed(
        2,
      )}/month`,
    );
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  SessionList,
  SessionSummary,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { SWRConfig } from 'swr';
import { IntentApi, intentApiRef } from '../../api';
import { fakeIntentApi } from '../../__testUtils__/fakeIntentApi';
import { plannedSession } from '../SessionView/testFixtures';
import { SessionsList } from './SessionsList';

// Rendering the test app is slow on a busy machine, and so is each fetch
// and render after a click.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

const DANA = 'user:default/dana';

function summary(
  overrides: Partial<SessionSummary> & { id: string },
): SessionSummary {
  return {
    ...plannedSession().session,
    title: overrides.id,
    hourlyCostUsd: null,
    monthlyCostUsd: null,
    drifted: false,
    ...overrides,
  };
}

/** A list answer of these sessions, all of them on one page. */
const listOf = (
  items: SessionSummary[],
  more: Partial<SessionList> = {},
): SessionList => ({ items, totalCount: items.length, ...more });

/** Only `intent.admin` is decided by the test; everything else is allowed. */
function permissions(admin: boolean) {
  return mockApis.permission({
    authorize: request =>
      request.permission.name === 'intent.admin' && !admin
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
}

async function renderList(intentApi: IntentApi, options = { admin: false }) {
  // usePermission caches decisions in SWR's global cache: a cache per render
  // keeps one test's decision out of the next.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <SessionsList />
    </SWRConfig>,
    {
    apis: [
      [intentApiRef, intentApi],
      permissions(options.admin),
      mockApis.identity({ userEntityRef: DANA }),
    ],
    },
  );
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Sandboxes' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

const firstPage = { limit: 20, offset: 0 };

describe('SessionsList', () => {
  it('asks the server for my sandboxes, and teaches with examples when there is none', async () => {
    const api = fakeIntentApi();
    await renderList(api);
    expect(await screen.findByLabelText('No sandboxes yet')).toHaveTextContent(
      'a t3.micro with Ubuntu 24.04 in eu-west-1',
    );
    expect(api.listSessions).toHaveBeenCalledWith({
      scope: 'mine',
      ...firstPage,
    });
  });

  it('shows why the list failed and what to do', async () => {
    await renderList(
      fakeIntentApi({
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

  it("switches between mine and my team's; no All without intent.admin", async () => {
    const api = fakeIntentApi({
      listSessions: jest.fn(async request =>
        request?.scope === 'team'
          ? listOf([summary({ id: 'toms', owner: 'user:default/tom' })])
          : listOf([summary({ id: 'mine-1', owner: DANA })]),
      ),
    });
    await renderList(api);
    await screen.findByRole('table', { name: 'Sandboxes' });
    expect(rows()).toEqual(['mine-1']);
    fireEvent.click(screen.getByRole('button', { name: "My team's" }));
    await waitFor(() => expect(rows()).toEqual(['toms']));
    expect(api.listSessions).toHaveBeenLastCalledWith({
      scope: 'team',
      ...firstPage,
    });
    expect(screen.getByRole('button', { name: "My team's" })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.queryByRole('button', { name: 'All' })).toBeNull();
  });

  it('offers All to whom the permission policy gives intent.admin', async () => {
    const api = fakeIntentApi({
      listSessions: jest.fn(async request =>
        listOf(
          request?.scope === 'all'
            ? [
                summary({ id: 'mine-1', owner: DANA }),
                summary({
                  id: 'elsewhere',
                  owner: 'user:default/zoe',
                  team: 'group:default/search',
                }),
              ]
            : [summary({ id: 'mine-1', owner: DANA })],
        ),
      ),
    });
    await renderList(api, { admin: true });
    fireEvent.click(await screen.findByRole('button', { name: 'All' }));
    await waitFor(() => expect(rows()).toEqual(['mine-1', 'elsewhere']));
    expect(api.listSessions).toHaveBeenLastCalledWith({
      scope: 'all',
      ...firstPage,
    });
  });

  it('filters by status on the server, sends the search once typing pauses, and says when nothing matches', async () => {
    const api = fakeIntentApi({
      listSessions: jest.fn(async request => {
        if (request?.q === 'nothing like this') {
          return listOf([]);
        }
        if (request?.q === 'db') {
          return listOf([summary({ id: 'db', status: 'destroyed' })]);
        }
        return listOf([summary({ id: 'web', status: 'planned' })]);
      }),
    });
    await renderList(api);
    await screen.findByRole('table', { name: 'Sandboxes' });
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'live' },
    });
    await waitFor(() =>
      expect(api.listSessions).toHaveBeenLastCalledWith({
        scope: 'mine',
        status: 'live',
        ...firstPage,
      }),
    );
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: '' },
    });
    const searchbox = screen.getByRole('searchbox', { name: 'Search' });
    const before = api.listSessions.mock.calls.length;
    for (const typed of ['d', 'db', ' db ']) {
      fireEvent.change(searchbox, { target: { value: typed } });
    }
    await waitFor(() => expect(rows()).toEqual(['db']));
    const searches = api.listSessions.mock.calls
      .slice(before)
      .map(([request]) => request?.q);
    expect(searches.filter(q => q !== undefined)).toEqual(['db']);
    fireEvent.change(searchbox, { target: { value: 'nothing like this' } });
    expect(
      await screen.findByText(
        'No sandbox matches: change the filter or the search.',
      ),
    ).toBeInTheDocument();
  });

  it('shows time left, cost and drift of each, and the run-rate the server sums', async () => {
    const inTwoHours = new Date(Date.now() + 2.5 * 3600_000 + 30_000);
    await renderList(
      fakeIntentApi({
        listSessions: jest.fn().mockResolvedValue(
          listOf(
            [
              summary({
                id: 'mine-1',
                owner: DANA,
                status: 'active',
                expiresAt: inTwoHours.toISOString(),
                accruedCostUsd: 1.5,
                hourlyCostUsd: 0.0104,
                monthlyCostUsd: 7.592,
                drifted: true,
              }),
              summary({ id: 'draft', owner: DANA }),
            ],
            { runRate: { mineUsd: 7.592, teamUsd: 19.5 } },
          ),
        ),
      }),
    );
    const table = await screen.findByRole('table', { name: 'Sandboxes' });
    const [mine, draft] = within(table).getAllByRole('row').slice(1);
    expect(mine).toHaveTextContent(/2 h (29|30) min left/);
    expect(mine).toHaveTextContent('$1.50 so far · $7.59/month');
    expect(within(mine).getByText('drifted')).toBeInTheDocument();
    expect(within(draft).queryByText('drifted')).toBeNull();
    expect(within(draft).getAllByRole('cell')[5]).toHaveTextContent('—');
    expect(screen.getByLabelText('Monthly run-rate')).toHaveTextContent(
      "Run-rate: mine $7.59/month · my team's $19.50/month",
    );
    expect(screen.getByText('Sandboxes (2)')).toBeInTheDocument();
  });

  it('pages on the server', async () => {
    const api = fakeIntentApi({
      listSessions: jest.fn(async request =>
        request?.offset === 20
          ? { items: [summary({ id: 'the oldest' })], totalCount: 21 }
          : {
              items: Array.from({ length: 20 }, (_, i) =>
                summary({ id: `sandbox ${i}` }),
              ),
              totalCount: 21,
            },
      ),
    });
    await renderList(api);
    await screen.findByRole('table', { name: 'Sandboxes' });
    expect(screen.getByText('1–20 of 21')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(rows()).toEqual(['the oldest']));
    expect(screen.getByText('21–21 of 21')).toBeInTheDocument();
    expect(api.listSessions).toHaveBeenLastCalledWith({
      scope: 'mine',
      limit: 20,
      offset: 20,
    });
  });
});

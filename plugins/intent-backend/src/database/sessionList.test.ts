// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  LIVE_SESSION_STATUSES,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import { newRevision } from '../__testUtils__/revisions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseSessionStore } from './DatabaseSessionStore';
import { containsPattern } from './sessionList';

jest.setTimeout(60_000);

const ada = 'user:default/ada';
const grace = 'user:default/grace';
const payments = 'group:default/payments';
const search = 'group:default/search';

describe('containsPattern', () => {
  it('escapes the LIKE wildcards and its escape character, and lowercases', () => {
    expect(containsPattern('50%_Off!')).toBe('%50!%!_off!!%');
  });
});

describe('the session list', () => {
  const databases = createTestDatabases();

  /** A revision whose estimate costs `monthlyUsd` a month. */
  function revision(intent: string, owner: string, monthlyUsd: number) {
    return {
      ...newRevision(intent, owner),
      cost: {
        hourlyUsd: monthlyUsd / 730,
        monthlyUsd,
        perResource: [],
        unknown: [],
        pricesAsOf: '2025-06',
      },
    };
  }

  const audit = (actor: string) => ({
    actor,
    action: 'test',
    details: {},
  });

  /**
   * The sessions of the tests:
   * - follow-up: ada/payments, planned again after two applies ($20 applied, then $99 proposed)
   * - teammate: grace/payments, active ($5), drifted
   * - other-team: grace/search, active ($100) planned from "an S3 bucket for FIXTURES"
   * - ended: ada, destroyed after an apply ($7)
   * - never-applied: ada, planned ($3 proposed)
   * - promo: ada, draft, titled with LIKE's special characters
   */
  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex } as DatabaseService;
    const store = await DatabaseSessionStore.create({ database });

    const create = (
      title: string,
      owner: string,
      team: string | null,
      first: ReturnType<typeof revision>,
      status: SessionStatus = 'planned',
    ) =>
      store.createSession({
        session: {
          title,
          owner,
          team,
          provider: 'simulated',
          region: 'eu-west-1',
          status,
          expiresAt: null,
        },
        revision: first,
        audit: audit(owner),
      });
    const applied = async (id: string, seq: number, from: SessionStatus) => {
      expect(
        await store.transition({
          id,
          from: [from],
          to: 'active',
          revision: { seq, status: 'applied' },
          audit: audit(ada),
        }),
      ).toBe(true);
    };

    const followUp = await create(
      'web server',
      ada,
      payments,
      revision('a t3.micro in eu-west-1', ada, 10),
    );
    await applied(followUp, 1, 'planned');
    await store.addRevision({
      sessionId: followUp,
      from: ['active'],
      to: 'planned',
      revision: revision('a t3.small in eu-west-1', ada, 20),
      audit: audit(ada),
    });
    await applied(followUp, 2, 'planned');
    await store.addRevision({
      sessionId: followUp,
      from: ['active'],
      to: 'planned',
      revision: revision('a t3.large in eu-west-1', ada, 99),
      audit: audit(ada),
    });

    const teammate = await create(
      'queue worker',
      grace,
      payments,
      revision('a t3.micro in eu-west-1', grace, 5),
    );
    await applied(teammate, 1, 'planned');

    const otherTeam = await create(
      'fixtures',
      grace,
      search,
      revision('an S3 bucket for FIXTURES', grace, 100),
    );
    await applied(otherTeam, 1, 'planned');

    const ended = await create(
      'old box',
      ada,
      null,
      revision('a t3.micro in eu-west-1', ada, 7),
    );
    await applied(ended, 1, 'planned');
    await store.transition({
      id: ended,
      from: ['active'],
      to: 'destroyed',
      audit: audit(ada),
    });

    const neverApplied = await create(
      'draft box',
      ada,
      null,
      revision('a t3.micro in eu-west-1', ada, 3),
    );
    const promo = await create(
      'promo 50%_off!',
      ada,
      null,
      revision('a t3.micro in eu-west-1', ada, 1),
      'draft',
    );

    await knex('session_drift').insert([
      {
        session_id: teammate,
        report: '{}',
        drift_hash: 'abc',
        checked_at: new Date(),
      },
      {
        session_id: otherTeam,
        report: '{}',
        drift_hash: null,
        checked_at: new Date(),
      },
    ]);
    const ids = { followUp, teammate, otherTeam, ended, neverApplied, promo };
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    /** The names of the sessions a list returns, sorted. */
    const list = async (
      filter: Parameters<DatabaseSessionStore['listSessions']>[0],
    ) => {
      const page = await store.listSessions(filter);
      return page.items.map(s => names.get(s.id)!).sort();
    };
    return { knex, store, ids, list };
  }

  const page = { limit: 20, offset: 0 };

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    afterEach(async () => {
      await knex?.destroy();
    });

    it('scopes to an owner, to teams, and still applies the permission criteria', async () => {
      const setup = await setUp(databaseId);
      knex = setup.knex;
      const { list } = setup;
      expect(await list({ owner: ada, ...page })).toEqual([
        'ended',
        'followUp',
        'neverApplied',
        'promo',
      ]);
      expect(await list({ teams: [payments], ...page })).toEqual([
        'followUp',
        'teammate',
      ]);
      expect(await list({ teams: [payments, search], ...page })).toEqual([
        'followUp',
        'otherTeam',
        'teammate',
      ]);
      expect(await list({ teams: [], ...page })).toEqual([]);
      expect(
        await list({
          teams: [payments],
          criteria: { ownedByAnyOf: [ada] },
          ...page,
        }),
      ).toEqual(['followUp']);
    });

    it('filters by one status or by the live ones', async () => {
      const setup = await setUp(databaseId);
      knex = setup.knex;
      const { list } = setup;
      expect(
        await list({ statuses: LIVE_SESSION_STATUSES, owner: ada, ...page }),
      ).toEqual(['followUp', 'neverApplied', 'promo']);
      expect(await list({ status: 'destroyed', ...page })).toEqual(['ended']);
      const counted = await setup.store.listSessions({
        statuses: LIVE_SESSION_STATUSES,
        limit: 1,
        offset: 0,
      });
      expect(counted.items).toHaveLength(1);
      expect(counted.totalCount).toBe(5);
    });

    it('searches title, id, owner, team and intent, case-insensitively and literally', async () => {
      const setup = await setUp(databaseId);
      knex = setup.knex;
      const { list, ids } = setup;
      const searching = (text: string) => list({ search: text, ...page });
      expect(await searching('PROMO')).toEqual(['promo']);
      expect(await searching('%')).toEqual(['promo']);
      expect(await searching('_')).toEqual(['promo']);
      expect(await searching('!')).toEqual(['promo']);
      expect(await searching('50%_OFF!')).toEqual(['promo']);
      expect(await searching('5_%')).toEqual([]);
      expect(await searching('fixtures bucket')).toEqual([]);
      expect(await searching('s3 bucket for fix')).toEqual(['otherTeam']);
      expect(await searching('t3.large')).toEqual(['followUp']);
      expect(await searching('GRACE')).toEqual(['otherTeam', 'teammate']);
      expect(await searching('default/search')).toEqual(['otherTeam']);
      expect(await searching(ids.ended.slice(4, 20).toUpperCase())).toEqual([
        'ended',
      ]);
      expect(await searching('   ')).toHaveLength(6);
      expect(
        await list({ search: 'box', statuses: LIVE_SESSION_STATUSES, ...page }),
      ).toEqual(['neverApplied']);
    });

    it('gives each session the cost of its latest applied revision while it is live, and its drift, in three queries', async () => {
      const setup = await setUp(databaseId);
      knex = setup.knex;
      const { store, ids } = setup;
      const queries: string[] = [];
      const record = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', record);
      const listed = await store.listSessions(page);
      knex.removeListener('query', record);
      expect(queries).toHaveLength(3);
      const byId = new Map(listed.items.map(s => [s.id, s]));
      const costOf = (id: string) => {
        const s = byId.get(id)!;
        return [s.hourlyCostUsd, s.monthlyCostUsd, s.drifted];
      };
      expect(costOf(ids.followUp)).toEqual([20 / 730, 20, false]);
      expect(costOf(ids.teammate)).toEqual([5 / 730, 5, true]);
      expect(costOf(ids.otherTeam)).toEqual([100 / 730, 100, false]);
      expect(costOf(ids.ended)).toEqual([null, null, false]);
      expect(costOf(ids.neverApplied)).toEqual([null, null, false]);
      expect(byId.get(ids.followUp)).toMatchObject({
        title: 'web server',
        owner: ada,
        team: payments,
        status: 'planned',
      });
    });

    it('sums the monthly run-rate of mine and my teams’ live sessions, within the criteria, in one query', async () => {
      const setup = await setUp(databaseId);
      knex = setup.knex;
      const { store } = setup;
      const queries: string[] = [];
      const record = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', record);
      expect(await store.runRate({ owner: ada, teams: [payments] })).toEqual({
        mineUsd: 20,
        teamUsd: 25,
      });
      knex.removeListener('query', record);
      expect(queries).toHaveLength(1);
      expect(
        await store.runRate({ owner: grace, teams: [search, payments] }),
      ).toEqual({ mineUsd: 105, teamUsd: 125 });
      expect(
        await store.runRate({
          owner: ada,
          teams: [payments],
          criteria: { not: { ownedByAnyOf: [grace] } },
        }),
      ).toEqual({ mineUsd: 20, teamUsd: 20 });
      expect(await store.runRate({ owner: ada, teams: [] })).toEqual({
        mineUsd: 20,
        teamUsd: 0,
      });
    });
  });
});

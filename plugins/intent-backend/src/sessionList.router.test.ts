// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  INTENT_SESSION_RESOURCE_TYPE,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import request from 'supertest';
import { startIntentBackend, waitForStatus } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
} from './permissions';

/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectInputError"] }] */

jest.setTimeout(180_000);

const DANA = 'user:default/dana';
const TOM = 'user:default/tom';
const ZOE = 'user:default/zoe';
const PAYMENTS = 'group:default/payments';
const SEARCH = 'group:default/search';
const GROUPS: Record<string, string[]> = {
  [DANA]: [PAYMENTS],
  [TOM]: [PAYMENTS],
  [ZOE]: [SEARCH],
};

/** The catalog's users, each a member of their group. */
const entities: Entity[] = Object.entries(GROUPS).map(([ref, groups]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: ref.split('/')[1], namespace: 'default' },
  spec: {},
  relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
}));

/** What the auth backend would say of each user: they own through their groups. */
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = (
        credentials as BackstageCredentials<BackstageUserPrincipal>
      ).principal;
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(GROUPS[userEntityRef] ?? [])],
      };
    },
  }),
});

/** Read decisions as the portal's policy gives them to a non-admin: their own sessions only. */
const ownSessionsOnly = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, options) =>
    requests.map(r =>
      isResourcePermission(r.permission, INTENT_SESSION_RESOURCE_TYPE)
        ? (createIntentSessionConditionalDecision(
            intentSessionReadPermission,
            intentSessionConditions.isSessionOwner({
              claims: [
                (
                  options.credentials as BackstageCredentials<BackstageUserPrincipal>
                ).principal.userEntityRef,
              ],
            }),
          ) as any)
        : { result: AuthorizeResult.ALLOW },
    ),
});

/** A 400 whose message is exactly `message`. */
function expectInputError(res: request.Response, message: string) {
  expect({ status: res.status, error: res.body.error }).toEqual({
    status: 400,
    error: expect.objectContaining({ name: 'InputError', message }),
  });
}

describe('GET /v1/sessions', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: Awaited<ReturnType<typeof startIntentBackend>>['api'];
    let server: Awaited<ReturnType<typeof startIntentBackend>>['server'];
    const ids: Record<string, string> = {};
    let danaMonthly: number;
    let danaHourly: number;

    const as = (user: string) => ({
      get: (query: string) =>
        api()
          .get(`/api/intent/v1/sessions${query}`)
          .set('Authorization', mockCredentials.user.header(user)),
    });
    /** The titles of the sessions a user lists, sorted. */
    const titles = async (user: string, query: string) => {
      const res = await as(user).get(query);
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ title: string }>)
        .map(s => s.title)
        .sort();
    };

    beforeAll(async () => {
      ({ api, server } = await startIntentBackend(databases, databaseId, {
        entities,
        services: [userInfo],
      }));
      const create = async (user: string, intent: string) => {
        const res = await api()
          .post('/api/intent/v1/sessions')
          .set('Authorization', mockCredentials.user.header(user))
          .send({ intent });
        if (res.status !== 201) {
          throw new Error(`create answered ${res.status}: ${res.text}`);
        }
        return res.body;
      };
      const dana = await create(DANA, 'a t3.micro in us-east-1 for 2 hours');
      const tom = await create(
        TOM,
        'an S3 bucket for test FIXTURES in us-east-1 for 4 hours',
      );
      const zoe = await create(ZOE, 'a t3.small in eu-west-1 for 2 hours');
      ids.dana = dana.session.id;
      ids.tom = tom.session.id;
      ids.zoe = zoe.session.id;
      danaMonthly = dana.revisions[0].cost.monthlyUsd;
      danaHourly = dana.revisions[0].cost.hourlyUsd;
      const applied = await api()
        .post(`/api/intent/v1/sessions/${ids.dana}/apply`)
        .set('Authorization', mockCredentials.user.header(DANA))
        .send({ planHash: dana.revisions[0].planHash });
      if (applied.status !== 202) {
        throw new Error(`apply answered ${applied.status}: ${applied.text}`);
      }
      await waitForStatus(server, ids.dana, ['active']);
    });

    it('lists mine, my team’s (mine included) and all the caller may read', async () => {
      const danas = 'a t3.micro in us-east-1 for 2 hours';
      const toms = 'an S3 bucket for test FIXTURES in us-east-1 for 4 hours';
      const zoes = 'a t3.small in eu-west-1 for 2 hours';
      expect(await titles(DANA, '?scope=mine')).toEqual([danas]);
      expect(await titles(DANA, '?scope=team')).toEqual([danas, toms]);
      expect(await titles(DANA, '?scope=all')).toEqual([danas, zoes, toms]);
      expect(await titles(DANA, '')).toEqual([danas, zoes, toms]);
      expect(await titles(ZOE, '?scope=team')).toEqual([zoes]);
    });

    it('filters by status, live or one, and searches case-insensitively', async () => {
      expect(
        (await titles(DANA, '?scope=team&status=live')).map(t => t.slice(0, 5)),
      ).toEqual(['a t3.', 'an S3']);
      expect(await titles(DANA, '?scope=team&status=active')).toEqual([
        'a t3.micro in us-east-1 for 2 hours',
      ]);
      expect(await titles(DANA, '?q=fixtures')).toEqual([
        'an S3 bucket for test FIXTURES in us-east-1 for 4 hours',
      ]);
      expect(
        await titles(DANA, `?q=${encodeURIComponent('default/ZOE')}`),
      ).toEqual(['a t3.small in eu-west-1 for 2 hours']);
      expect(await titles(DANA, '?q=%25')).toEqual([]);
      const paged = await as(DANA).get('?scope=all&limit=1&offset=1');
      expect(paged.body.totalCount).toBe(3);
      expect(paged.body.items).toHaveLength(1);
    });

    it('gives each session its applied cost, and a user the run-rate of theirs and their team’s', async () => {
      const res = await as(TOM).get('?scope=team');
      const byId = new Map(
        (res.body.items as Array<{ id: string }>).map(s => [s.id, s]),
      );
      expect(byId.get(ids.dana)).toMatchObject({
        hourlyCostUsd: danaHourly,
        monthlyCostUsd: danaMonthly,
        drifted: false,
        accruedCostUsd: expect.any(Number),
      });
      expect(byId.get(ids.tom)).toMatchObject({
        hourlyCostUsd: null,
        monthlyCostUsd: null,
      });
      expect(danaMonthly).toBeGreaterThan(0);
      expect(res.body.runRate).toEqual({ mineUsd: 0, teamUsd: danaMonthly });
      expect(
        (await as(DANA).get('?scope=mine&q=nothing')).body.runRate,
      ).toEqual({ mineUsd: danaMonthly, teamUsd: danaMonthly });
      expect((await as(ZOE).get('')).body.runRate).toEqual({
        mineUsd: 0,
        teamUsd: 0,
      });
      const service = await api()
        .get('/api/intent/v1/sessions')
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(200);
      expect(service.body.totalCount).toBe(3);
      expect(service.body.runRate).toBeUndefined();
    });

    it.each([
      [
        'an unknown scope',
        '?scope=everyone',
        'request/query/scope must be equal to one of the allowed values: mine, team, all',
      ],
      [
        'an unknown status',
        '?status=alive',
        'request/query/status must be equal to one of the allowed values: live, draft, planned, applying, active, failed, destroying, destroyed, expired, promoted',
      ],
      [
        'a search of 201 characters',
        `?q=${'x'.repeat(201)}`,
        'request/query/q must NOT have more than 200 characters',
      ],
      [
        'scope=mine with another owner',
        `?scope=mine&owner=${encodeURIComponent(TOM)}`,
        `scope=mine lists your own sessions (${DANA}), not those of owner ${TOM}; send scope=all with owner`,
      ],
    ])('answers %s with 400', async (_, query, message) => {
      expectInputError(await as(DANA).get(query), message);
    });

    it.each(['mine', 'team'])(
      'answers scope=%s from a service with 400',
      async scope => {
        const res = await api()
          .get(`/api/intent/v1/sessions?scope=${scope}`)
          .set('Authorization', mockCredentials.service.header());
        expectInputError(
          res,
          `scope=${scope} lists a signed-in user's sessions; a service lists with scope=all (optionally with owner)`,
        );
      },
    );
  });

  it.each(databases.eachSupportedId())(
    'still applies the read conditions to every scope and to the run-rate on %p',
    async databaseId => {
      const { api } = await startIntentBackend(databases, databaseId, {
        entities,
        services: [userInfo],
        permissions: ownSessionsOnly.factory,
      });
      const created: Record<string, { id: string; planHash: string }> = {};
      for (const user of [DANA, TOM]) {
        const res = await api()
          .post('/api/intent/v1/sessions')
          .set('Authorization', mockCredentials.user.header(user))
          .send({ intent: 'a t3.micro in us-east-1 for 2 hours' });
        expect(res.status).toBe(201);
        created[user] = {
          id: res.body.session.id,
          planHash: res.body.revisions[0].planHash,
        };
      }
      const applied = await api()
        .post(`/api/intent/v1/sessions/${created[TOM].id}/apply`)
        .set('Authorization', mockCredentials.user.header(TOM))
        .send({ planHash: created[TOM].planHash });
      expect(applied.status).toBe(202);
      // Polled as Tom: only he may read his session.
      for (let status = ''; status !== 'active'; ) {
        await new Promise(r => setTimeout(r, 25));
        const res = await api()
          .get(`/api/intent/v1/sessions/${created[TOM].id}`)
          .set('Authorization', mockCredentials.user.header(TOM));
        status = res.body.session.status;
        expect(['applying', 'active']).toContain(status);
      }

      for (const scope of ['team', 'all']) {
        const res = await api()
          .get(`/api/intent/v1/sessions?scope=${scope}`)
          .set('Authorization', mockCredentials.user.header(DANA));
        expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([
          created[DANA].id,
        ]);
        expect(res.body.totalCount).toBe(1);
        // Tom's applied session is in Dana's team, but she may not read it.
        expect(res.body.runRate).toEqual({ mineUsd: 0, teamUsd: 0 });
      }
      const toms = await api()
        .get('/api/intent/v1/sessions?scope=team')
        .set('Authorization', mockCredentials.user.header(TOM));
      expect(toms.body.runRate.teamUsd).toBeGreaterThan(0);
    },
  );
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import rulesPlanner from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import simulatedCloud from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  INTENT_SESSION_RESOURCE_TYPE,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import request from 'supertest';
import { DatabaseSessionStore } from '../database';
import { intentPlugin } from '../plugin';
import { testConfig } from '../__testUtils__/backend';
import { newRevision } from '../__testUtils__/revisions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
  isSessionOwner,
} from './rules';

jest.setTimeout(60_000);

const ME = mockCredentials.user().principal.userEntityRef;
const MY_TEAM = 'group:default/payments';
const SOMEONE_ELSE = 'user:default/someone-else';

/** What an adopter's "owners and their team only" policy decides. */
function ownersOnly(claims: string[]): PolicyDecision {
  return createIntentSessionConditionalDecision(
    intentSessionReadPermission,
    intentSessionConditions.isSessionOwner({ claims }),
  );
}

describe('IS_OWNER', () => {
  const session = {
    id: 's',
    title: 't',
    owner: ME,
    team: MY_TEAM,
    provider: 'simulated',
    region: 'us-east-1',
    status: 'planned' as const,
    expiresAt: null,
    createdAt: '',
    updatedAt: '',
    promotedTo: null,
  };

  it('matches the owner or the team, nothing else', () => {
    expect(isSessionOwner.apply(session, { claims: [ME] })).toBe(true);
    expect(isSessionOwner.apply(session, { claims: [MY_TEAM] })).toBe(true);
    expect(isSessionOwner.apply(session, { claims: [SOMEONE_ELSE] })).toBe(
      false,
    );
    expect(
      isSessionOwner.apply({ ...session, team: null }, { claims: [MY_TEAM] }),
    ).toBe(false);
  });

  describe('in the plugin', () => {
    const databases = createTestDatabases();

    it.each(databases.eachSupportedId())(
      'filters the list in the database and answers apply-conditions on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        // The permission backend would hand the plugin this conditional
        // decision; the plugin must turn it into a query, not ignore it.
        const permissions = mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          authorizeConditional: async requests =>
            requests.map(r =>
              isResourcePermission(r.permission, INTENT_SESSION_RESOURCE_TYPE)
                ? (ownersOnly([ME, MY_TEAM]) as any)
                : { result: AuthorizeResult.ALLOW },
            ),
        });
        const { server } = await startTestBackend({
          features: [
            intentPlugin,
            rulesPlanner,
            simulatedCloud,
            permissions.factory,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({ data: testConfig }),
            catalogServiceMock.factory({ entities: [] }),
          ],
        });
        const store = await DatabaseSessionStore.create({
          database: { getClient: async () => knex } as DatabaseService,
        });
        const create = (owner: string, team: string | null, title: string) =>
          store.createSession({
            session: {
              title,
              owner,
              team,
              provider: 'simulated',
              region: 'us-east-1',
              status: 'planned',
              expiresAt: null,
            },
            revision: { ...newRevision('a t3.micro'), planHash: 'h' },
            audit: { actor: owner, action: 'session-create', details: {} },
          });
        const mine = await create(ME, null, 'mine');
        const teams = await create(SOMEONE_ELSE, MY_TEAM, 'my team');
        const theirs = await create(SOMEONE_ELSE, null, 'theirs');

        const list = await request(server).get('/api/intent/v1/sessions');
        expect(list.status).toBe(200);
        expect(list.body.totalCount).toBe(2);
        expect(list.body.items.map((s: any) => s.title).sort()).toEqual([
          'mine',
          'my team',
        ]);

        // What the permission backend asks the plugin for a single session.
        const conditions = ownersOnly([ME, MY_TEAM]);
        const applied = await request(server)
          .post(
            '/api/intent/.well-known/backstage/permissions/apply-conditions',
          )
          .set('Authorization', mockCredentials.service.header())
          .send({
            items: [mine, teams, theirs, 'no-such-session'].map(id => ({
              id,
              resourceRef: id,
              resourceType: INTENT_SESSION_RESOURCE_TYPE,
              conditions: (conditions as any).conditions,
            })),
          });
        expect(applied.status).toBe(200);
        expect(applied.body.items.map((i: any) => [i.id, i.result])).toEqual([
          [mine, AuthorizeResult.ALLOW],
          [teams, AuthorizeResult.ALLOW],
          [theirs, AuthorizeResult.DENY],
          ['no-such-session', AuthorizeResult.DENY],
        ]);
      },
    );
  });
});

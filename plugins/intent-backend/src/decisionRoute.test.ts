// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { INTENT_SESSION_RESOURCE_TYPE } from '@intent-sandboxes/backstage-plugin-intent-common';
import request from 'supertest';
import { DatabaseSessionStore } from './database';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
} from './permissions';
import { startIntentBackend } from './__testUtils__/backend';
import { newRevision } from './__testUtils__/revisions';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const ME = mockCredentials.user().principal.userEntityRef;
const SOMEONE_ELSE = 'user:default/someone-else';

/**
 * An adopter's policy: every session permission (read and approve alike) is
 * limited to the session's owner and team.
 */
const ownersOnlyPermissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async requests =>
    requests.map(r =>
      isResourcePermission(r.permission, INTENT_SESSION_RESOURCE_TYPE)
        ? (createIntentSessionConditionalDecision(
            r.permission as ResourcePermission<'intent-session'>,
            intentSessionConditions.isSessionOwner({ claims: [ME] }),
          ) as any)
        : { result: AuthorizeResult.ALLOW },
    ),
});

describe('POST /v1/sessions/:id/revisions/:seq/decision', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'tells a caller who may neither read nor approve nothing, not even that the session exists, on %p',
    async databaseId => {
      const { server, knex } = await startIntentBackend(databases, databaseId, {
        permissions: ownersOnlyPermissions.factory,
      });
      const store = await DatabaseSessionStore.create({
        database: { getClient: async () => knex } as DatabaseService,
      });
      const id = await store.createSession({
        session: {
          title: 'theirs',
          owner: SOMEONE_ELSE,
          team: null,
          provider: 'simulated',
          region: 'us-east-1',
          status: 'planned',
          expiresAt: null,
        },
        revision: { ...newRevision('a t3.micro'), planHash: 'secret-hash' },
        audit: { actor: SOMEONE_ELSE, action: 'session-create', details: {} },
      });

      const decided = await request(server)
        .post(`/api/intent/v1/sessions/${id}/revisions/1/decision`)
        .send({ decision: 'approve', planHash: 'guess' });

      expect(decided.status).toBe(404);
      expect(decided.body.error.message).toBe(`No session with id ${id}`);
      expect(JSON.stringify(decided.body)).not.toContain('secret-hash');
      // The same answer as for a session that does not exist.
      const unknown = await request(server)
        .post('/api/intent/v1/sessions/no-such-session/revisions/1/decision')
        .send({ decision: 'approve', planHash: 'guess' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No session with id no-such-session',
      );
    },
  );
});

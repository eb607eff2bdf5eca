// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  INTENT_SESSION_RESOURCE_TYPE,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import rulesPlanner from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import simulatedCloud from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { Knex } from 'knex';
import request from 'supertest';
import { startIntentBackend, testConfig } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
} from './permissions';
import { intentPlugin } from './plugin';

/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectInputError"] }] */

jest.setTimeout(120_000);

const INTENT = 'a t3.micro in us-east-1 for 2 hours';

/** A 400 whose message is exactly `message`. */
function expectInputError(res: request.Response, message: string) {
  expect({ status: res.status, error: res.body.error }).toEqual({
    status: 400,
    error: expect.objectContaining({ name: 'InputError', message }),
  });
}

/** A root logger that keeps what was logged at error level. */
function recordingLogger() {
  const errors: string[] = [];
  const logger: LoggerService = {
    error: (message, meta) => {
      errors.push(
        `${message} ${
          meta instanceof Error ? meta.stack : JSON.stringify(meta)
        }`,
      );
    },
    warn: () => {},
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return {
    errors,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger,
    }),
  };
}

/** The queries run while `fn` runs whose bindings hold `id`. */
async function queriesFor(knex: Knex, id: string, fn: () => Promise<unknown>) {
  const sql: string[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    if ((query.bindings ?? []).includes(id)) {
      sql.push(query.sql);
    }
  };
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return sql;
}

describe('bad input', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: Awaited<ReturnType<typeof startIntentBackend>>['api'];
    let knex: Knex;
    let id: string;

    beforeAll(async () => {
      ({ api, knex } = await startIntentBackend(databases, databaseId));
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: INTENT });
      if (created.status !== 201) {
        throw new Error(`create answered ${created.status}`);
      }
      id = created.body.session.id;
    });

    describe('text', () => {
      it.each([
        [
          'a NUL in the intent',
          '/v1/sessions',
          { intent: 'a t3.micro\u0000 for 2 hours' },
          'intent contains a control character (U+0000) at position 10; remove it',
        ],
        [
          'a bell in the team',
          '/v1/sessions',
          { intent: INTENT, team: 'group:default/\u0007' },
          'team contains a control character (U+0007) at position 14; remove it',
        ],
        [
          'an escape in a follow-up',
          '/v1/sessions/{id}/revisions',
          { intent: '\u001b[31mred' },
          'intent contains a control character (U+001B) at position 0; remove it',
        ],
        [
          'DEL in a comment',
          '/v1/sessions/{id}/revisions/1/decision',
          {
            decision: 'approve',
            planHash: 'f'.repeat(64),
            comment: 'ok\u007f',
          },
          'comment contains a control character (U+007F) at position 2; remove it',
        ],
        [
          'a C1 control in a plan hash',
          '/v1/sessions/{id}/apply',
          { planHash: '\u0085' },
          'planHash contains a control character (U+0085) at position 0; remove it',
        ],
        [
          'a lone high surrogate in the intent',
          '/v1/plans/preview',
          { intent: 'a t3.micro \ud800' },
          'intent contains a lone surrogate (U+D800) at position 11; remove it',
        ],
        [
          'a lone low surrogate deep in the base',
          '/v1/plans/preview',
          { intent: INTENT, base: { resources: [{ name: 'x\udc00' }] } },
          'base.resources[0].name contains a lone surrogate (U+DC00) at position 1; remove it',
        ],
        [
          'a NUL in a key',
          '/v1/plans/preview',
          { intent: INTENT, base: { 'a\u0000': 1 } },
          'A key of base contains a control character (U+0000) at position 1; remove it',
        ],
        [
          'a NUL in a failure code',
          '/v1/simulated/failures',
          { code: 'Oops\u0000', message: 'slow down' },
          'code contains a control character (U+0000) at position 4; remove it',
        ],
        [
          'a NUL in a drift tag',
          '/v1/simulated/drift',
          { cloudId: 'i-0abc', tags: { env: '\u0000' } },
          'tags.env contains a control character (U+0000) at position 0; remove it',
        ],
      ])('refuses %s with 400', async (_, path, body, message) => {
        const res = await api()
          .post(`/api/intent${path.replace('{id}', id)}`)
          .send(body);
        expectInputError(res, message);
      });

      it.each([
        [
          '/v1/sessions?owner=user%3Adefault%2F%00',
          'owner contains a control character (U+0000) at position 13; remove it',
        ],
        [
          '/v1/sessions?status=%0B',
          'status contains a control character (U+000B) at position 0; remove it',
        ],
        [
          '/v1/sessions/%00',
          'The path contains a control character (U+0000) at position 13; remove it',
        ],
        [
          '/v1/simulated/counts?x=%01',
          'x contains a control character (U+0001) at position 0; remove it',
        ],
      ])('refuses GET %s with 400', async (path, message) => {
        expectInputError(await api().get(`/api/intent${path}`), message);
      });

      it('gets no surrogate from an encoded one in the query', async () => {
        // The query parser decodes invalid UTF-8 (a surrogate's bytes) to U+FFFD.
        const res = await api().get('/api/intent/v1/sessions?owner=%ED%A0%80');
        expect(res.status).toBe(200);
      });

      it('accepts tabs, line feeds and carriage returns and stores them as sent', async () => {
        const intent = 'a t3.micro\r\n\tin us-east-1 for 2 hours 🙂';
        const res = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent });
        expect(res.status).toBe(201);
        const read = await api().get(
          `/api/intent/v1/sessions/${res.body.session.id}`,
        );
        expect(read.body.revisions[0].intent).toBe(intent);
      });
    });

    describe('integers', () => {
      it.each([
        [
          '/v1/sessions?offset=99999999999999999999',
          'request/query/offset must be <= 100000',
        ],
        [
          '/v1/sessions?offset=100001',
          'request/query/offset must be <= 100000',
        ],
        ['/v1/sessions?offset=-1', 'request/query/offset must be >= 0'],
        ['/v1/sessions?limit=0', 'request/query/limit must be >= 1'],
        ['/v1/sessions?limit=101', 'request/query/limit must be <= 100'],
        [
          '/v1/sessions/{id}/audit?before=99999999999999999999',
          'request/query/before must be <= 9007199254740991',
        ],
        [
          '/v1/audit?before=9007199254740992',
          'request/query/before must be <= 9007199254740991',
        ],
      ])('GET %s answers 400', async (path, message) => {
        const res = await api().get(`/api/intent${path.replace('{id}', id)}`);
        expectInputError(res, message);
      });

      it('bounds the revision number and the hours', async () => {
        const decided = await api()
          .post(`/api/intent/v1/sessions/${id}/revisions/2147483648/decision`)
          .send({ decision: 'approve', planHash: 'f'.repeat(64) });
        expectInputError(decided, 'request/params/seq must be <= 2147483647');
        const extended = await api()
          .post(`/api/intent/v1/sessions/${id}/extend`)
          .send({ hours: 1e308 });
        expectInputError(extended, 'request/body/hours must be <= 8760');
      });

      it('pages at the largest offset', async () => {
        const res = await api().get('/api/intent/v1/sessions?offset=100000');
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([]);
      });
    });

    describe('bodies', () => {
      /** A valid create body of exactly `bytes` bytes, padded with spaces. */
      const bodyOf = (bytes: number) => {
        const json = JSON.stringify({ intent: INTENT });
        return `${json.slice(0, -1)}${' '.repeat(bytes - json.length)}}`;
      };

      it.each([
        [70 * 1024, 'The request body is 70 kB; the limit is 64 kB'],
        [64 * 1024 + 1, 'The request body is 65 kB; the limit is 64 kB'],
        [1024 * 1024, 'The request body is 1024 kB; the limit is 64 kB'],
      ])('answers 413 to a body of %p bytes', async (bytes, message) => {
        const res = await api()
          .post('/api/intent/v1/sessions')
          .set('Content-Type', 'application/json')
          .send(bodyOf(bytes));
        expect(res.status).toBe(413);
        expect(res.body.error).toEqual({
          name: 'PayloadTooLargeError',
          message,
          statusCode: 413,
        });
      });

      it('answers 413 to an admin route too', async () => {
        const res = await api()
          .post('/api/intent/v1/simulated/failures')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ code: 'X', message: 'x'.repeat(70 * 1024) }));
        expect(res.status).toBe(413);
        expect(res.body.error.message).toBe(
          'The request body is 71 kB; the limit is 64 kB',
        );
      });

      it('parses a body of exactly 64 kB', async () => {
        const res = await api()
          .post('/api/intent/v1/sessions')
          .set('Content-Type', 'application/json')
          .send(bodyOf(64 * 1024));
        expect(res.status).toBe(201);
      });

      it('answers 400 without echoing a body that is not JSON', async () => {
        const res = await api()
          .post('/api/intent/v1/sessions')
          .set('Content-Type', 'application/json')
          .send('{"intent": "secret');
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(
          /^The request body is not valid JSON: /,
        );
        expect(JSON.stringify(res.body)).not.toContain('secret');
      });

      it.each([
        ['get', '/v1/sessions'],
        ['get', '/v1/sessions/{id}'],
        ['get', '/v1/simulated/counts'],
        ['delete', '/v1/simulated/failures'],
        ['post', '/v1/sessions/{id}/lock/release'],
      ] as const)('refuses a body to %s %s with 400', async (method, path) => {
        const url = path.replace('{id}', id);
        const res = await api()
          [method](`/api/intent${url}`)
          .set('Content-Type', 'application/json')
          .send('{}');
        expectInputError(
          res,
          `${method.toUpperCase()} ${url} takes no request body; send none`,
        );
      });

      it('still takes no body where none is needed', async () => {
        const released = await api().post(
          `/api/intent/v1/sessions/${id}/lock/release`,
        );
        expect(released.status).toBe(200);
        const cleared = await api().delete('/api/intent/v1/simulated/failures');
        expect(cleared.status).toBe(200);
      });
    });

    it('reads a session in two queries', async () => {
      const sql = await queriesFor(knex, id, async () => {
        const res = await api().get(`/api/intent/v1/sessions/${id}`);
        expect(res.status).toBe(200);
      });
      expect(sql).toHaveLength(2);
      const missing = await api().get('/api/intent/v1/sessions/nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('No session with id nope');
    });
  });

  it.each(databases.eachSupportedId())(
    'answers a database error with 500 and no SQL, and logs it, on %p',
    async databaseId => {
      const logged = recordingLogger();
      const { api, knex } = await startIntentBackend(databases, databaseId, {
        services: [logged.factory],
      });
      await knex.schema.renameTable('sessions', 'sessions_gone');
      const res = await api().get('/api/intent/v1/sessions?owner=someone');
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({
        name: 'DatabaseRequestError',
        message:
          'The database could not complete the request; the error is logged',
        statusCode: 500,
      });
      expect(JSON.stringify(res.body.error)).not.toMatch(
        /select|from|sessions|stack/i,
      );
      expect(logged.errors.join('\n')).toMatch(/sessions/);
      await knex.schema.renameTable('sessions_gone', 'sessions');
    },
  );

  it.each(databases.eachSupportedId())(
    'applies a conditional read decision to the loaded session on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const me = mockCredentials.user().principal.userEntityRef;
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async requests =>
          requests.map(r =>
            isResourcePermission(r.permission, INTENT_SESSION_RESOURCE_TYPE)
              ? (createIntentSessionConditionalDecision(
                  intentSessionReadPermission,
                  intentSessionConditions.isSessionOwner({
                    claims: ['user:default/someone-else'],
                  }),
                ) as any)
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
      const created = await request(server)
        .post('/api/intent/v1/sessions')
        .send({ intent: INTENT });
      expect(created.body.session.owner).toBe(me);
      const sessionId = created.body.session.id;
      const sql = await queriesFor(knex, sessionId, async () => {
        const res = await request(server).get(
          `/api/intent/v1/sessions/${sessionId}`,
        );
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          `You are not allowed to intent.session.read on session ${sessionId}`,
        );
      });
      expect(sql).toHaveLength(2);
      const missing = await request(server).get('/api/intent/v1/sessions/nope');
      expect(missing.status).toBe(404);
    },
  );
});

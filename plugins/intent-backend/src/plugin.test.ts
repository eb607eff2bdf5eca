// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { intentPlugin } from './plugin';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

describe('intent backend plugin', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function startBackend() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          intentPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { intent: { simulated: { bootMillis: 20 } } },
          }),
        ],
      });
      return server;
    }

    async function waitForStatus(server: any, id: string, status: string) {
      for (let i = 0; i < 100; i++) {
        const res = await request(server).get(`/api/intent/v1/sessions/${id}`);
        if (res.body.session.status === status) {
          return res.body;
        }
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error(`session ${id} never became ${status}`);
    }

    it('plans, applies and reports a running instance', async () => {
      const server = await startBackend();
      const created = await request(server)
        .post('/api/intent/v1/sessions')
        .send({ intent: 't3.micro instance with Ubuntu' });
      expect(created.status).toBe(201);
      const { session, revisions } = created.body;
      expect(session).toMatchObject({
        status: 'planned',
        owner: mockCredentials.user().principal.userEntityRef,
        provider: 'simulated',
      });
      expect(revisions[0].plan.resources).toEqual([
        expect.objectContaining({
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
        }),
      ]);
      expect(revisions[0].planHash).toMatch(/^[0-9a-f]{64}$/);

      const applied = await request(server)
        .post(`/api/intent/v1/sessions/${session.id}/apply`)
        .send({ planHash: revisions[0].planHash });
      expect(applied.status).toBe(202);
      expect(applied.body.session.status).toBe('applying');

      const done = await waitForStatus(server, session.id, 'active');
      expect(done.revisions[0].status).toBe('applied');
      expect(done.resources).toHaveLength(1);
      expect(done.resources[0]).toMatchObject({
        address: 'aws_instance.sandbox',
        status: 'running',
      });
      expect(done.resources[0].cloudId).toMatch(/^i-0[0-9a-f]{16}$/);

      const audit = await request(server).get(
        `/api/intent/v1/sessions/${session.id}/audit`,
      );
      expect(audit.body.items.map((e: any) => e.action)).toEqual([
        'session-create',
        'apply-start',
        'apply-succeeded',
      ]);

      const again = await request(server)
        .post(`/api/intent/v1/sessions/${session.id}/apply`)
        .send({ planHash: revisions[0].planHash });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('is active');

      const list = await request(server).get('/api/intent/v1/sessions');
      expect(list.body.totalCount).toBe(1);
    });

    it.each([
      ['no intent', {}, 'Describe what you need'],
      ['a blank intent', { intent: '   ' }, 'Describe what you need'],
      ['a number', { intent: 42 }, 'Describe what you need'],
      ['2001 characters', { intent: 'x'.repeat(2001) }, 'keep it under 2000'],
    ])('refuses %s with 400 and a message', async (_label, body, message) => {
      const server = await startBackend();
      const res = await request(server)
        .post('/api/intent/v1/sessions')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      const list = await request(server).get('/api/intent/v1/sessions');
      expect(list.body.totalCount).toBe(0);
    });

    it('refuses a stale or missing plan hash and changes nothing', async () => {
      const server = await startBackend();
      const { body } = await request(server)
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.small with debian' });
      const id = body.session.id;
      const stale = await request(server)
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: 'f'.repeat(64) });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('plan changed');
      const missing = await request(server)
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({});
      expect(missing.status).toBe(400);
      const after = await request(server).get(`/api/intent/v1/sessions/${id}`);
      expect(after.body.session.status).toBe('planned');
      expect(after.body.resources).toEqual([]);
    });

    it('refuses to apply a plan without resources', async () => {
      const server = await startBackend();
      const { body } = await request(server)
        .post('/api/intent/v1/sessions')
        .send({ intent: 'hello there' });
      expect(body.session.status).toBe('draft');
      expect(body.revisions[0].questions.length).toBeGreaterThan(0);
      const res = await request(server)
        .post(`/api/intent/v1/sessions/${body.session.id}/apply`)
        .send({ planHash: body.revisions[0].planHash });
      expect(res.status).toBe(409);
    });

    it('answers 404 for unknown sessions and 401 without credentials', async () => {
      const server = await startBackend();
      const missing = await request(server).get('/api/intent/v1/sessions/nope');
      expect(missing.status).toBe(404);
      const anonymous = await request(server)
        .post('/api/intent/v1/sessions')
        .set('Authorization', mockCredentials.none.header())
        .send({ intent: 't3.micro' });
      expect(anonymous.status).toBe(401);
      const badPage = await request(server).get(
        '/api/intent/v1/sessions?limit=1000',
      );
      expect(badPage.status).toBe(400);
      const health = await request(server)
        .get('/api/intent/health')
        .set('Authorization', mockCredentials.none.header());
      expect(health.status).toBe(200);
    });
  });
});

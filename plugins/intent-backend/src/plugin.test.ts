// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockCredentials } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DatabaseSessionStore } from './database';
import { startIntentBackend, waitForStatus } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { newRevision } from './__testUtils__/revisions';

jest.setTimeout(120_000);

describe('intent backend plugin', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lives a whole session: plan, apply, follow-up, replace with confirmation, destroy', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);

      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 't3.micro instance with Ubuntu' });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      expect(created.body.session).toMatchObject({
        status: 'planned',
        owner: mockCredentials.user().principal.userEntityRef,
      });
      expect(created.body.session.expiresAt).toBeTruthy();
      const first = created.body.revisions[0];
      expect(first.diff.counts.create).toBeGreaterThan(0);
      expect(first.policy.verdict).toBeDefined();
      expect(first.cost.hourlyUsd).toBeGreaterThan(0);

      const applied = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: first.planHash });
      expect(applied.status).toBe(202);
      expect(applied.body.operationId).toBeTruthy();
      let details = await waitForStatus(server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
      const instance = details.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(instance.status).toBe('running');
      expect(instance.cloudId).toMatch(/^i-0[0-9a-f]+$/);

      const operation = await api().get(
        `/api/intent/v1/operations/${applied.body.operationId}`,
      );
      expect(operation.body.status).toBe('succeeded');
      expect(operation.body.steps.map((s: any) => s.status)).toContain(
        'succeeded',
      );

      // An in-place change: no confirmation needed, same instance.
      const resized = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'make it a t3.large' });
      expect(resized.status).toBe(201);
      const second = resized.body.revisions[1];
      expect(second.seq).toBe(2);
      expect(resized.body.revisions[0].status).toBe('applied');
      expect(second.diff.counts.update).toBe(1);
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: second.planHash })
        .expect(202);
      details = await waitForStatus(server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
      const resizedInstance = details.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(resizedInstance.cloudId).toBe(instance.cloudId);
      expect(resizedInstance.actual.instanceType).toBe('t3.large');

      // A replace needs confirmation and names what goes.
      const replaced = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'switch it to debian 12' });
      const third = replaced.body.revisions[2];
      expect(third.diff.counts.replace).toBe(1);
      const unconfirmed = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: third.planHash });
      expect(unconfirmed.status).toBe(428);
      expect(unconfirmed.body.error.message).toContain(instance.cloudId);
      expect(
        (await api().get(`/api/intent/v1/sessions/${id}`)).body.session.status,
      ).toBe('planned');
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: third.planHash, confirm: true })
        .expect(202);
      details = await waitForStatus(server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
      const newInstance = details.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(newInstance.cloudId).not.toBe(instance.cloudId);
      expect(newInstance.replacedCloudId).toBeNull();

      // Destroy: confirmation, then everything goes in reverse order.
      const noConfirm = await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({});
      expect(noConfirm.status).toBe(428);
      expect(noConfirm.body.error.message).toContain(newInstance.cloudId);
      await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      details = await waitForStatus(server, id, ['destroyed', 'failed']);
      expect(details.session.status).toBe('destroyed');
      expect(details.resources).toEqual([]);

      // Final: nothing more can happen.
      const late = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: third.planHash });
      expect(late.status).toBe(409);
      expect(late.body.error.message).toContain('is destroyed');
      expect(late.body.error.sessionStatus).toBe('destroyed');
      const lateFollowUp = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'add a volume' });
      expect(lateFollowUp.status).toBe(409);
      expect(lateFollowUp.body.error).toMatchObject({
        name: 'ConflictError',
        sessionStatus: 'destroyed',
      });

      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      const actions = audit.body.items.map((e: any) => e.action).reverse();
      expect(actions).toEqual([
        'session-create',
        'apply-start',
        'apply-succeeded',
        'revision-create',
        'apply-start',
        'apply-succeeded',
        'revision-create',
        'apply-start',
        'apply-succeeded',
        'destroy-start',
        'destroy-succeeded',
      ]);
    });

    it.each([
      ['no intent', {}],
      ['a blank intent', { intent: '   ' }],
      ['a number', { intent: 42 }],
      ['2001 characters', { intent: 'x'.repeat(2001) }],
      [
        'an unknown field',
        { intent: 'a t3.micro', owner: 'user:default/someone-else' },
      ],
    ])('refuses %s with 400 and stores nothing', async (_label, body) => {
      const { api } = await startIntentBackend(databases, databaseId);
      const res = await api().post('/api/intent/v1/sessions').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
      expect((await api().get('/api/intent/v1/sessions')).body.totalCount).toBe(
        0,
      );
    });

    it('refuses a stale plan hash, a missing hash and an empty plan, changing nothing', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      const { body } = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.small with debian' });
      const id = body.session.id;
      const stale = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: 'f'.repeat(64) });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('plan changed');
      expect(
        (await api().post(`/api/intent/v1/sessions/${id}/apply`).send({}))
          .status,
      ).toBe(400);
      const after = await api().get(`/api/intent/v1/sessions/${id}`);
      expect(after.body.session.status).toBe('planned');
      expect(after.body.resources).toEqual([]);
      expect(after.body.operations).toEqual([]);

      const draft = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'hello there' });
      expect(draft.body.session.status).toBe('draft');
      const nothing = await api()
        .post(`/api/intent/v1/sessions/${draft.body.session.id}/apply`)
        .send({ planHash: draft.body.revisions[0].planHash });
      expect(nothing.status).toBe(409);
    });

    /** A session whose apply is under way on a slow cloud, holding the lock. */
    async function applying() {
      const backend = await startIntentBackend(databases, databaseId, {
        config: {
          intent: {
            simulated: { bootMillis: 20, latencyMillis: 400 },
            operations: { pollMillis: 10, leaseMillis: 5000 },
          },
        },
      });
      const { body } = await backend
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro' });
      const id: string = body.session.id;
      const first = await backend
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: body.revisions[0].planHash });
      expect(first.status).toBe(202);
      return { ...backend, id, first };
    }

    it('refuses a second operation while one holds the lock, naming the holder', async () => {
      const { server, api, id, first } = await applying();
      const locked = await api().get(`/api/intent/v1/sessions/${id}`);
      expect(locked.body.lock).toMatchObject({
        operationId: first.body.operationId,
      });
      const second = await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true });
      expect(second.status).toBe(409);
      expect(second.body.error.lock).toMatchObject({
        operationId: first.body.operationId,
        holder: mockCredentials.user().principal.userEntityRef,
        acquiredAt: expect.any(String),
        expiresAt: expect.any(String),
      });
      expect(second.body.error.message).toContain(
        `operation ${first.body.operationId}`,
      );
      expect(second.body.error.message).toContain(
        mockCredentials.user().principal.userEntityRef,
      );
      await waitForStatus(server, id, ['active']);
    });

    it('lets an admin force-release a lock, audited in the session and global logs', async () => {
      const { server, api, id, first } = await applying();

      const released = await api().post(
        `/api/intent/v1/sessions/${id}/lock/release`,
      );
      expect(released.status).toBe(200);
      expect(released.body.released).toMatchObject({
        operationId: first.body.operationId,
      });
      const nothing = await api().post(
        `/api/intent/v1/sessions/${id}/lock/release`,
      );
      expect(nothing.body).toEqual({ released: null });
      expect(released.body.abortedOperationId).toBe(first.body.operationId);

      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      const releases = audit.body.items.filter(
        (e: any) => e.action === 'lock-force-release',
      );
      // The second release had nothing to release: no event.
      expect(releases).toHaveLength(1);
      expect(releases[0]).toMatchObject({
        actor: mockCredentials.user().principal.userEntityRef,
        details: { released: { operationId: first.body.operationId } },
      });
      const global = await api().get('/api/intent/v1/audit?limit=100');
      expect(global.status).toBe(200);
      expect(global.body.items.map((e: any) => e.action)).toEqual(
        expect.arrayContaining(['session-create', 'lock-force-release']),
      );
      await waitForStatus(server, id, ['active', 'failed']);
    });

    it('extends the expiry within the maximum and refuses beyond it', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      const { body } = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro' });
      const id = body.session.id;
      const before = new Date(body.session.expiresAt).getTime();
      const extended = await api()
        .post(`/api/intent/v1/sessions/${id}/extend`)
        .send({ hours: 2 });
      expect(extended.status).toBe(200);
      expect(
        new Date(extended.body.session.expiresAt).getTime() - before,
      ).toBeCloseTo(2 * 3_600_000, -4);
      const tooLong = await api()
        .post(`/api/intent/v1/sessions/${id}/extend`)
        .send({ hours: 1000 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('at most 72 hours');
      expect(
        (
          await api()
            .post(`/api/intent/v1/sessions/${id}/extend`)
            .send({ hours: -1 })
        ).status,
      ).toBe(400);
    });

    it('answers 404, 401 and serves its OpenAPI spec', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      expect((await api().get('/api/intent/v1/sessions/nope')).status).toBe(
        404,
      );
      expect((await api().get('/api/intent/v1/operations/nope')).status).toBe(
        404,
      );
      const anonymous = await api()
        .post('/api/intent/v1/sessions')
        .set('Authorization', mockCredentials.none.header())
        .send({ intent: 'a t3.micro' });
      expect(anonymous.status).toBe(401);
      expect(
        (
          await api()
            .get('/api/intent/health')
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(200);
      const openapi = await api().get('/api/intent/openapi.json');
      expect(openapi.status).toBe(200);
      expect(openapi.body.info.title).toBe('intent');
    });
  });

  describe.each(databases.eachSupportedId())(
    'with permissions denied, on %p',
    databaseId => {
      it('refuses every endpoint with 403, and lists nothing', async () => {
        const { api, knex } = await startIntentBackend(databases, databaseId, {
          permission: AuthorizeResult.DENY,
        });
        const store = await DatabaseSessionStore.create({
          database: { getClient: async () => knex } as DatabaseService,
        });
        const id = await store.createSession({
          session: {
            title: 't',
            owner: 'user:default/ada',
            team: null,
            provider: 'simulated',
            region: 'us-east-1',
            status: 'planned',
            expiresAt: null,
          },
          revision: { ...newRevision('a t3.micro'), planHash: 'h' },
          audit: {
            actor: 'user:default/ada',
            action: 'session-create',
            details: {},
          },
        });
        await store.createOperation({
          id: 'op-1',
          sessionId: id,
          kind: 'apply',
          revisionSeq: 1,
          actor: 'user:default/ada',
        });
        const calls: Array<[string, string, object?]> = [
          ['get', '/api/intent/v1/operations/op-1'],
          ['post', '/api/intent/v1/plans/preview', { intent: 'a t3.micro' }],
          ['post', '/api/intent/v1/sessions', { intent: 'a t3.micro' }],
          ['get', `/api/intent/v1/sessions/${id}`],
          [
            'post',
            `/api/intent/v1/sessions/${id}/revisions`,
            { intent: 'make it large' },
          ],
          ['post', `/api/intent/v1/sessions/${id}/apply`, { planHash: 'h' }],
          [
            'post',
            `/api/intent/v1/sessions/${id}/revisions/1/decision`,
            { decision: 'approve', planHash: 'h' },
          ],
          ['post', `/api/intent/v1/sessions/${id}/destroy`, { confirm: true }],
          ['post', `/api/intent/v1/sessions/${id}/extend`, { hours: 1 }],
          ['get', `/api/intent/v1/sessions/${id}/audit`],
          ['post', `/api/intent/v1/sessions/${id}/lock/release`],
          ['post', '/api/intent/v1/simulated/drift', { cloudId: 'i-0abc' }],
          [
            'post',
            '/api/intent/v1/simulated/failures',
            { code: 'RequestLimitExceeded', message: 'slow down' },
          ],
          ['delete', '/api/intent/v1/simulated/failures'],
          ['get', '/api/intent/v1/simulated/counts'],
          ['get', '/api/intent/v1/audit'],
        ];
        for (const [method, path, body] of calls) {
          const res = await (api() as any)[method](path).send(body);
          // A caller who may neither read nor approve learns nothing about a
          // decision, not even that the session exists.
          const expected = path.endsWith('/decision') ? 404 : 403;
          expect([path, res.status]).toEqual([path, expected]);
        }
        const list = await api().get('/api/intent/v1/sessions');
        expect(list.body).toEqual({ items: [], totalCount: 0 });
        expect((await store.getSession({ id })).session.status).toBe('planned');
      });
    },
  );
});

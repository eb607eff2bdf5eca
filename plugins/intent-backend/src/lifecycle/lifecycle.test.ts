// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { testConfig, waitForStatus } from '../__testUtils__/backend';
import { startLifecycleBackend } from '../__testUtils__/lifecycleBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const config = {
  intent: {
    ...testConfig.intent,
    lifecycle: {
      expiryWarnings: ['24h', '1h'],
      destroyRetry: '20ms',
      admins: ['group:default/platform'],
    },
  },
};

async function start(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startLifecycleBackend>[1],
) {
  const started = await startLifecycleBackend(databases, databaseId, config);
  const topics = (topic: string) =>
    started.sent.filter(n => n.payload.topic === topic);
  return { ...started, topics };
}

describe('lifecycle', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('detects, shows, reverts and accepts a console change, telling the owner once per drift', async () => {
      const { api, server, topics, activeSession, scheduler } = await start(
        databases,
        databaseId,
      );
      const { id, instance } = await activeSession();

      const clean = await api().post(
        `/api/intent/v1/sessions/${id}/drift-check`,
      );
      expect(clean.status).toBe(200);
      expect(clean.body).toMatchObject({ drifted: [], unmanaged: [] });

      const revertNothing = await api().post(
        `/api/intent/v1/sessions/${id}/drift/revert`,
      );
      expect(revertNothing.status).toBe(409);
      expect(revertNothing.body.error.message).toMatch(
        new RegExp(
          `^Session ${id} has no changed or missing resource to revert \\(checked .+\\); run a drift check first$`,
        ),
      );

      const drift = () =>
        api()
          .post('/api/intent/v1/simulated/drift')
          .send({
            cloudId: instance.cloudId,
            attributes: { instanceType: 't3.small' },
          })
          .expect(200);
      await drift();
      // The scheduled job finds it, and tells the owner once.
      await scheduler.trigger('intent-drift-check');
      await scheduler.trigger('intent-drift-check');
      const checked = await api().post(
        `/api/intent/v1/sessions/${id}/drift-check`,
      );
      expect(checked.body.drifted).toEqual([
        {
          address: instance.address,
          type: 'aws_instance',
          cloudId: instance.cloudId,
          kind: 'changed',
          fields: [
            {
              path: 'instanceType',
              expected: 't3.micro',
              observed: 't3.small',
            },
          ],
        },
      ]);
      expect(topics('intent-drift')).toHaveLength(1);
      expect(topics('intent-drift')[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ['user:default/mock'] },
        payload: {
          link: `/intent/sessions/${id}`,
          description: expect.stringContaining(
            `${instance.address}: instanceType changed`,
          ),
        },
      });
      // Shown with the session, with the cost accrued so far.
      const stored = await api().get(`/api/intent/v1/sessions/${id}/drift`);
      expect(stored.body.report.drifted).toHaveLength(1);
      const shown = await api().get(`/api/intent/v1/sessions/${id}`);
      expect(shown.body.session.accruedCostUsd).toBeGreaterThanOrEqual(0);
      const list = await api().get('/api/intent/v1/sessions');
      expect(typeof list.body.items[0].accruedCostUsd).toBe('number');

      // Revert: the cloud holds the applied value again.
      const reverted = await api().post(
        `/api/intent/v1/sessions/${id}/drift/revert`,
      );
      expect(reverted.status).toBe(202);
      await waitForStatus(server, id, ['active', 'failed']);
      const operation = await api().get(
        `/api/intent/v1/operations/${reverted.body.operationId}`,
      );
      expect(operation.body).toMatchObject({
        kind: 'apply',
        status: 'succeeded',
      });
      const afterRevert = await api().post(
        `/api/intent/v1/sessions/${id}/drift-check`,
      );
      expect(afterRevert.body.drifted).toEqual([]);

      // The same change again is new drift: told again, then accepted.
      await drift();
      await api().post(`/api/intent/v1/sessions/${id}/drift-check`);
      expect(topics('intent-drift')).toHaveLength(2);
      const accepted = await api().post(
        `/api/intent/v1/sessions/${id}/drift/accept`,
      );
      expect(accepted.status).toBe(202);
      expect(accepted.body.operationId).toEqual(expect.any(String));
      const done = await waitForStatus(server, id, ['active', 'failed']);
      expect(done.session.status).toBe('active');
      const last = done.revisions[done.revisions.length - 1];
      expect(last).toMatchObject({
        planner: 'drift-accept',
        status: 'applied',
      });
      expect(
        last.plan.resources.find((r: any) => r.type === 'aws_instance')
          .instanceType,
      ).toBe('t3.small');
      const afterAccept = await api().post(
        `/api/intent/v1/sessions/${id}/drift-check`,
      );
      expect(afterAccept.body.drifted).toEqual([]);

      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      const actions = audit.body.items.map((e: any) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'drift-detected',
          'drift-revert',
          'drift-reverted',
          'drift-accept',
        ]),
      );

      const unknown = await api().post(
        '/api/intent/v1/sessions/no-such-session/drift-check',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No session with id no-such-session',
      );
    });

    it('warns once per lead time, refuses extension above the maximum, retries a failing expiry destroy and reports it', async () => {
      const { api, server, knex, topics, activeSession, scheduler } =
        await start(databases, databaseId);
      const { id } = await activeSession();
      const sweep = () => scheduler.trigger('intent-expiry-sweep');

      // 8 h left: the 24 h warning, once however often the sweep runs.
      await sweep();
      await sweep();
      expect(topics('intent-expiry').map(n => n.payload.title)).toEqual([
        'Sandbox "t3.micro instance with Ubuntu" expires in 24h',
      ]);
      // 30 minutes left: the 1 h warning, once.
      await knex('sessions')
        .where({ id })
        .update({ expires_at: new Date(Date.now() + 30 * 60_000) });
      await sweep();
      await sweep();
      expect(topics('intent-expiry').map(n => n.payload.title)).toEqual([
        'Sandbox "t3.micro instance with Ubuntu" expires in 24h',
        'Sandbox "t3.micro instance with Ubuntu" expires in 1h',
      ]);

      const tooLong = await api()
        .post(`/api/intent/v1/sessions/${id}/extend`)
        .send({ hours: 100 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(
        /^A session may live at most 72 hours from now \(until \d{4}-\d\d-\d\dT[\d:.]+Z\); extend by less$/,
      );

      // At expiry the destroy fails once, is reported, then retried.
      await api()
        .post('/api/intent/v1/simulated/failures')
        .send({
          action: 'delete',
          type: 'aws_instance',
          code: 'UnauthorizedOperation',
          message: 'You are not authorized to perform this operation.',
        })
        .expect(201);
      await knex('sessions')
        .where({ id })
        .update({ expires_at: new Date(Date.now() - 1000) });
      await sweep();
      const failed = await waitForStatus(server, id, ['failed', 'expired']);
      expect(failed.session.status).toBe('failed');
      await new Promise(r => setTimeout(r, 50)); // the backoff
      await sweep();
      const expired = await waitForStatus(server, id, ['expired']);
      expect(expired.resources).toEqual([]);
      const reports = topics('intent-expiry').filter(n =>
        n.payload.title.includes('could not be destroyed'),
      );
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: ['user:default/mock', 'group:default/platform'],
        },
        payload: {
          severity: 'high',
          description: expect.stringContaining(
            'You are not authorized to perform this operation.',
          ),
        },
      });
      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      const actions = audit.body.items.map((e: any) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'expiry-warning',
          'destroy-failed',
          'expiry-destroy-failed',
          'session-expired',
        ]),
      );
      expect(
        audit.body.items.filter((e: any) => e.action === 'expiry-warning'),
      ).toHaveLength(2);
    });

    it('never expires an exempt session', async () => {
      const { api, knex, activeSession, scheduler } = await start(
        databases,
        databaseId,
      );
      const { id } = await activeSession();
      const exempt = await api()
        .post(`/api/intent/v1/sessions/${id}/expiry-exemption`)
        .send({ exempt: true });
      expect(exempt.status).toBe(200);
      expect(exempt.body).toMatchObject({
        exempt: true,
        exemptedBy: 'user:default/mock',
      });
      await knex('sessions')
        .where({ id })
        .update({ expires_at: new Date(Date.now() - 1000) });
      await scheduler.trigger('intent-expiry-sweep');
      const details = await api().get(`/api/intent/v1/sessions/${id}`);
      expect(details.body.session.status).toBe('active');

      const bad = await api()
        .post(`/api/intent/v1/sessions/${id}/expiry-exemption`)
        .send({ exempt: 'yes' });
      expect(bad.status).toBe(400);
    });

    it('lists an orphan with its cost and destroys it; refuses to destroy what a live session owns', async () => {
      const { api, knex, activeSession } = await start(databases, databaseId);
      const alive = await activeSession();
      const lost = await activeSession();
      // The portal lost track of it: its session says destroyed.
      await knex('sessions')
        .where({ id: lost.id })
        .update({ status: 'destroyed' });

      const listed = await api().get('/api/intent/v1/orphans');
      expect(listed.status).toBe(200);
      const orphan = listed.body.items.find(
        (o: any) => o.cloudId === lost.instance.cloudId,
      );
      expect(orphan).toMatchObject({
        provider: 'simulated',
        type: 'aws_instance',
        sessionId: lost.id,
        sessionStatus: 'destroyed',
      });
      expect(orphan.hourlyUsd).toBeGreaterThan(0);
      expect(listed.body.items.some((o: any) => o.sessionId === alive.id)).toBe(
        false,
      );

      const refused = await api().post('/api/intent/v1/orphans/destroy').send({
        provider: 'simulated',
        region: alive.details.session.region,
        type: 'aws_instance',
        cloudId: alive.instance.cloudId,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `${alive.instance.cloudId} belongs to session ${alive.id}, which is active: destroy the session instead`,
      );

      const destroyed = await api()
        .post('/api/intent/v1/orphans/destroy')
        .send({
          provider: orphan.provider,
          region: orphan.region,
          type: orphan.type,
          cloudId: orphan.cloudId,
        });
      expect(destroyed.status).toBe(200);
      const after = await api().get('/api/intent/v1/orphans');
      expect(
        after.body.items.some((o: any) => o.cloudId === orphan.cloudId),
      ).toBe(false);
      const audit = await api().get('/api/intent/v1/audit');
      expect(audit.body.items[0]).toMatchObject({
        action: 'orphan-destroy',
        sessionId: null,
        details: { cloudId: orphan.cloudId, session: lost.id },
      });
    });
  });
});

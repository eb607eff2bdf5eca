// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from '../__testUtils__/backend';
import { startLifecycleBackend } from '../__testUtils__/lifecycleBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const HOUR = 3_600_000;

const config = {
  intent: {
    ...testConfig.intent,
    lifecycle: { destroyRetry: '20ms' },
    policy: { idle: { warnAfterHours: 24, destroyAfterHours: 48 } },
  },
};

/**
 * The fake clock: `hours` pass for one session. Every time recorded about it
 * moves back as far: its audit log (the activity the rule reads), the
 * notices sent about it and the quiet spell an idle warning's key names.
 */
async function hoursPass(knex: Knex, sessionId: string, hours: number) {
  const earlier = (value: string | number | Date) =>
    new Date(new Date(value).getTime() - hours * HOUR);
  const events = await knex('audit_events')
    .where({ session_id: sessionId })
    .select('id', 'created_at');
  for (const row of events) {
    await knex('audit_events')
      .where({ id: row.id })
      .update({ created_at: earlier(row.created_at) });
  }
  const notices = await knex('session_notices')
    .where({ session_id: sessionId })
    .select('notice', 'sent_at');
  for (const row of notices) {
    const spell = /^idle-warning:(.+)$/.exec(row.notice)?.[1];
    await knex('session_notices')
      .where({ session_id: sessionId, notice: row.notice })
      .update({
        sent_at: earlier(row.sent_at),
        notice: spell
          ? `idle-warning:${earlier(spell).toISOString()}`
          : row.notice,
      });
  }
}

async function start(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startLifecycleBackend>[1],
) {
  const backend = await startLifecycleBackend(databases, databaseId, config);
  const { api, sent, scheduler } = backend;
  const activeSession = async () => (await backend.activeSession()).id;
  const idleWarnings = (id: string) =>
    sent.filter(
      n =>
        n.payload.topic === 'intent-idle' &&
        n.payload.link === `/intent/sessions/${id}`,
    );
  const auditActions = async (id: string) =>
    (await api().get(`/api/intent/v1/sessions/${id}/audit`)).body.items.map(
      (e: any) => e.action,
    );
  const sweep = () => scheduler.trigger('intent-expiry-sweep');
  return {
    ...backend,
    activeSession,
    idleWarnings,
    auditActions,
    sweep,
  };
}

describe('the idle rule', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('warns once, starts again on keep, destroys into expired after the destroy limit', async () => {
      const {
        api,
        server,
        knex,
        activeSession,
        idleWarnings,
        auditActions,
        sweep,
      } = await start(databases, databaseId);
      const id = await activeSession();

      await sweep();
      expect(idleWarnings(id)).toEqual([]);
      const fresh = await api().get(`/api/intent/v1/sessions/${id}/expiry`);
      expect(fresh.status).toBe(200);
      const since = new Date(fresh.body.idle.lastActivityAt).getTime();
      expect(Date.now() - since).toBeLessThan(60_000);
      expect(fresh.body).toMatchObject({
        exempt: false,
        idle: {
          warnedAt: null,
          warnAt: new Date(since + 24 * HOUR).toISOString(),
          destroyAt: new Date(since + 48 * HOUR).toISOString(),
        },
      });

      // 25 h without activity: warned once, however often the sweep runs.
      await hoursPass(knex, id, 25);
      await sweep();
      await sweep();
      expect(idleWarnings(id)).toHaveLength(1);
      expect(idleWarnings(id)[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ['user:default/mock'] },
        payload: {
          title:
            'Sandbox "t3.micro instance with Ubuntu" has been idle for 25h',
          severity: 'normal',
        },
      });
      const warned = await api().get(`/api/intent/v1/sessions/${id}/expiry`);
      expect(warned.body.idle.warnedAt).toEqual(expect.any(String));

      // Keep: the clock starts again and the warning is re-armed.
      const kept = await api().post(`/api/intent/v1/sessions/${id}/keep`);
      expect(kept.status).toBe(200);
      expect(kept.body.idle.warnedAt).toBeNull();
      expect(
        Date.now() - new Date(kept.body.idle.lastActivityAt).getTime(),
      ).toBeLessThan(60_000);
      await sweep();
      expect(idleWarnings(id)).toHaveLength(1);
      expect(
        (await api().get(`/api/intent/v1/sessions/${id}`)).body.session.status,
      ).toBe('active');

      // Idle again: warned again; 24 h after that it is destroyed.
      await hoursPass(knex, id, 25);
      await sweep();
      expect(idleWarnings(id)).toHaveLength(2);
      await hoursPass(knex, id, 23);
      await sweep();
      expect(
        (await api().get(`/api/intent/v1/sessions/${id}`)).body.session.status,
      ).toBe('active');
      await hoursPass(knex, id, 1);
      await sweep();
      const expired = await waitForStatus(server, id, ['expired']);
      expect(expired.resources).toEqual([]);
      const actions = await auditActions(id);
      expect(actions.filter((a: string) => a === 'idle-warning')).toHaveLength(
        2,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          'idle-keep',
          'idle-destroy',
          'session-expired',
        ]),
      );
      const ended = await api().get(`/api/intent/v1/sessions/${id}/expiry`);
      expect(ended.body.idle).toBeNull();

      const notActive = await api().post(`/api/intent/v1/sessions/${id}/keep`);
      expect(notActive.status).toBe(409);
      expect(notActive.body.error.message).toBe(
        `Session ${id} is expired, not active: only an active session can be kept`,
      );
      const unknown = await api().post(
        '/api/intent/v1/sessions/no-such-session/keep',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No session with id no-such-session',
      );
    });

    it('retries a failing idle destroy through the expiry destroy path and reports it', async () => {
      const { api, server, knex, activeSession, sweep } = await start(
        databases,
        databaseId,
      );
      const id = await activeSession();
      await hoursPass(knex, id, 25);
      await sweep();
      await api()
        .post('/api/intent/v1/simulated/failures')
        .send({
          action: 'delete',
          type: 'aws_instance',
          code: 'UnauthorizedOperation',
          message: 'You are not authorized to perform this operation.',
        })
        .expect(201);
      await hoursPass(knex, id, 24);
      await sweep();
      const failed = await waitForStatus(server, id, ['failed', 'expired']);
      expect(failed.session.status).toBe('failed');
      // The failed destroy is no activity: the next sweep tries again.
      await new Promise(r => setTimeout(r, 50)); // the backoff
      await sweep();
      await waitForStatus(server, id, ['expired']);
      const state = await knex('session_expiry')
        .where({ session_id: id })
        .first();
      expect(Number(state.destroy_attempts)).toBe(2);
      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      expect(
        audit.body.items.find((e: any) => e.action === 'expiry-destroy-failed'),
      ).toMatchObject({ details: { cause: 'idle', attempt: 1 } });
    });

    it('never idle-destroys exempt or promoted sessions', async () => {
      const { api, knex, activeSession, idleWarnings, sweep } = await start(
        databases,
        databaseId,
      );
      const exempt = await activeSession();
      const promoted = await activeSession();
      await api()
        .post(`/api/intent/v1/sessions/${exempt}/expiry-exemption`)
        .send({ exempt: true })
        .expect(200);
      await knex('sessions')
        .where({ id: promoted })
        .update({ status: 'promoted', promoted_to: 'component:default/kept' });
      for (const id of [exempt, promoted]) {
        await hoursPass(knex, id, 100);
      }
      await sweep();
      await sweep();
      for (const [id, status] of [
        [exempt, 'active'],
        [promoted, 'promoted'],
      ]) {
        expect(idleWarnings(id)).toEqual([]);
        const shown = await api().get(`/api/intent/v1/sessions/${id}`);
        expect(shown.body.session.status).toBe(status);
        const state = await api().get(`/api/intent/v1/sessions/${id}/expiry`);
        expect(state.body.idle).toBeNull();
      }
    });

    it('lets only those who may apply the session keep it', async () => {
      const { knex, activeSession } = await start(databases, databaseId);
      const id = await activeSession();
      const denied = await startIntentBackend(databases, databaseId, {
        config,
        knex,
        permission: AuthorizeResult.DENY,
      });
      const refused = await denied
        .api()
        .post(`/api/intent/v1/sessions/${id}/keep`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        `You are not allowed to intent.session.apply on session ${id}`,
      );
      await denied.stop();
    });
  });
});

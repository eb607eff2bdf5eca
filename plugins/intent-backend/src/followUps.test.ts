// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startIntentBackend, waitForStatus } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('follow-ups that change where and how long a session runs', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('moves a session to another region by replacing everything, and leaves nothing behind', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const existing = async () => {
        const res = await api().get('/api/intent/v1/simulated/counts');
        expect(res.status).toBe(200);
        return Object.fromEntries(
          Object.entries(
            res.body as Record<string, { existing: number; created: number }>,
          ).flatMap(([type, c]) =>
            c.existing > 0 ? [[type, c.existing]] : [],
          ),
        );
      };

      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu in eu-west-1' });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      expect(created.body.session.region).toBe('eu-west-1');
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      const first = await waitForStatus(server, id, ['active', 'failed']);
      expect(first.session.status).toBe('active');
      const running = await existing();
      expect(running.aws_instance).toBe(1);

      const moved = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'move it to eu-central-1' });
      expect(moved.status).toBe(201);
      const revision = moved.body.revisions[1];
      expect(revision.plan.region).toBe('eu-central-1');
      expect(revision.diff.counts.replace).toBe(first.resources.length);
      for (const change of revision.diff.changes) {
        expect(change).toMatchObject({
          action: 'replace',
          reason: 'region eu-west-1 \u2192 eu-central-1',
        });
      }

      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash, confirm: true })
        .expect(202);
      const second = await waitForStatus(server, id, ['active', 'failed']);
      expect(second.session.status).toBe('active');
      expect(second.session.region).toBe('eu-central-1');
      // The old halves were deleted in eu-west-1: only the new ones exist.
      expect(await existing()).toEqual(running);

      await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      const gone = await waitForStatus(server, id, ['destroyed', 'failed']);
      expect(gone.session.status).toBe('destroyed');
      expect(await existing()).toEqual({});
    });

    it('keeps a session in its region until the move is applied', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu in eu-west-1' });
      const id = created.body.session.id;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await waitForStatus(server, id, ['active', 'failed']);
      const moved = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'move it to eu-central-1' });
      expect(moved.body.revisions[1].plan.region).toBe('eu-central-1');

      // Destroyed before the move is applied: deleted where it runs.
      await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      const gone = await waitForStatus(server, id, ['destroyed', 'failed']);
      expect(gone.session.status).toBe('destroyed');
      const counts = await api().get('/api/intent/v1/simulated/counts');
      expect(counts.body.aws_instance).toMatchObject({ existing: 0 });
      // A planned move is only a proposal: the session never left eu-west-1.
      expect(moved.body.session.region).toBe('eu-west-1');
    });

    it('starts a new lifetime when the revision that changes it is applied', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu' });
      const id = created.body.session.id;
      const createdExpiry = created.body.session.expiresAt;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await waitForStatus(server, id, ['active', 'failed']);

      const longer = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'keep it for 48 hours' });
      expect(longer.status).toBe(201);
      const revision = longer.body.revisions[1];
      expect(revision.plan.ttlHours).toBe(48);
      // Planning changes nothing: the new lifetime starts when it is applied.
      expect(longer.body.session.expiresAt).toBe(createdExpiry);

      const applyAt = Date.now();
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash })
        .expect(202);
      const applied = await waitForStatus(server, id, ['active', 'failed']);
      expect(applied.session.status).toBe('active');
      const expiresAt = new Date(applied.session.expiresAt).getTime();
      expect(expiresAt).toBeGreaterThanOrEqual(applyAt + 48 * 3_600_000);
      expect(expiresAt).toBeLessThan(Date.now() + 48 * 3_600_000 + 1000);

      // An apply that keeps the lifetime does not move the expiry.
      const resized = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'make it a t3.small' });
      expect(resized.body.revisions[2].plan.ttlHours).toBe(48);
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: resized.body.revisions[2].planHash })
        .expect(202);
      const same = await waitForStatus(server, id, ['active', 'failed']);
      expect(same.session.expiresAt).toBe(applied.session.expiresAt);
    });
  });
});

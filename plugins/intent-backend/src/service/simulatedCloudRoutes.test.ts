// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startIntentBackend, waitForStatus } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('simulated cloud admin routes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('causes drift on a live instance and fails the next apply on purpose', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 't3.micro instance with Ubuntu' });
      const id = created.body.session.id;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash });
      const details = await waitForStatus(server, id, ['active', 'failed']);
      const instance = details.resources.find(
        (r: any) => r.type === 'aws_instance',
      );

      const drifted = await api()
        .post('/api/intent/v1/simulated/drift')
        .send({
          cloudId: instance.cloudId,
          attributes: { instanceType: 't3.large' },
          tags: { clickops: 'yes' },
        });
      expect(drifted.status).toBe(200);
      expect(drifted.body.attributes.instanceType).toBe('t3.large');
      expect(drifted.body.tags.clickops).toBe('yes');

      const counts = await api().get('/api/intent/v1/simulated/counts');
      expect(counts.body.aws_instance).toEqual({ existing: 1, created: 1 });

      const failure = await api()
        .post('/api/intent/v1/simulated/failures')
        .send({
          action: 'create',
          type: 'aws_instance',
          code: 'InsufficientInstanceCapacity',
          message: 'We currently do not have sufficient t3.micro capacity',
        });
      expect(failure.status).toBe(201);
      const second = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 't3.micro instance with Ubuntu' });
      await api()
        .post(`/api/intent/v1/sessions/${second.body.session.id}/apply`)
        .send({ planHash: second.body.revisions[0].planHash });
      const failed = await waitForStatus(server, second.body.session.id, [
        'active',
        'failed',
      ]);
      expect(failed.session.status).toBe('failed');
      const operation = await api().get(
        `/api/intent/v1/operations/${failed.operations[0].id}`,
      );
      expect(JSON.stringify(operation.body.steps)).toContain(
        'InsufficientInstanceCapacity',
      );

      const cleared = await api().delete('/api/intent/v1/simulated/failures');
      expect(cleared.body).toEqual({ cleared: 0 });

      const audit = await api().get('/api/intent/v1/audit');
      const simulated = audit.body.items.filter((e: any) =>
        e.action.startsWith('simulated-'),
      );
      expect(simulated.map((e: any) => e.action)).toEqual([
        'simulated-failures-clear',
        'simulated-failure',
        'simulated-drift',
      ]);
      expect(simulated[2]).toMatchObject({
        sessionId: null,
        actor: 'user:default/mock',
        details: { cloudId: instance.cloudId },
      });
    });

    it('answers 400 for bad bodies and 404 for an unknown resource', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      const unknown = await api()
        .post('/api/intent/v1/simulated/drift')
        .send({ cloudId: 'i-0123456789abcdef0', attributes: {} });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('i-0123456789abcdef0');

      for (const body of [
        {},
        { cloudId: '' },
        { cloudId: 'i-0abc', type: 'aws_lambda' },
        { cloudId: 'i-0abc', extra: true },
      ]) {
        const res = await api()
          .post('/api/intent/v1/simulated/drift')
          .send(body);
        expect([body, res.status]).toEqual([body, 400]);
      }
      for (const body of [
        { code: 'X' },
        { code: 'X', message: 'm', times: 0 },
        { code: 'X', message: 'm', when: 'during' },
      ]) {
        const res = await api()
          .post('/api/intent/v1/simulated/failures')
          .send(body);
        expect([body, res.status]).toEqual([body, 400]);
      }
      const counts = await api().get('/api/intent/v1/simulated/counts');
      expect(counts.body.aws_instance).toEqual({ existing: 0, created: 0 });
    });
  });
});

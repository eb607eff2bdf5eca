// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startIntentBackend, waitForStatus } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('existing resources a plan refers to', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('uses my key pair: found at plan time, passed to the instance at apply', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu, use my key pair dev-laptop' });
      expect(created.status).toBe(201);
      const revision = created.body.revisions[0];
      expect(revision.plan.existing).toEqual([
        {
          type: 'aws_key_pair',
          name: 'dev_laptop',
          lookup: { name: 'dev-laptop' },
        },
      ]);
      expect(revision.questions).toEqual([]);
      const instance = revision.plan.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(instance.keyPair).toBe('data.aws_key_pair.dev_laptop');

      const id = created.body.session.id;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash })
        .expect(202);
      const applied = await waitForStatus(server, id, ['active', 'failed']);
      expect(applied.session.status).toBe('active');
      // Nothing created for it: the key pair already existed.
      expect(
        applied.resources.filter((r: any) => r.type === 'aws_key_pair'),
      ).toEqual([]);
    });

    it('asks about a key pair the cloud does not have, and an apply creates nothing', async () => {
      const { server, api } = await startIntentBackend(databases, databaseId);
      const created = await api().post('/api/intent/v1/sessions').send({
        intent:
          'a t3.micro with ubuntu in eu-west-1, use my key pair ci-deploy',
      });
      expect(created.status).toBe(201);
      const revision = created.body.revisions[0];
      expect(revision.questions).toContain(
        'There is no key pair named ci-deploy in eu-west-1: name another or let the sandbox create one',
      );
      const id = created.body.session.id;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash })
        .expect(202);
      const applied = await waitForStatus(server, id, ['active', 'failed']);
      expect(applied.session.status).toBe('failed');
      expect(applied.operations[0].error).toBe(
        'There is no key pair named ci-deploy in eu-west-1: name another or let the sandbox create one',
      );
      const counts = await api().get('/api/intent/v1/simulated/counts');
      expect(counts.body.aws_instance.created).toBe(0);
    });
  });
});

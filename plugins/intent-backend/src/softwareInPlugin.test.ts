// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { userDataFor } from '@intent-sandboxes/backstage-plugin-intent-common';
import { startIntentBackend } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('software asked for on an instance', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('is planned as user data derived from the catalogue, covered by the plan hash', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu 24.04 and nginx installed' });
      expect(created.status).toBe(201);
      const [revision] = created.body.revisions;
      const instance = revision.plan.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(instance.software).toEqual(['nginx']);
      expect(instance.userData).toBe(userDataFor(instance.image, ['nginx']));

      const followUp = await api()
        .post(`/api/intent/v1/sessions/${created.body.session.id}/revisions`)
        .send({ intent: 'also install docker' });
      expect(followUp.status).toBe(201);
      const next = followUp.body.revisions.at(-1);
      const changed = next.plan.resources.find(
        (r: any) => r.type === 'aws_instance',
      );
      expect(changed.software).toEqual(['nginx', 'docker']);
      expect(changed.userData).toBe(
        userDataFor(changed.image, ['nginx', 'docker']),
      );
      expect(next.planHash).not.toBe(revision.planHash);
    });
  });
});

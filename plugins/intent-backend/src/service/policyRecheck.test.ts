// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startIntentBackend, waitForStatus } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const noInstances: Entity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: {
    name: 'no-instances',
    namespace: 'default',
    uid: 'u1',
    etag: 'e1',
  },
  spec: {
    owner: 'group:default/platform',
    rules: [
      {
        id: 'no-instances-today',
        outcome: 'deny',
        expression: 'resource.type == "aws_instance"',
        message: 'No instances today',
      },
    ],
  },
};

describe('policy is checked again right before apply', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'blocks an apply when the guardrails became stricter or unreadable since planning, on %p',
    async databaseId => {
      let policies: () => Promise<{ items: Entity[] }> = async () => ({
        items: [],
      });
      const catalog = catalogServiceMock.mock({
        getEntities: (async () => policies()) as any,
      });
      const { server, api } = await startIntentBackend(databases, databaseId, {
        catalog: catalog.factory,
      });
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with Debian in eu-west-1' });
      const id = created.body.session.id;
      const { planHash, policy } = created.body.revisions[0];
      expect(policy.verdict).not.toBe('deny');
      const apply = () =>
        api().post(`/api/intent/v1/sessions/${id}/apply`).send({ planHash });

      // A platform team adds a deny rule after the developer reviewed the plan.
      policies = async () => ({ items: [noInstances] });
      const denied = await apply();
      expect(denied.status).toBe(409);
      expect(denied.body.error.message).toMatch(
        /^The guardrails changed since revision 1 was planned: its verdict was \w+, now it is deny \(no-instances-today on aws_instance\.\w+: No instances today\); plan it again with a follow-up$/,
      );

      // The catalog cannot be read: fail closed, with the reason.
      policies = async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      };
      const unreadable = await apply();
      expect(unreadable.status).toBe(409);
      expect(unreadable.body.error.message).toContain('policies-unavailable');
      expect(unreadable.body.error.message).toContain('ECONNREFUSED');

      let details = (await api().get(`/api/intent/v1/sessions/${id}`)).body;
      expect(details.session.status).toBe('planned');
      expect(details.operations).toEqual([]);
      expect(details.lock).toBeNull(); // the refused apply let go of it

      // Back to what was reviewed: the apply goes through.
      policies = async () => ({ items: [] });
      expect((await apply()).status).toBe(202);
      details = await waitForStatus(server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
    },
  );
});

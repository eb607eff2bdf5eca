// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import { startIntentBackend, waitForStatus } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

/** Signals are published in the background: wait until `count` are. */
async function waitForSignals(published: SignalPayload[], count: number) {
  for (let i = 0; i < 200 && published.length < count; i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

const owner = mockCredentials.user().principal.userEntityRef;

const gpuPolicy: Entity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: { name: 'gpu', namespace: 'default' },
  spec: {
    owner: 'group:default/platform',
    rules: [
      {
        id: 'gpu-needs-approval',
        outcome: 'require-approval',
        expression:
          'resource.type == "aws_instance" && resource.instanceType.startsWith("g")',
        approvers: 'group:default/platform',
        message: 'GPU instances need the platform team\u2019s approval',
      },
    ],
  },
};

describe('session signals', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function start(extraEntities: Entity[] = []) {
      const published: SignalPayload[] = [];
      const signals = createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (signal: SignalPayload<any>) => {
            published.push(signal);
          },
        }),
      });
      const backend = await startIntentBackend(databases, databaseId, {
        entities: [gpuPolicy, ...extraEntities],
        services: [signals],
      });
      return { ...backend, published };
    }

    it('go to the owner and the team on the session\u2019s own channel, never to everyone', async () => {
      // The owner is a member of the team they name (a team must be one of
      // the caller's groups).
      const { server, api, published } = await start([
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'mock', namespace: 'default' },
          spec: {},
          relations: [{ type: 'memberOf', targetRef: 'group:default/team-a' }],
        },
      ]);
      const created = await api().post('/api/intent/v1/sessions').send({
        intent: 'a t3.micro with ubuntu',
        team: 'group:default/team-a',
      });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await waitForStatus(server, id, ['active', 'failed']);
      await api()
        .post(`/api/intent/v1/sessions/${id}/extend`)
        .send({ hours: 1 })
        .expect(200);
      await waitForSignals(published, 3);

      expect(published.length).toBeGreaterThan(2);
      for (const signal of published) {
        expect(signal.channel).toBe(`intent:session:${id}`);
        expect(signal.recipients).toEqual({
          type: 'user',
          entityRef: [owner, 'group:default/team-a'],
        });
      }
    });

    it('also go to the approver groups while a revision waits for them', async () => {
      const { api, published } = await start();
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a g5.xlarge with ubuntu 22.04' });
      expect(created.body.revisions[0].policy.verdict).toBe('require-approval');
      const id = created.body.session.id;
      const decided = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions/1/decision`)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/outsider'),
        )
        .send({
          decision: 'approve',
          planHash: created.body.revisions[0].planHash,
        });
      // An outsider may not decide: nothing changes, so nothing is signalled.
      expect(decided.status).toBe(403);
      await api()
        .post(`/api/intent/v1/sessions/${id}/extend`)
        .send({ hours: 1 })
        .expect(200);
      await waitForSignals(published, 1);
      expect(published).toEqual([
        {
          channel: `intent:session:${id}`,
          recipients: {
            type: 'user',
            entityRef: [owner, 'group:default/platform'],
          },
          message: { sessionId: id },
        },
      ]);
    });
  });
});

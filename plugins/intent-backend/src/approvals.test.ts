// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const requester = mockCredentials.user().principal.userEntityRef;
const approver = 'user:default/approver';
const outsider = 'user:default/outsider';

const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
});

const entities: Entity[] = [
  user('approver', ['group:default/platform']),
  user('outsider', ['group:default/other']),
  {
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
  },
];

const as = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});

describe('approvals', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function gpuSession(config: JsonObject = testConfig) {
      const sent: NotificationSendOptions[] = [];
      const notifications = createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push(options);
          },
        }),
      });
      const backend = await startIntentBackend(databases, databaseId, {
        entities,
        config,
        services: [notifications],
      });
      const created = await backend
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a g5.xlarge with ubuntu 22.04' });
      expect(created.status).toBe(201);
      const revision = created.body.revisions[0];
      expect(revision.policy.verdict).toBe('require-approval');
      return {
        ...backend,
        id: created.body.session.id as string,
        revision,
        sent,
      };
    }
    const decide = (
      api: () => any,
      id: string,
      seq: number,
      body: object,
      ref = approver,
    ) =>
      api()
        .post(`/api/intent/v1/sessions/${id}/revisions/${seq}/decision`)
        .set(as(ref))
        .send(body);

    it('notifies the approver group, not the requester', async () => {
      const { id, sent } = await gpuSession();
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/platform'],
            excludeEntityRef: requester,
          },
          payload: expect.objectContaining({
            title: expect.stringContaining('Approval needed'),
            description: expect.stringContaining(
              'GPU instances need the platform team',
            ),
            link: `/intent/sessions/${id}`,
            topic: 'intent-approval',
          }),
        },
      ]);
    });

    it('blocks apply until a member of the group approves, never the requester', async () => {
      const { api, server, id, revision } = await gpuSession();
      const early = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain('group:default/platform');

      const self = await decide(
        api,
        id,
        1,
        { decision: 'approve', planHash: revision.planHash },
        requester,
      );
      expect(self.status).toBe(403);
      expect(self.body.error.message).toContain('other than you');
      const stranger = await decide(
        api,
        id,
        1,
        { decision: 'approve', planHash: revision.planHash },
        outsider,
      );
      expect(stranger.status).toBe(403);
      const stale = await decide(api, id, 1, {
        decision: 'approve',
        planHash: 'f'.repeat(64),
      });
      expect(stale.status).toBe(409);

      const approved = await decide(api, id, 1, {
        decision: 'approve',
        planHash: revision.planHash,
        comment: 'ok for the ML spike',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.revisions[0]).toMatchObject({
        status: 'approved',
        approvedBy: approver,
      });
      expect(approved.body.approvals[0]).toMatchObject({
        actor: approver,
        comment: 'ok for the ML spike',
      });
      const twice = await decide(api, id, 1, {
        decision: 'approve',
        planHash: revision.planHash,
      });
      expect(twice.status).toBe(409);

      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash })
        .expect(202);
      await waitForStatus(server, id, ['active']);

      // A new revision needs a new approval.
      const next = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'make it a g5.2xlarge' });
      const second = next.body.revisions[1];
      expect(second.policy.verdict).toBe('require-approval');
      const blocked = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: second.planHash });
      expect(blocked.status).toBe(409);
      const oldApproval = await decide(api, id, 1, {
        decision: 'approve',
        planHash: revision.planHash,
      });
      expect(oldApproval.status).toBe(409);
      expect(oldApproval.body.error.message).toContain('superseded');

      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      expect(audit.body.items.map((e: any) => e.action)).toContain(
        'revision-approve',
      );
    });

    it('a rejection blocks apply', async () => {
      const { api, id, revision } = await gpuSession();
      const rejected = await decide(api, id, 1, {
        decision: 'reject',
        planHash: revision.planHash,
        comment: 'use a CPU type',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.revisions[0].status).toBe('rejected');
      const res = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('rejected');
    });

    it('an approval expires, and can then be given again', async () => {
      const { api, server, id, revision } = await gpuSession({
        intent: { ...testConfig.intent, approvals: { ttlHours: 0.0002 } },
      });
      await decide(api, id, 1, {
        decision: 'approve',
        planHash: revision.planHash,
      }).expect(200);
      await new Promise(resolve => setTimeout(resolve, 1000));
      const expired = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash });
      expect(expired.status).toBe(409);
      expect(expired.body.error.message).toContain('expired');
      await decide(api, id, 1, {
        decision: 'approve',
        planHash: revision.planHash,
      }).expect(200);
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash })
        .expect(202);
      await waitForStatus(server, id, ['active']);
    });

    it('fails closed when an IntentPolicy expression cannot be evaluated', async () => {
      const broken: Entity = {
        ...entities[2],
        metadata: { name: 'broken', namespace: 'default' },
        spec: {
          owner: 'group:default/platform',
          rules: [
            {
              id: 'typo',
              outcome: 'warn',
              expression: 'resource.instanceTyp.startsWith("t")',
            },
          ],
        },
      };
      const { api } = await startIntentBackend(databases, databaseId, {
        entities: [broken],
      });
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro' });
      expect(created.body.revisions[0].policy.verdict).toBe('deny');
      const res = await api()
        .post(`/api/intent/v1/sessions/${created.body.session.id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('Policy denies');
    });
  });
});

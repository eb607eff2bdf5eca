// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import {
  CloudProvider,
  intentCloudProvidersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

/** Every call the test clouds got: which cloud, which method. */
const calls: Array<{ cloud: string; method: string; action?: string }> = [];

/**
 * Clouds with other ids, as an adopter's module would add them: thin
 * recording wrappers over the simulated cloud (on the same tables, which the
 * simulated cloud's module migrates).
 */
const otherClouds = (ids: string[]) =>
  createBackendModule({
    pluginId: 'intent',
    moduleId: 'test-clouds',
    register(reg) {
      reg.registerInit({
        deps: {
          providers: intentCloudProvidersExtensionPoint,
          database: coreServices.database,
        },
        async init({ providers, database }) {
          let real: Promise<SimulatedCloudProvider> | undefined;
          const cloud = async () => {
            real ??= database.getClient().then(knex =>
              SimulatedCloudProvider.create({
                knex,
                skipMigrations: true,
                options: { bootMillis: 20 },
              }),
            );
            return real;
          };
          for (const id of ids) {
            const provider: CloudProvider = {
              id,
              simulated: true,
              async resolveImage(options) {
                calls.push({ cloud: id, method: 'resolveImage' });
                return (await cloud()).resolveImage(options);
              },
              async apply(options) {
                calls.push({
                  cloud: id,
                  method: 'apply',
                  action: options.change.action,
                });
                return (await cloud()).apply(options);
              },
              async describe(options) {
                calls.push({ cloud: id, method: 'describe' });
                return (await cloud()).describe(options);
              },
            };
            providers.addCloudProvider(provider);
          }
        },
      });
    },
  });

const withProvider = (provider: string) => ({
  ...testConfig,
  intent: { ...testConfig.intent, provider },
});

const AMI = /^ami-0[0-9a-f]{16}$/;

describe('sessions and their cloud', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs every operation on the cloud the session was created on, wherever the default moved', async () => {
      calls.length = 0;
      const first = await startIntentBackend(databases, databaseId, {
        config: withProvider('cloud-a'),
        features: [otherClouds(['cloud-a', 'cloud-b'])],
      });
      const created = await first
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu in eu-west-1' });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      expect(created.body.session.provider).toBe('cloud-a');
      expect(created.body.revisions[0].plan.resources[0].image.id).toMatch(AMI);
      expect(calls).toEqual([{ cloud: 'cloud-a', method: 'resolveImage' }]);
      await first.stop();

      // The default moves to cloud-b; the session stays on cloud-a.
      calls.length = 0;
      const second = await startIntentBackend(databases, databaseId, {
        knex: first.knex,
        config: withProvider('cloud-b'),
        features: [otherClouds(['cloud-a', 'cloud-b'])],
      });
      await second
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      const applied = await waitForStatus(second.server, id, [
        'active',
        'failed',
      ]);
      expect(applied.session.status).toBe('active');
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.filter(c => c.cloud !== 'cloud-a')).toEqual([]);
      expect(calls).toContainEqual({
        cloud: 'cloud-a',
        method: 'apply',
        action: 'create',
      });

      // New sessions are made on the new default.
      calls.length = 0;
      const next = await second
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu in eu-west-1' });
      expect(next.body.session.provider).toBe('cloud-b');
      expect(calls).toEqual([{ cloud: 'cloud-b', method: 'resolveImage' }]);

      calls.length = 0;
      await second
        .api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      const destroyed = await waitForStatus(second.server, id, [
        'destroyed',
        'failed',
      ]);
      expect(destroyed.session.status).toBe('destroyed');
      expect(calls.filter(c => c.cloud !== 'cloud-a')).toEqual([]);
      expect(calls).toContainEqual({
        cloud: 'cloud-a',
        method: 'apply',
        action: 'delete',
      });
    });

    it('answers 503 and changes nothing when the session’s cloud is no longer installed', async () => {
      const first = await startIntentBackend(databases, databaseId, {
        config: withProvider('cloud-a'),
        features: [otherClouds(['cloud-a'])],
      });
      const created = await first
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu in eu-west-1' });
      const id = created.body.session.id;
      await first.stop();

      const second = await startIntentBackend(databases, databaseId, {
        knex: first.knex,
      });
      const message = `Session ${id} runs on the cloud-a cloud, which is not installed (add its backend module)`;
      const apply = await second
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash });
      expect(apply.status).toBe(503);
      expect(apply.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message,
      });
      const destroy = await second
        .api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true });
      expect(destroy.status).toBe(503);
      expect(destroy.body.error.message).toBe(message);

      const after = await second.api().get(`/api/intent/v1/sessions/${id}`);
      expect(after.body.session.status).toBe('planned');
      expect(after.body.resources).toEqual([]);
      expect(after.body.session.updatedAt).toBe(created.body.session.updatedAt);
    });
  });
});

describe('images pinned at plan time', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('resolves on create, keeps the id on an unrelated follow-up and resolves again for another version', async () => {
      const { api, server } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu 24.04 in eu-west-1' });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      const pinned = created.body.revisions[0].plan.resources[0].image;
      expect(pinned).toEqual({
        os: 'ubuntu',
        version: '24.04',
        architecture: 'x86_64',
        id: expect.stringMatching(AMI),
      });
      await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      const running = await waitForStatus(server, id, ['active', 'failed']);
      expect(running.session.status).toBe('active');
      // The cloud runs the pinned image.
      expect(running.resources[0].actual.imageId).toBe(pinned.id);

      const resized = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'make it a t3.small' });
      expect(resized.status).toBe(201);
      const second = resized.body.revisions[1];
      expect(second.plan.resources[0].image).toEqual(pinned);
      expect(second.diff.counts).toMatchObject({ update: 1, replace: 0 });

      const upgraded = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'switch to ubuntu 22.04' });
      expect(upgraded.status).toBe(201);
      const third = upgraded.body.revisions[2];
      const image = third.plan.resources[0].image;
      expect(image).toMatchObject({ version: '22.04' });
      expect(image.id).toMatch(AMI);
      expect(image.id).not.toBe(pinned.id);
      expect(third.diff.changes[0]).toMatchObject({
        action: 'replace',
        fields: expect.arrayContaining([
          expect.objectContaining({
            path: 'image.id',
            before: pinned.id,
            after: image.id,
            forcesReplacement: true,
          }),
        ]),
      });
      expect(third.planHash).not.toBe(second.planHash);
    });

    it('asks for another version when the cloud has no such image, and refuses to apply it', async () => {
      const { api } = await startIntentBackend(databases, databaseId);
      const created = await api()
        .post('/api/intent/v1/sessions')
        .send({ intent: 'a t3.micro with ubuntu 20.04 in eu-west-1' });
      expect(created.status).toBe(201);
      const id = created.body.session.id;
      const revision = created.body.revisions[0];
      expect(revision.questions).toContain(
        'No ubuntu 20.04 x86_64 image in eu-west-1: choose another version',
      );
      expect(revision.plan.resources[0].image).not.toHaveProperty('id');

      const apply = await api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: revision.planHash });
      expect(apply.status).toBe(409);
      expect(apply.body.error.message).toContain(
        'no image was resolved in eu-west-1 for aws_instance.sandbox (ubuntu 20.04 x86_64)',
      );
      const after = await api().get(`/api/intent/v1/sessions/${id}`);
      expect(after.body.session.status).toBe('planned');
      expect(after.body.operations ?? []).toEqual([]);

      // Answering the question makes the plan appliable.
      const fixed = await api()
        .post(`/api/intent/v1/sessions/${id}/revisions`)
        .send({ intent: 'use ubuntu 24.04' });
      expect(fixed.status).toBe(201);
      expect(fixed.body.revisions[1].questions).toEqual([]);
      expect(fixed.body.revisions[1].plan.resources[0].image.id).toMatch(AMI);
    });
  });
});

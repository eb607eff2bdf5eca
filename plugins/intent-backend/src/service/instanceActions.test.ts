// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
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
import { DatabaseLockStore } from '../database';

jest.setTimeout(120_000);

const owner = mockCredentials.user().principal.userEntityRef;

/** A cloud without day-2 actions: the simulated one minus `instanceAction`. */
const cloudWithoutActions = createBackendModule({
  pluginId: 'intent',
  moduleId: 'test-basic-cloud',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: intentCloudProvidersExtensionPoint,
        database: coreServices.database,
      },
      async init({ providers, database }) {
        let real: Promise<SimulatedCloudProvider> | undefined;
        const cloud = () =>
          (real ??= database.getClient().then(knex =>
            SimulatedCloudProvider.create({
              knex,
              skipMigrations: true,
              options: { bootMillis: 20 },
            }),
          ));
        const basic: CloudProvider = {
          id: 'basic',
          simulated: true,
          resolveImage: async o => (await cloud()).resolveImage(o),
          apply: async o => (await cloud()).apply(o),
          describe: async o => (await cloud()).describe(o),
        };
        providers.addCloudProvider(basic);
      },
    });
  },
});

describe('instance actions', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function appliedSession(
      backend: Awaited<ReturnType<typeof startIntentBackend>>,
      intent = 'a t3.micro with ubuntu in eu-west-1 with a public ip',
    ) {
      const created = await backend
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent });
      expect(created.status).toBe(201);
      const id: string = created.body.session.id;
      await backend
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      const details: SessionDetails = await waitForStatus(backend.server, id, [
        'active',
        'failed',
      ]);
      expect(details.session.status).toBe('active');
      const instance = details.resources.find(r => r.type === 'aws_instance')!;
      return { id, details, instance };
    }

    it('stops, starts and reboots an instance, recording, auditing and showing how to connect', async () => {
      const backend = await startIntentBackend(databases, databaseId);
      const { id, details, instance } = await appliedSession(backend);
      const cloudId = instance.cloudId!;
      const action = (name: string) =>
        backend
          .api()
          .post(
            `/api/intent/v1/sessions/${id}/instances/${instance.address}/actions`,
          )
          .send({ action: name });

      // Connection facts from the last known state.
      expect(details.instanceActions).toBe(true);
      const before = details.connections![instance.address];
      const publicIp = instance.actual!.publicIp as string;
      expect(publicIp).toMatch(/^198\.1[89]\./);
      expect(before).toMatchObject({
        address: `ec2-${publicIp.replaceAll(
          '.',
          '-',
        )}.eu-west-1.compute.amazonaws.com`,
        publicIp,
        protocol: 'ssh',
        loginUser: 'ubuntu',
        ssm: `aws ssm start-session --target ${cloudId} --region eu-west-1`,
      });

      const stopped = await action('stop');
      expect(stopped.status).toBe(200);
      const stoppedRow = stopped.body.resources.find(
        (r: { address: string }) => r.address === instance.address,
      );
      expect(stoppedRow.status).toBe('stopped');
      expect(stoppedRow.actual.publicIp).toBeUndefined();
      expect(stopped.body.connections[instance.address].publicIp).toBe(
        undefined,
      );
      expect(stopped.body.connections[instance.address].address).toBe(
        instance.actual!.privateIp,
      );
      expect(stopped.body.lock).toBeNull();

      const started = await action('start');
      expect(started.status).toBe(200);
      const startedRow = started.body.resources.find(
        (r: { address: string }) => r.address === instance.address,
      );
      expect(startedRow.status).toBe('running');
      expect(startedRow.actual.publicIp).toMatch(/^198\.1[89]\./);
      expect(startedRow.actual.publicIp).not.toBe(publicIp);

      const rebooted = await action('reboot');
      expect(rebooted.status).toBe(200);
      const read = await backend.api().get(`/api/intent/v1/sessions/${id}`);
      expect(
        read.body.resources.find(
          (r: { address: string }) => r.address === instance.address,
        ).status,
      ).toBe('running');
      expect(read.body.connections[instance.address].publicIp).toBe(
        startedRow.actual.publicIp,
      );

      const audit = await backend
        .api()
        .get(`/api/intent/v1/sessions/${id}/audit`);
      const actions = audit.body.items
        .filter((e: { action: string }) => e.action.startsWith('instance-'))
        .map((e: { action: string; actor: string; details: any }) => ({
          action: e.action,
          actor: e.actor,
          from: e.details.from,
          to: e.details.to,
        }));
      expect(actions).toEqual([
        {
          action: 'instance-reboot',
          actor: owner,
          from: 'running',
          to: 'running',
        },
        {
          action: 'instance-start',
          actor: owner,
          from: 'stopped',
          to: 'running',
        },
        {
          action: 'instance-stop',
          actor: owner,
          from: 'running',
          to: 'stopped',
        },
      ]);

      // A stopped instance cannot be rebooted: refused before the cloud is asked.
      await action('stop').expect(200);
      const refused = await action('reboot');
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `${instance.address} (${cloudId}) is stopped; only a running instance can be rebooted`,
      );

      // What the cloud refuses is named, with the cloud's words, and audited.
      await backend
        .api()
        .post('/api/intent/v1/simulated/failures')
        .send({
          action: 'update',
          type: 'aws_instance',
          code: 'UnauthorizedOperation',
          message: 'You are not authorized to perform: ec2:StartInstances',
        })
        .expect(201);
      const denied = await action('start');
      expect(denied.status).toBe(502);
      expect(denied.body.error.message).toBe(
        `The cloud refused to start ${instance.address} (${cloudId}): UnauthorizedOperation: You are not authorized to perform: ec2:StartInstances`,
      );
      const afterRefusal = await backend
        .api()
        .get(`/api/intent/v1/sessions/${id}/audit`);
      expect(afterRefusal.body.items[0]).toMatchObject({
        action: 'instance-start-failed',
        details: { address: instance.address, cloudId, action: 'start' },
      });
      const stillStopped = await backend
        .api()
        .get(`/api/intent/v1/sessions/${id}`);
      expect(
        stillStopped.body.resources.find(
          (r: { address: string }) => r.address === instance.address,
        ).status,
      ).toBe('stopped');
      expect(stillStopped.body.lock).toBeNull();
      await backend.stop();
    });

    it('refuses bad requests with a status and a message to act on, changing nothing', async () => {
      const backend = await startIntentBackend(databases, databaseId);
      // ssh brings a key pair (and a security group): resources that are not instances.
      const { id, details, instance } = await appliedSession(
        backend,
        'a t3.micro with ubuntu in eu-west-1 with a public ip, ssh from my IP',
      );
      const post = (address: string, body: object, session = id) =>
        backend
          .api()
          .post(
            `/api/intent/v1/sessions/${session}/instances/${address}/actions`,
          )
          .send(body);

      const unknownSession = await post(
        instance.address,
        { action: 'stop' },
        'nope',
      );
      expect(unknownSession.status).toBe(404);
      expect(unknownSession.body.error.message).toBe('No session with id nope');

      const badAction = await post(instance.address, { action: 'hibernate' });
      expect(badAction.status).toBe(400);
      expect(badAction.body.error.message).toBe(
        'request/body/action must be equal to one of the allowed values: stop, start, reboot',
      );

      const unknownAddress = await post('aws_instance.nope', {
        action: 'stop',
      });
      expect(unknownAddress.status).toBe(404);
      expect(unknownAddress.body.error.message).toBe(
        `Session ${id} has no resource aws_instance.nope`,
      );

      const other = details.resources.find(r => r.type !== 'aws_instance')!;
      expect(other).toBeDefined();
      const notInstance = await post(other.address, { action: 'stop' });
      expect(notInstance.status).toBe(400);
      expect(notInstance.body.error.message).toBe(
        `${other.address} is a ${other.type}; only instances (aws_instance) can be stopped, started or rebooted`,
      );

      // Another operation holds the session's lock: 409 naming it.
      const locks = new DatabaseLockStore(backend.knex);
      const held = await locks.acquire({
        key: `session:${id}`,
        operationId: 'op-elsewhere',
        holder: 'user:default/someone-else',
        leaseMillis: 60_000,
      });
      expect(held.acquired).toBe(true);
      const locked = await post(instance.address, { action: 'stop' });
      expect(locked.status).toBe(409);
      expect(locked.body.error.message).toMatch(
        new RegExp(
          `^Session ${id} is locked by user:default/someone-else \\(operation op-elsewhere, since `,
        ),
      );
      await locks.release({
        key: `session:${id}`,
        operationId: 'op-elsewhere',
      });

      // Nothing changed: the instance still runs.
      const read = await backend.api().get(`/api/intent/v1/sessions/${id}`);
      expect(
        read.body.resources.find(
          (r: { address: string }) => r.address === instance.address,
        ).status,
      ).toBe('running');

      // Destroyed: no live instance, and the session's state says why.
      await backend
        .api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      await waitForStatus(backend.server, id, ['destroyed']);
      const destroyed = await post(instance.address, { action: 'start' });
      expect(destroyed.status).toBe(409);
      expect(destroyed.body.error.message).toBe(
        `Session ${id} is destroyed; instances can be stopped, started or rebooted only in an applied (active) session`,
      );
      await backend.stop();
    });

    it('answers 501 when the session runs on a cloud without instance actions', async () => {
      const backend = await startIntentBackend(databases, databaseId, {
        config: {
          ...testConfig,
          intent: { ...testConfig.intent, provider: 'basic' },
        },
        features: [cloudWithoutActions],
      });
      const { id, details, instance } = await appliedSession(backend);
      expect(details.instanceActions).toBe(false);
      expect(details.connections![instance.address].loginUser).toBe('ubuntu');
      const res = await backend
        .api()
        .post(
          `/api/intent/v1/sessions/${id}/instances/${instance.address}/actions`,
        )
        .send({ action: 'stop' });
      expect(res.status).toBe(501);
      expect(res.body.error.message).toBe(
        `The basic cloud of session ${id} cannot stop, start or reboot instances`,
      );
      await backend.stop();
    });
  });
});

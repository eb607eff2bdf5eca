// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import { planResourceSchema } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { ec2DnsNames } from './dns';
import { SimulatedCloudError } from './SimulatedCloudError';
import { SimulatedCloudProvider } from './SimulatedCloudProvider';

jest.setTimeout(60_000);

const REGION = 'eu-west-1';

async function failure(promise: Promise<unknown>) {
  const e = await promise.then(
    () => undefined,
    err => err,
  );
  expect(e).toBeInstanceOf(SimulatedCloudError);
  return e as SimulatedCloudError;
}

describe('ec2DnsNames', () => {
  it('names addresses as EC2 does, us-east-1 included', () => {
    expect(
      ec2DnsNames('eu-west-1', {
        publicIp: '198.18.4.7',
        privateIp: '172.31.20.9',
      }),
    ).toEqual({
      publicDns: 'ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
      privateDns: 'ip-172-31-20-9.eu-west-1.compute.internal',
    });
    expect(
      ec2DnsNames('us-east-1', {
        publicIp: '198.18.4.7',
        privateIp: '172.31.20.9',
      }),
    ).toEqual({
      publicDns: 'ec2-198-18-4-7.compute-1.amazonaws.com',
      privateDns: 'ip-172-31-20-9.ec2.internal',
    });
    expect(ec2DnsNames('eu-west-1', {})).toEqual({
      publicDns: undefined,
      privateDns: undefined,
    });
  });
});

describe('instance actions of the simulated cloud', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let cloud: SimulatedCloudProvider;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      cloud = await SimulatedCloudProvider.create({
        knex,
        // Long enough that the transitional state is still seen on a busy machine.
        options: { bootMillis: 400, shutdownMillis: 400 },
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    const tags = (address: string, token: string) => ({
      [INTENT_TAGS.session]: 'session-1',
      [INTENT_TAGS.address]: address,
      [INTENT_TAGS.creationToken]: token,
    });

    async function launch(associatePublicIp = true) {
      const state = await cloud.apply({
        region: REGION,
        change: {
          action: 'create',
          resource: planResourceSchema.parse({
            type: 'aws_instance',
            name: 'web',
            instanceType: 't3.micro',
            image: { os: 'ubuntu', version: '22.04', architecture: 'x86_64' },
            associatePublicIp,
          }),
          clientToken: 'web-token',
          tags: tags('aws_instance.web', 'web-token'),
        },
        resolved: {},
      });
      return state!;
    }

    async function act(cloudId: string, action: 'stop' | 'start' | 'reboot') {
      const seen: string[] = [];
      const state = await cloud.instanceAction({
        region: REGION,
        cloudId,
        action,
        onProgress: s => {
          seen.push(s.status);
        },
      });
      return { state, seen };
    }

    async function describe(cloudId: string): Promise<CloudResourceState> {
      const [state] = await cloud.describe({
        region: REGION,
        cloudIds: [{ type: 'aws_instance', cloudId }],
      });
      return state;
    }

    it('stops (releasing the public address) and starts (with a new one)', async () => {
      const web = await launch();
      const firstIp = web.attributes.publicIp as string;
      expect(web.status).toBe('running');
      expect(web.attributes.publicDns).toBe(
        `ec2-${firstIp.replaceAll('.', '-')}.${REGION}.compute.amazonaws.com`,
      );
      expect(web.attributes.privateDns).toMatch(
        /^ip-172-31-\d+-\d+\.eu-west-1\.compute\.internal$/,
      );

      const stop = await act(web.cloudId, 'stop');
      expect(stop.seen).toEqual(['stopping']);
      expect(stop.state.status).toBe('stopped');
      expect(stop.state.attributes.publicIp).toBeUndefined();
      expect(stop.state.attributes.publicDns).toBeUndefined();
      expect(stop.state.attributes.privateIp).toBe(web.attributes.privateIp);
      expect((await describe(web.cloudId)).status).toBe('stopped');

      // Idempotent: a second stop changes nothing and waits for nothing.
      const again = await act(web.cloudId, 'stop');
      expect(again.seen).toEqual([]);
      expect(again.state.status).toBe('stopped');

      const start = await act(web.cloudId, 'start');
      expect(start.seen).toEqual(['pending']);
      expect(start.state.status).toBe('running');
      const secondIp = start.state.attributes.publicIp as string;
      expect(secondIp).toMatch(/^198\.1[89]\./);
      expect(secondIp).not.toBe(firstIp);
      expect(start.state.attributes.privateIp).toBe(web.attributes.privateIp);
      expect((await describe(web.cloudId)).attributes.publicIp).toBe(secondIp);

      const startAgain = await act(web.cloudId, 'start');
      expect(startAgain.state.attributes.publicIp).toBe(secondIp);
    });

    it('keeps an elastic IP across a stop and start', async () => {
      const web = await launch();
      const eip = (await cloud.apply({
        region: REGION,
        change: {
          action: 'create',
          resource: planResourceSchema.parse({
            type: 'aws_eip',
            name: 'web',
            instance: 'aws_instance.web',
          }),
          clientToken: 'eip-token',
          tags: tags('aws_eip.web', 'eip-token'),
        },
        resolved: { 'aws_instance.web': web.cloudId },
      }))!;
      const elastic = eip.attributes.publicIp;
      expect((await describe(web.cloudId)).attributes.publicIp).toBe(elastic);

      const stopped = await act(web.cloudId, 'stop');
      expect(stopped.state.attributes.publicIp).toBe(elastic);
      const started = await act(web.cloudId, 'start');
      expect(started.state.attributes.publicIp).toBe(elastic);
    });

    it('reboots a running instance, which keeps running and its addresses', async () => {
      const web = await launch();
      const { state, seen } = await act(web.cloudId, 'reboot');
      expect(seen).toEqual([]);
      expect(state.status).toBe('running');
      expect(state.attributes.publicIp).toBe(web.attributes.publicIp);
      expect(state.attributes.lastRebootTime).toEqual(expect.any(String));
    });

    it('starts an instance without a public address without giving it one', async () => {
      const web = await launch(false);
      await act(web.cloudId, 'stop');
      const { state } = await act(web.cloudId, 'start');
      expect(state.attributes.publicIp).toBeUndefined();
      expect(state.attributes.publicDns).toBeUndefined();
      expect(state.attributes.privateDns).toEqual(expect.any(String));
    });

    it("refuses actions the instance's state does not allow, as EC2 does", async () => {
      const web = await launch();
      await act(web.cloudId, 'stop');
      const reboot = await failure(act(web.cloudId, 'reboot'));
      expect(reboot.code).toBe('IncorrectInstanceState');
      expect(reboot.message).toBe(
        `IncorrectInstanceState: The instance '${web.cloudId}' is not in a state from which it can be rebooted (it is stopped).`,
      );

      const missing = await failure(act('i-0123456789abcdef0', 'stop'));
      expect(missing.code).toBe('InvalidInstanceID.NotFound');

      await cloud.apply({
        region: REGION,
        change: {
          action: 'delete',
          type: 'aws_instance',
          cloudId: web.cloudId,
        },
        resolved: {},
      });
      const gone = await failure(act(web.cloudId, 'start'));
      expect(gone.code).toBe('InvalidInstanceID.NotFound');
    });

    it('honours injected failures, as an update of the instance', async () => {
      const web = await launch();
      await cloud.injectFailure({
        action: 'update',
        address: 'aws_instance.web',
        code: 'RequestLimitExceeded',
        message: 'Request limit exceeded.',
      });
      const throttled = await failure(act(web.cloudId, 'stop'));
      expect(throttled.code).toBe('RequestLimitExceeded');
      expect((await describe(web.cloudId)).status).toBe('running');

      // 'after': the stop happens, the answer is lost; the retry finds it done.
      await cloud.injectFailure({
        action: 'update',
        when: 'after',
        code: 'RequestTimeout',
        message: 'The response was lost',
      });
      await failure(act(web.cloudId, 'stop'));
      expect((await describe(web.cloudId)).status).toBe('stopped');
      expect((await act(web.cloudId, 'stop')).state.status).toBe('stopped');
    });
  });
});

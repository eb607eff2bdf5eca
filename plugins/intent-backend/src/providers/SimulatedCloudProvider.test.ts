// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  AwsInstance,
  awsInstanceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SimulatedCloudProvider } from './SimulatedCloudProvider';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@intent-sandboxes/backstage-plugin-intent-backend',
  'migrations',
);

const ubuntu: AwsInstance = awsInstanceSchema.parse({
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
});

describe('SimulatedCloudProvider', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setUp(bootMillis = 0) {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      return { knex, cloud: new SimulatedCloudProvider(knex, { bootMillis }) };
    }
    const create = (
      cloud: SimulatedCloudProvider,
      resource: AwsInstance,
      token = 'tok-1',
    ) =>
      cloud.create({
        region: 'eu-west-1',
        resource,
        clientToken: token,
        tags: { 'intent:address': 'aws_instance.web' },
      });

    it('creates a pending instance with an EC2-like id that boots to running', async () => {
      const { knex, cloud } = await setUp(0);
      const created = await create(cloud, ubuntu);
      expect(created.cloudId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(created.status).toBe('pending');
      expect(created.attributes.imageId).toMatch(/^ami-0[0-9a-f]{16}$/);
      const [described] = await cloud.describe({
        region: 'eu-west-1',
        cloudIds: [created.cloudId],
      });
      expect(described.status).toBe('running');
      expect(described.tags).toEqual({ 'intent:address': 'aws_instance.web' });
      await knex.destroy();
    });

    it('stays pending until the boot time has passed', async () => {
      const { knex, cloud } = await setUp(60_000);
      const created = await create(cloud, ubuntu);
      const [described] = await cloud.describe({
        region: 'eu-west-1',
        cloudIds: [created.cloudId],
      });
      expect(described.status).toBe('pending');
      await knex.destroy();
    });

    it('returns the first instance for a repeated client token, also when concurrent', async () => {
      const { knex, cloud } = await setUp();
      const results = await Promise.all([
        create(cloud, ubuntu),
        create(cloud, ubuntu),
        create(cloud, ubuntu),
      ]);
      const again = await create(cloud, ubuntu);
      const ids = new Set([...results, again].map(r => r.cloudId));
      expect(ids.size).toBe(1);
      expect(Number((await knex('sim_instances').count({ n: '*' }))[0].n)).toBe(
        1,
      );
      await knex.destroy();
    });

    it('rejects unknown instance types, missing images and mismatched architectures like EC2', async () => {
      const { knex, cloud } = await setUp();
      await expect(
        create(cloud, { ...ubuntu, instanceType: 't3.gigantic' }),
      ).rejects.toThrow(
        "InvalidParameterValue: Invalid value 't3.gigantic' for InstanceType.",
      );
      await expect(
        create(cloud, {
          ...ubuntu,
          image: {
            os: 'windows-server',
            version: '2022',
            architecture: 'arm64',
          },
          instanceType: 't4g.micro',
        }),
      ).rejects.toThrow('InvalidAMIID.NotFound');
      await expect(
        create(cloud, { ...ubuntu, instanceType: 'm7g.large' }),
      ).rejects.toThrow(
        "The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI.",
      );
      expect(Number((await knex('sim_instances').count({ n: '*' }))[0].n)).toBe(
        0,
      );
      await knex.destroy();
    });
  });
});

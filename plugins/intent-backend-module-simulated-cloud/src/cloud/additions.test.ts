// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PlanResourceInput,
  planResourceSchema,
  resourceAddress,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { SimulatedCloudProvider } from './SimulatedCloudProvider';

jest.setTimeout(60_000);

const REGION = 'eu-west-1';

describe('SimulatedCloudProvider: names, existing resources, networks, software', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let cloud: SimulatedCloudProvider;
    let resolved: Record<string, string>;
    let tokens = 0;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      cloud = await SimulatedCloudProvider.create({
        knex,
        options: { bootMillis: 0, shutdownMillis: 0, volumeCreateMillis: 0 },
      });
      resolved = {};
    });

    afterEach(async () => {
      await knex?.destroy();
    });

    const create = async (
      input: PlanResourceInput,
      region = REGION,
    ): Promise<CloudResourceState> => {
      const resource = planResourceSchema.parse(input);
      const address = resourceAddress(resource);
      const clientToken = `token-${(tokens += 1)}`;
      const state = await cloud.apply({
        region,
        change: {
          action: 'create',
          resource,
          clientToken,
          tags: {
            [INTENT_TAGS.session]: 'session-1',
            [INTENT_TAGS.address]: address,
            [INTENT_TAGS.creationToken]: clientToken,
          },
        },
        resolved,
      });
      resolved[address] = state!.cloudId;
      return state!;
    };
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        e => (e instanceof CloudError ? e.code : String(e)),
      );

    const vpc = {
      type: 'aws_vpc',
      name: 'main',
      cidrBlock: '10.0.0.0/16',
    } as const;
    const subnet = {
      type: 'aws_subnet',
      name: 'public',
      vpc: 'aws_vpc.main',
      cidrBlock: '10.0.1.0/24',
      mapPublicIpOnLaunch: true,
    } as const;
    const igw = {
      type: 'aws_internet_gateway',
      name: 'igw',
      vpc: 'aws_vpc.main',
    } as const;
    const route = {
      cidrBlock: '0.0.0.0/0',
      gateway: 'aws_internet_gateway.igw',
    };
    const table = {
      type: 'aws_route_table' as const,
      name: 'public',
      vpc: 'aws_vpc.main',
      routes: [route],
    };
    const association = {
      type: 'aws_route_table_association',
      name: 'public',
      subnet: 'aws_subnet.public',
      routeTable: 'aws_route_table.public',
    } as const;

    it('creates an internet gateway, a route table and an association', async () => {
      const v = await create(vpc);
      const s = await create(subnet);
      const g = await create(igw);
      expect(g.cloudId).toMatch(/^igw-0/);
      expect(g.attributes).toMatchObject({ vpc: v.cloudId });
      const t = await create(table);
      expect(t.cloudId).toMatch(/^rtb-0/);
      expect(t.attributes).toMatchObject({
        vpc: v.cloudId,
        routes: [{ cidrBlock: '0.0.0.0/0', gateway: g.cloudId }],
      });
      const a = await create(association);
      expect(a.cloudId).toMatch(/^rtbassoc-0/);
      expect(a.attributes).toMatchObject({
        subnet: s.cloudId,
        routeTable: t.cloudId,
      });
      const described = await cloud.describe({
        region: REGION,
        cloudIds: [
          { type: 'aws_internet_gateway', cloudId: g.cloudId },
          { type: 'aws_route_table', cloudId: t.cloudId },
          { type: 'aws_route_table_association', cloudId: a.cloudId },
        ],
      });
      expect(described.map(d => d.type).sort()).toEqual([
        'aws_internet_gateway',
        'aws_route_table',
        'aws_route_table_association',
      ]);
      await cloud.apply({
        region: REGION,
        change: {
          action: 'delete',
          type: 'aws_route_table_association',
          cloudId: a.cloudId,
        },
        resolved,
      });
      expect(
        await cloud.describe({
          region: REGION,
          cloudIds: [
            { type: 'aws_route_table_association', cloudId: a.cloudId },
          ],
        }),
      ).toEqual([]);
    });

    it('refuses a second gateway on a VPC, a gateway of another VPC, and a second association of a subnet', async () => {
      await create(vpc);
      await create(subnet);
      await create(igw);
      expect(await code(create({ ...igw, name: 'second' }))).toBe(
        'Resource.AlreadyAssociated',
      );
      await create({ ...vpc, name: 'other', cidrBlock: '10.1.0.0/16' });
      await create({ ...igw, name: 'other', vpc: 'aws_vpc.other' });
      expect(
        await code(
          create({
            ...table,
            routes: [
              { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.other' },
            ],
          }),
        ),
      ).toBe('InvalidParameterValue');
      await create(table);
      await create(association);
      await create({ ...table, name: 'second' });
      expect(
        await code(
          create({
            ...association,
            name: 'second',
            routeTable: 'aws_route_table.second',
          }),
        ),
      ).toBe('Resource.AlreadyAssociated');
    });

    it('refuses a route table with the same destination twice', async () => {
      await create(vpc);
      await create(igw);
      expect(await code(create({ ...table, routes: [route, route] }))).toBe(
        'RouteAlreadyExists',
      );
    });

    it('names key pairs and security groups as the plan says', async () => {
      const pair = await create({
        type: 'aws_key_pair',
        name: 'ci',
        keyName: 'ci-deploy-key',
      });
      expect(pair.attributes.keyName).toBe('ci-deploy-key');
      expect(
        await code(
          create({
            type: 'aws_key_pair',
            name: 'again',
            keyName: 'ci-deploy-key',
          }),
        ),
      ).toBe('InvalidKeyPair.Duplicate');
      const group = await create({
        type: 'aws_security_group',
        name: 'web',
        tags: { Name: 'qa-web-sg' },
      });
      expect(group.attributes.groupName).toBe('qa-web-sg');
      expect(
        await code(
          create({
            type: 'aws_security_group',
            name: 'web2',
            tags: { Name: 'qa-web-sg' },
          }),
        ),
      ).toBe('InvalidGroup.Duplicate');
      const unnamed = await create({ type: 'aws_security_group', name: 'ssh' });
      expect(unnamed.attributes.groupName).toMatch(/^ssh-[0-9a-f]{8}$/);
    });

    it('stores the software and the user data built from it', async () => {
      const image = {
        os: 'ubuntu',
        version: '24.04',
        architecture: 'x86_64',
      } as const;
      const web = await create({
        type: 'aws_instance',
        name: 'web',
        instanceType: 't3.micro',
        image,
        software: ['nginx'],
      });
      expect(web.attributes.software).toEqual(['nginx']);
      expect(web.attributes.userData).toBe(userDataFor(image, ['nginx']));
      const plain = await create({
        type: 'aws_instance',
        name: 'plain',
        instanceType: 't3.micro',
        image,
        userData: '#!/bin/sh\necho hi\n',
      });
      expect(plain.attributes).toMatchObject({
        software: [],
        userData: '#!/bin/sh\necho hi\n',
      });
    });

    describe('findExisting', () => {
      const find = (
        existing: Parameters<
          SimulatedCloudProvider['findExisting']
        >[0]['existing'],
        region = REGION,
      ) => cloud.findExisting({ region, existing });

      it('has the default VPC, its default subnets and group, and the key pair dev-laptop', async () => {
        const defaultVpc = await find({
          type: 'aws_vpc',
          name: 'd',
          lookup: { default: true },
        });
        expect(defaultVpc).toEqual({
          cloudId: expect.stringMatching(/^vpc-0/),
          attributes: expect.objectContaining({
            cidrBlock: '172.31.0.0/16',
            isDefault: true,
          }),
        });
        const subnet1 = await find({
          type: 'aws_subnet',
          name: 'd',
          lookup: { default: true },
        });
        expect(subnet1?.attributes).toMatchObject({
          vpc: defaultVpc!.cloudId,
          availabilityZone: 'eu-west-1a',
          mapPublicIpOnLaunch: true,
          defaultForAz: true,
        });
        const group = await find({
          type: 'aws_security_group',
          name: 'd',
          lookup: { name: 'default' },
        });
        expect(group?.attributes).toMatchObject({
          vpc: defaultVpc!.cloudId,
          groupName: 'default',
        });
        const key = await find({
          type: 'aws_key_pair',
          name: 'k',
          lookup: { name: 'dev-laptop' },
        });
        expect(key?.cloudId).toMatch(/^key-0/);
        // Seeding twice changes nothing.
        expect(
          await find({
            type: 'aws_key_pair',
            name: 'k',
            lookup: { name: 'dev-laptop' },
          }),
        ).toEqual(key);
        expect(
          await find({
            type: 'aws_subnet',
            name: 'd',
            lookup: { id: subnet1!.cloudId },
          }),
        ).toEqual(subnet1);
      });

      it('is undefined for what the region does not have', async () => {
        expect(
          await find({
            type: 'aws_key_pair',
            name: 'k',
            lookup: { name: 'nope' },
          }),
        ).toBeUndefined();
        expect(
          await find({
            type: 'aws_vpc',
            name: 'v',
            lookup: { id: 'vpc-0a1b2c3d' },
          }),
        ).toBeUndefined();
        const other = await find(
          { type: 'aws_vpc', name: 'd', lookup: { default: true } },
          'us-east-1',
        );
        expect(
          await find({
            type: 'aws_vpc',
            name: 'v',
            lookup: { id: other!.cloudId },
          }),
        ).toBeUndefined();
      });

      it('finds VPCs and subnets by Name tag, only when one matches', async () => {
        const v = await create({ ...vpc, tags: { Name: 'lab' } });
        expect(
          await find({ type: 'aws_vpc', name: 'v', lookup: { name: 'lab' } }),
        ).toMatchObject({
          cloudId: v.cloudId,
        });
        await create({
          ...vpc,
          name: 'twin',
          cidrBlock: '10.9.0.0/16',
          tags: { Name: 'lab' },
        });
        expect(
          await find({ type: 'aws_vpc', name: 'v', lookup: { name: 'lab' } }),
        ).toBeUndefined();
      });

      it('lets plan resources use what it found', async () => {
        const key = await find({
          type: 'aws_key_pair',
          name: 'k',
          lookup: { name: 'dev-laptop' },
        });
        const subnetFound = await find({
          type: 'aws_subnet',
          name: 's',
          lookup: { default: true },
        });
        const vpcFound = await find({
          type: 'aws_vpc',
          name: 'v',
          lookup: { default: true },
        });
        resolved['data.aws_key_pair.k'] = key!.cloudId;
        resolved['data.aws_subnet.s'] = subnetFound!.cloudId;
        resolved['data.aws_vpc.v'] = vpcFound!.cloudId;
        const web = await create({
          type: 'aws_instance',
          name: 'web',
          instanceType: 't3.micro',
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
          keyPair: 'data.aws_key_pair.k',
          subnet: 'data.aws_subnet.s',
        });
        expect(web.attributes).toMatchObject({
          keyName: 'dev-laptop',
          subnet: subnetFound!.cloudId,
          vpc: vpcFound!.cloudId,
        });
        const own = await create({
          type: 'aws_subnet',
          name: 'extra',
          vpc: 'data.aws_vpc.v',
          cidrBlock: '172.31.200.0/24',
        });
        expect(own.attributes.vpc).toBe(vpcFound!.cloudId);
        expect(
          await code(
            create({
              type: 'aws_subnet',
              name: 'clash',
              vpc: 'data.aws_vpc.v',
              cidrBlock: '172.31.0.0/24',
            }),
          ),
        ).toBe('InvalidSubnet.Conflict');
      });
    });
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PlanResource,
  PlanResourceInput,
  planResourceSchema,
  resourceAddress,
  resourceTypes,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import {
  CloudError,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  SimulatedCloudOptions,
  SimulatedCloudProvider,
} from './SimulatedCloudProvider';
import { SimulatedCloudError } from './SimulatedCloudError';
import { TABLES } from './store';

jest.setTimeout(60_000);

const REGION = 'eu-west-1';
const SESSION = 'session-1';

const sleep = (millis: number) =>
  new Promise(resolve => setTimeout(resolve, millis));

/** An OpenSSH ed25519 public key line with a well-formed blob. */
function ed25519PublicKey(seed: number): string {
  const kind = Buffer.from('ssh-ed25519');
  const key = Buffer.alloc(32, seed);
  const blob = Buffer.alloc(4 + kind.length + 4 + key.length);
  blob.writeUInt32BE(kind.length, 0);
  kind.copy(blob, 4);
  blob.writeUInt32BE(key.length, 4 + kind.length);
  key.copy(blob, 8 + kind.length);
  return `ssh-ed25519 ${blob.toString('base64')} test@example`;
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const failure = await promise.then(
    () => undefined,
    e => e,
  );
  expect(failure).toBeInstanceOf(SimulatedCloudError);
  expect((failure as SimulatedCloudError).code).toBe(code);
  return failure as SimulatedCloudError;
}

describe('SimulatedCloudProvider', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    // One database per engine (creating one and migrating it costs more than
    // most tests here); every test starts on an empty cloud.
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex(TABLES.tags).delete();
      await knex(TABLES.resources).delete();
      await knex(TABLES.failures).delete();
    });

    async function setUp(options: SimulatedCloudOptions = {}) {
      const cloud = await SimulatedCloudProvider.create({
        knex,
        options: {
          bootMillis: 0,
          shutdownMillis: 0,
          volumeCreateMillis: 0,
          ...options,
        },
      });
      /** Resolved cloud ids by plan address, filled by every create. */
      const resolved: Record<string, string> = {};
      let tokens = 0;
      const create = async (
        input: PlanResourceInput,
        extra: {
          token?: string;
          session?: string;
          region?: string;
          resolved?: Record<string, string>;
          /** Leave out the creation-token tag, as a caller unaware of it would. */
          untagged?: boolean;
          signal?: AbortSignal;
          onProgress?: (state: CloudResourceState) => void;
        } = {},
      ): Promise<CloudResourceState> => {
        const resource = planResourceSchema.parse(input);
        const address = resourceAddress(resource);
        const clientToken = extra.token ?? `token-${(tokens += 1)}`;
        const state = await cloud.apply({
          region: extra.region ?? REGION,
          change: {
            action: 'create',
            resource,
            clientToken,
            tags: {
              [INTENT_TAGS.session]: extra.session ?? SESSION,
              [INTENT_TAGS.address]: address,
              [INTENT_TAGS.owner]: 'user:default/guest',
              ...(extra.untagged
                ? {}
                : { [INTENT_TAGS.creationToken]: clientToken }),
            },
          },
          resolved: extra.resolved ?? resolved,
          signal: extra.signal,
          onProgress: extra.onProgress,
        });
        resolved[address] = state!.cloudId;
        return state!;
      };
      const update = async (input: PlanResourceInput, cloudId: string) =>
        (await cloud.apply({
          region: REGION,
          change: {
            action: 'update',
            resource: planResourceSchema.parse(input),
            cloudId,
            tags: { [INTENT_TAGS.session]: SESSION },
            changedFields: [],
          },
          resolved,
        }))!;
      const remove = (type: PlanResource['type'], cloudId: string) =>
        cloud.apply({
          region: REGION,
          change: { action: 'delete', type, cloudId },
          resolved,
        });
      const describeOne = async (type: PlanResource['type'], cloudId: string) =>
        (
          await cloud.describe({
            region: REGION,
            cloudIds: [{ type, cloudId }],
          })
        )[0];
      /** Launches an instance and stops waiting for it while it is pending. */
      const launchPending = async (input: PlanResourceInput) => {
        const abort = new AbortController();
        let pending: CloudResourceState | undefined;
        await create(input, {
          signal: abort.signal,
          onProgress: state => {
            pending = state;
            resolved[resourceAddress(planResourceSchema.parse(input))] =
              state.cloudId;
            abort.abort(new Error('stopped waiting'));
          },
        }).catch(() => undefined);
        expect(pending?.status).toBe('pending');
        return pending!;
      };
      return {
        cloud,
        create,
        update,
        remove,
        describeOne,
        resolved,
        launchPending,
      };
    }

    const ubuntu: PlanResourceInput = {
      type: 'aws_instance',
      name: 'web',
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
    };

    it('runs its own migrations beside the plugin’s, and is idempotent about it', async () => {
      await setUp();
      expect(await knex.schema.hasTable('intent_simulated_migrations')).toBe(
        true,
      );
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
      const again = await SimulatedCloudProvider.create({ knex });
      expect(again.id).toBe('simulated');
      expect(again.simulated).toBe(true);
    });

    it('resolves every catalog image to a stable AMI id per region and architecture', async () => {
      const { cloud } = await setUp();
      const images = [
        ['ubuntu', '22.04'],
        ['ubuntu', '24.04'],
        ['amazon-linux', '2023'],
        ['amazon-linux', '2'],
        ['debian', '12'],
        ['rhel', '9'],
      ] as const;
      const ids = new Set<string>();
      for (const [os, version] of images) {
        for (const architecture of ['x86_64', 'arm64'] as const) {
          const found = await cloud.resolveImage({
            region: REGION,
            image: { os, version, architecture },
          });
          expect(found?.imageId).toMatch(/^ami-0[0-9a-f]{16}$/);
          ids.add(found!.imageId);
        }
      }
      const windows = await cloud.resolveImage({
        region: REGION,
        image: {
          os: 'windows-server',
          version: '2022',
          architecture: 'x86_64',
        },
      });
      expect(windows?.imageId).toMatch(/^ami-0[0-9a-f]{16}$/);
      ids.add(windows!.imageId);
      expect(ids.size).toBe(13);

      expect(
        await cloud.resolveImage({
          region: REGION,
          image: {
            os: 'windows-server',
            version: '2022',
            architecture: 'arm64',
          },
        }),
      ).toBeUndefined();
      expect(
        await cloud.resolveImage({
          region: REGION,
          image: { os: 'ubuntu', version: '20.04', architecture: 'x86_64' },
        }),
      ).toBeUndefined();
      const ubuntuHere = await cloud.resolveImage({
        region: REGION,
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      });
      const ubuntuThere = await cloud.resolveImage({
        region: 'us-east-1',
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      });
      expect(ubuntuHere).toEqual(
        await cloud.resolveImage({
          region: REGION,
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
        }),
      );
      expect(ubuntuThere!.imageId).not.toBe(ubuntuHere!.imageId);
    });

    it('launches an instance pending with EC2-like id and facts, and returns once it runs', async () => {
      const { cloud, create, describeOne } = await setUp({ bootMillis: 400 });
      const progress: CloudResourceState[] = [];
      const started = Date.now();
      const created = await create(
        { ...ubuntu, tags: { team: 'web' } },
        {
          onProgress: state => {
            progress.push(state);
          },
        },
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      expect(progress.map(p => [p.cloudId, p.status])).toEqual([
        [created.cloudId, 'pending'],
      ]);
      expect(created.type).toBe('aws_instance');
      expect(created.cloudId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(created.status).toBe('running');
      expect(created.attributes).toMatchObject({
        instanceType: 't3.micro',
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
        associatePublicIp: true,
        availabilityZone: 'eu-west-1a',
        rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: true },
        metadataHttpTokens: 'required',
        platform: 'Linux/UNIX',
        architecture: 'x86_64',
      });
      const attributes = created.attributes;
      expect(attributes.imageId).toBe(
        (
          await cloud.resolveImage({
            region: REGION,
            image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
          })
        )?.imageId,
      );
      expect(attributes.subnet).toMatch(/^subnet-0[0-9a-f]{16}$/);
      expect(attributes.vpc).toMatch(/^vpc-0[0-9a-f]{16}$/);
      expect(attributes.securityGroups).toEqual([
        expect.stringMatching(/^sg-0[0-9a-f]{16}$/),
      ]);
      expect(attributes.publicIp).toMatch(/^198\.1[89]\.\d+\.\d+$/);
      expect(attributes.privateIp).toMatch(/^172\.31\.(1[0-5]|\d)\.\d+$/);
      expect(Date.parse(attributes.launchTime as string)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      expect(created.tags).toEqual({
        team: 'web',
        [INTENT_TAGS.session]: SESSION,
        [INTENT_TAGS.address]: 'aws_instance.web',
        [INTENT_TAGS.owner]: 'user:default/guest',
        [INTENT_TAGS.creationToken]: 'token-1',
      });

      const running = await describeOne('aws_instance', created.cloudId);
      expect(running.status).toBe('running');
      expect(running.attributes).toEqual(created.attributes);
    });

    it('builds a network: VPC, subnet, security group, key pair and an instance in them', async () => {
      const { create } = await setUp();
      const vpc = await create({
        type: 'aws_vpc',
        name: 'main',
        cidrBlock: '10.20.0.0/16',
      });
      expect(vpc.cloudId).toMatch(/^vpc-0[0-9a-f]{16}$/);
      expect(vpc.status).toBe('available');
      expect(vpc.attributes).toMatchObject({
        cidrBlock: '10.20.0.0/16',
        isDefault: false,
      });

      const subnet = await create({
        type: 'aws_subnet',
        name: 'private',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.20.1.0/24',
        availabilityZone: 'eu-west-1b',
      });
      expect(subnet.cloudId).toMatch(/^subnet-0[0-9a-f]{16}$/);
      expect(subnet.attributes).toMatchObject({
        vpc: vpc.cloudId,
        cidrBlock: '10.20.1.0/24',
        availabilityZone: 'eu-west-1b',
        mapPublicIpOnLaunch: false,
        availableIpAddressCount: 251,
      });

      const group = await create({
        type: 'aws_security_group',
        name: 'ssh',
        vpc: 'aws_vpc.main',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ['203.0.113.4/32'],
          },
        ],
      });
      expect(group.cloudId).toMatch(/^sg-0[0-9a-f]{16}$/);
      expect(group.attributes).toMatchObject({
        vpc: vpc.cloudId,
        description: 'Managed by intent sandboxes',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ['203.0.113.4/32'],
            ipv6CidrBlocks: [],
          },
        ],
        egress: [
          {
            protocol: 'all',
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ['0.0.0.0/0'],
            ipv6CidrBlocks: [],
          },
        ],
      });

      const publicKey = ed25519PublicKey(7);
      const key = await create({
        type: 'aws_key_pair',
        name: 'deployer',
        publicKey,
      });
      expect(key.cloudId).toMatch(/^key-0[0-9a-f]{16}$/);
      expect(key.attributes).toMatchObject({
        publicKey,
        keyType: 'ed25519',
        keyName: expect.stringMatching(/^deployer-[0-9a-f]{8}$/),
        keyFingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/),
      });

      const instance = await create({
        ...ubuntu,
        subnet: 'aws_subnet.private',
        securityGroups: ['aws_security_group.ssh'],
        keyPair: 'aws_key_pair.deployer',
      });
      expect(instance.attributes).toMatchObject({
        subnet: subnet.cloudId,
        vpc: vpc.cloudId,
        securityGroups: [group.cloudId],
        keyPair: key.cloudId,
        keyName: key.attributes.keyName,
        availabilityZone: 'eu-west-1b',
        associatePublicIp: false,
      });
      expect(instance.attributes.publicIp).toBeUndefined();
      expect(instance.attributes.privateIp).toMatch(/^10\.20\.1\.\d+$/);
    });

    it('creates, attaches, detaches and deletes EBS volumes through their states', async () => {
      const { create, remove, describeOne, cloud } = await setUp({
        volumeCreateMillis: 250,
      });
      const instance = await create(ubuntu);
      const started = Date.now();
      const volume = await create({
        type: 'aws_ebs_volume',
        name: 'data',
        sizeGb: 100,
      });
      // apply returns once the volume can be attached, as Terraform waits.
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
      expect(volume.cloudId).toMatch(/^vol-0[0-9a-f]{16}$/);
      expect(volume.status).toBe('available');
      expect(volume.attributes).toMatchObject({
        sizeGb: 100,
        volumeType: 'gp3',
        encrypted: true,
        iops: 3000,
        availabilityZone: 'eu-west-1a',
        kmsKeyId: 'alias/aws/ebs',
      });

      const attachment = await create({
        type: 'aws_volume_attachment',
        name: 'data',
        volume: 'aws_ebs_volume.data',
        instance: 'aws_instance.web',
        deviceName: '/dev/sdf',
      });
      expect(attachment.cloudId).toMatch(/^vai-[0-9a-f]{10}$/);
      expect(attachment.status).toBe('attached');
      expect(attachment.attributes).toMatchObject({
        volume: volume.cloudId,
        instance: instance.cloudId,
        deviceName: '/dev/sdf',
      });
      // EC2 attachments carry no tags.
      expect(attachment.tags).toEqual({});
      expect((await describeOne('aws_ebs_volume', volume.cloudId)).status).toBe(
        'in-use',
      );

      const inUse = await expectCode(
        remove('aws_ebs_volume', volume.cloudId),
        'VolumeInUse',
      );
      expect(inUse.message).toContain(instance.cloudId);

      expect(
        await remove('aws_volume_attachment', attachment.cloudId),
      ).toBeUndefined();
      expect(
        await describeOne('aws_volume_attachment', attachment.cloudId),
      ).toBeUndefined();
      expect((await describeOne('aws_ebs_volume', volume.cloudId)).status).toBe(
        'available',
      );
      await remove('aws_ebs_volume', volume.cloudId);
      expect(
        await describeOne('aws_ebs_volume', volume.cloudId),
      ).toBeUndefined();
      expect((await cloud.counts()).aws_ebs_volume).toEqual({
        existing: 0,
        created: 1,
      });
    });

    it('associates an elastic IP with an instance and moves its public address', async () => {
      const { create, update, remove, describeOne } = await setUp();
      const instance = await create(ubuntu);
      const eip = await create({
        type: 'aws_eip',
        name: 'web',
        instance: 'aws_instance.web',
      });
      expect(eip.cloudId).toMatch(/^eipalloc-0[0-9a-f]{16}$/);
      expect(eip.status).toBe('associated');
      expect(eip.attributes).toMatchObject({
        instance: instance.cloudId,
        domain: 'vpc',
        associationId: expect.stringMatching(/^eipassoc-0[0-9a-f]{16}$/),
      });
      expect(
        (await describeOne('aws_instance', instance.cloudId)).attributes
          .publicIp,
      ).toBe(eip.attributes.publicIp);

      const released = await update(
        { type: 'aws_eip', name: 'web' },
        eip.cloudId,
      );
      expect(released.status).toBe('allocated');
      expect(released.attributes.instance).toBeUndefined();
      const after = await describeOne('aws_instance', instance.cloudId);
      expect(after.attributes.publicIp).toMatch(/^198\.1[89]\./);
      expect(after.attributes.publicIp).not.toBe(eip.attributes.publicIp);

      await update(
        { type: 'aws_eip', name: 'web', instance: 'aws_instance.web' },
        eip.cloudId,
      );
      expect(
        (await describeOne('aws_instance', instance.cloudId)).attributes
          .publicIp,
      ).toBe(eip.attributes.publicIp);
      await remove('aws_eip', eip.cloudId);
      expect(await describeOne('aws_eip', eip.cloudId)).toBeUndefined();
      expect(
        (await describeOne('aws_instance', instance.cloudId)).attributes
          .publicIp,
      ).not.toBe(eip.attributes.publicIp);
    });

    it('creates S3 buckets with global names and refuses public policies under block public access', async () => {
      const { create, update, remove } = await setUp();
      const generated = await create(
        { type: 'aws_s3_bucket', name: 'assets' },
        { token: 'bucket-token' },
      );
      expect(generated.cloudId).toMatch(/^assets-[0-9a-f]{12}$/);
      expect(generated.attributes).toMatchObject({
        bucketName: generated.cloudId,
        versioning: false,
        encryption: 'AES256',
        blockPublicAccess: true,
        publicRead: false,
        arn: `arn:aws:s3:::${generated.cloudId}`,
        region: REGION,
      });

      const named = await create({
        type: 'aws_s3_bucket',
        name: 'logs',
        bucketName: 'intent-logs-demo',
        versioning: true,
      });
      expect(named.cloudId).toBe('intent-logs-demo');
      expect(named.attributes.versioningStatus).toBe('Enabled');
      // Bucket names are global: another region, another token, same name.
      await expectCode(
        create(
          {
            type: 'aws_s3_bucket',
            name: 'other',
            bucketName: 'intent-logs-demo',
          },
          { region: 'us-east-1' },
        ),
        'BucketAlreadyOwnedByYou',
      );
      await expectCode(
        create({
          type: 'aws_s3_bucket',
          name: 'open',
          publicRead: true,
        }),
        'AccessDenied',
      );
      await expectCode(
        create({
          type: 'aws_s3_bucket',
          name: 'ip',
          bucketName: '192.168.5.4',
        }),
        'InvalidBucketName',
      );

      const suspended = await update(
        {
          type: 'aws_s3_bucket',
          name: 'logs',
          bucketName: 'intent-logs-demo',
          versioning: false,
          website: true,
          blockPublicAccess: false,
          publicRead: true,
        },
        named.cloudId,
      );
      expect(suspended.attributes).toMatchObject({
        versioning: false,
        versioningStatus: 'Suspended',
        publicRead: true,
        websiteEndpoint:
          'http://intent-logs-demo.s3-website-eu-west-1.amazonaws.com',
      });

      await remove('aws_s3_bucket', named.cloudId);
      const reused = await create(
        {
          type: 'aws_s3_bucket',
          name: 'other',
          bucketName: 'intent-logs-demo',
        },
        { region: 'us-east-1' },
      );
      expect(reused.cloudId).toBe('intent-logs-demo');
    });

    it('rejects what EC2 rejects, and creates nothing then', async () => {
      const { cloud, create, resolved } = await setUp();
      await create({ type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' });
      await create({
        type: 'aws_subnet',
        name: 'a',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.0.1.0/24',
      });
      await create({
        type: 'aws_security_group',
        name: 'default_vpc',
      });
      await create({
        type: 'aws_ebs_volume',
        name: 'far',
        sizeGb: 10,
        availabilityZone: 'eu-west-1c',
      });
      await create(ubuntu);
      resolved['aws_security_group.ghost'] = 'sg-0000000000000dead';
      resolved['aws_subnet.ghost'] = 'subnet-0000000000000dead';
      const before = await cloud.counts();

      const cases: Array<[string, PlanResourceInput, string, RegExp?]> = [
        [
          'unknown instance type',
          { ...ubuntu, instanceType: 't5.micro' },
          'InvalidParameterValue',
          /Invalid value 't5.micro' for InstanceType/,
        ],
        [
          'an arm64 type with an x86_64 image',
          { ...ubuntu, instanceType: 'm7g.large' },
          'InvalidParameterValue',
          /architecture 'arm64' of the specified instance type does not match the architecture 'x86_64'/,
        ],
        [
          'no such image',
          {
            ...ubuntu,
            instanceType: 't4g.micro',
            image: {
              os: 'windows-server',
              version: '2022',
              architecture: 'arm64',
            },
          },
          'InvalidAMIID.NotFound',
        ],
        [
          'a root volume smaller than the Windows image',
          {
            ...ubuntu,
            image: {
              os: 'windows-server',
              version: '2022',
              architecture: 'x86_64',
            },
          },
          'InvalidBlockDeviceMapping',
          /expect size >= 30GB/,
        ],
        [
          'an unknown security group',
          { ...ubuntu, securityGroups: ['aws_security_group.ghost'] },
          'InvalidGroup.NotFound',
        ],
        [
          'a security group of another VPC than the subnet',
          {
            ...ubuntu,
            subnet: 'aws_subnet.a',
            securityGroups: ['aws_security_group.default_vpc'],
          },
          'InvalidParameter',
          /belong to different networks/,
        ],
        [
          'an unknown subnet',
          { ...ubuntu, subnet: 'aws_subnet.ghost' },
          'InvalidSubnetID.NotFound',
        ],
        [
          'an unresolved reference',
          { ...ubuntu, keyPair: 'aws_key_pair.nowhere' },
          'MissingParameter',
        ],
        [
          'a zone of another region',
          { ...ubuntu, availabilityZone: 'us-east-1a' },
          'InvalidParameterValue',
        ],
        [
          'a VPC block too large',
          { type: 'aws_vpc', name: 'huge', cidrBlock: '10.0.0.0/8' },
          'InvalidVpc.Range',
        ],
        [
          'a CIDR with host bits',
          { type: 'aws_vpc', name: 'odd', cidrBlock: '10.0.0.1/16' },
          'InvalidParameterValue',
        ],
        [
          'a subnet outside its VPC',
          {
            type: 'aws_subnet',
            name: 'outside',
            vpc: 'aws_vpc.main',
            cidrBlock: '10.1.0.0/24',
          },
          'InvalidSubnet.Range',
        ],
        [
          'an overlapping subnet',
          {
            type: 'aws_subnet',
            name: 'overlap',
            vpc: 'aws_vpc.main',
            cidrBlock: '10.0.1.128/25',
          },
          'InvalidSubnet.Conflict',
        ],
        [
          'TCP without ports',
          {
            type: 'aws_security_group',
            name: 'bad',
            ingress: [
              {
                protocol: 'tcp',
                fromPort: -1,
                toPort: 22,
                cidrBlocks: ['0.0.0.0/0'],
              },
            ],
          },
          'InvalidParameterValue',
        ],
        [
          'a duplicate rule',
          {
            type: 'aws_security_group',
            name: 'dup',
            ingress: [
              {
                protocol: 'tcp',
                fromPort: 443,
                toPort: 443,
                cidrBlocks: ['0.0.0.0/0'],
              },
              {
                protocol: 'tcp',
                fromPort: 443,
                toPort: 443,
                cidrBlocks: ['0.0.0.0/0'],
              },
            ],
          },
          'InvalidPermission.Duplicate',
        ],
        [
          'io1 without iops',
          {
            type: 'aws_ebs_volume',
            name: 'fast',
            sizeGb: 100,
            volumeType: 'io1',
          },
          'MissingParameter',
        ],
        [
          'iops on gp2',
          {
            type: 'aws_ebs_volume',
            name: 'gp',
            sizeGb: 100,
            volumeType: 'gp2',
            iops: 500,
          },
          'InvalidParameterCombination',
        ],
        [
          'an st1 volume below its minimum size',
          {
            type: 'aws_ebs_volume',
            name: 'cold',
            sizeGb: 10,
            volumeType: 'st1',
          },
          'InvalidParameterValue',
          /minimum is 125GiB/,
        ],
        [
          'attaching a volume in another zone',
          {
            type: 'aws_volume_attachment',
            name: 'far',
            volume: 'aws_ebs_volume.far',
            instance: 'aws_instance.web',
            deviceName: '/dev/sdg',
          },
          'InvalidVolume.ZoneMismatch',
        ],
        [
          'a reserved tag key',
          { ...ubuntu, name: 'tagged', tags: { 'aws:owner': 'me' } },
          'InvalidParameterValue',
        ],
        [
          'an invalid public key',
          {
            type: 'aws_key_pair',
            name: 'broken',
            publicKey: 'ssh-ed25519 AAAAC3NzaC1yc2EAAAADAQAB',
          },
          'InvalidKey.Format',
        ],
      ];
      for (const [what, input, code, message] of cases) {
        const failure = await expectCode(create(input), code).catch(e => {
          throw new Error(`${what}: ${e}`);
        });
        expect(failure.message).toMatch(message ?? code);
      }
      // A resource that is not a valid plan resource never reaches the rules.
      await expectCode(
        cloud.apply({
          region: REGION,
          change: {
            action: 'create',
            resource: { type: 'aws_ebs_volume', name: 'x' } as PlanResource,
            clientToken: 'invalid',
            tags: {},
          },
          resolved,
        }),
        'InvalidParameterValue',
      );
      expect(await cloud.counts()).toEqual(before);
    });

    it('refuses to delete what is still used, then deletes idempotently', async () => {
      const { cloud, create, remove, describeOne } = await setUp({
        shutdownMillis: 300,
        terminatedRetentionMillis: 1500,
      });
      const vpc = await create({
        type: 'aws_vpc',
        name: 'main',
        cidrBlock: '10.0.0.0/16',
      });
      const subnet = await create({
        type: 'aws_subnet',
        name: 'a',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.0.1.0/24',
      });
      const group = await create({
        type: 'aws_security_group',
        name: 'web',
        vpc: 'aws_vpc.main',
      });
      const instance = await create({
        ...ubuntu,
        subnet: 'aws_subnet.a',
        securityGroups: ['aws_security_group.web'],
      });

      await expectCode(
        remove('aws_security_group', group.cloudId),
        'DependencyViolation',
      );
      await expectCode(
        remove('aws_subnet', subnet.cloudId),
        'DependencyViolation',
      );
      await expectCode(remove('aws_vpc', vpc.cloudId), 'DependencyViolation');

      // A terminate returns once the instance is terminated.
      const started = Date.now();
      const deletions = await Promise.all([
        remove('aws_instance', instance.cloudId),
        remove('aws_instance', instance.cloudId),
      ]);
      expect(deletions).toEqual([undefined, undefined]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      // EC2 still describes a terminated instance by id for a while ...
      const terminated = await describeOne('aws_instance', instance.cloudId);
      expect(terminated.status).toBe('terminated');
      expect(terminated.attributes.publicIp).toBeUndefined();
      // ... but not by tag.
      expect(
        await cloud.describe({
          region: REGION,
          tags: { [INTENT_TAGS.session]: SESSION },
          cloudIds: [{ type: 'aws_instance', cloudId: instance.cloudId }],
        }),
      ).toEqual([]);
      expect(
        (
          await cloud.describe({
            region: REGION,
            tags: { [INTENT_TAGS.session]: SESSION },
          })
        ).map(r => r.type),
      ).toEqual(['aws_vpc', 'aws_subnet', 'aws_security_group']);

      await remove('aws_security_group', group.cloudId);
      await remove('aws_subnet', subnet.cloudId);
      await remove('aws_vpc', vpc.cloudId);
      // Deleting what is gone succeeds.
      await remove('aws_security_group', group.cloudId);
      await remove('aws_instance', instance.cloudId);
      await remove('aws_instance', 'i-0000000000000beef');
      await remove('aws_s3_bucket', 'no-such-bucket');

      await sleep(1600);
      expect(
        await describeOne('aws_instance', instance.cloudId),
      ).toBeUndefined();
      const counts = await cloud.counts();
      expect(counts.aws_instance).toEqual({ existing: 0, created: 1 });
      expect(counts.aws_vpc).toEqual({ existing: 0, created: 1 });
    });

    it('terminating an instance detaches its volumes and releases its addresses', async () => {
      const { create, remove, describeOne } = await setUp();
      const instance = await create(ubuntu);
      const volume = await create({
        type: 'aws_ebs_volume',
        name: 'data',
        sizeGb: 20,
      });
      const attachment = await create({
        type: 'aws_volume_attachment',
        name: 'data',
        volume: 'aws_ebs_volume.data',
        instance: 'aws_instance.web',
        deviceName: '/dev/sdf',
      });
      const eip = await create({
        type: 'aws_eip',
        name: 'ip',
        instance: 'aws_instance.web',
      });
      await remove('aws_instance', instance.cloudId);
      expect(
        await describeOne('aws_volume_attachment', attachment.cloudId),
      ).toBeUndefined();
      expect((await describeOne('aws_ebs_volume', volume.cloudId)).status).toBe(
        'available',
      );
      const released = await describeOne('aws_eip', eip.cloudId);
      expect(released.status).toBe('allocated');
      expect(released.attributes.instance).toBeUndefined();
      // The attachment is gone already: deleting it succeeds.
      expect(
        await remove('aws_volume_attachment', attachment.cloudId),
      ).toBeUndefined();
    });

    it('waits for instances to run before attaching to them, as EC2 does', async () => {
      const { cloud, create, launchPending, describeOne } = await setUp({
        bootMillis: 60_000,
      });
      // The caller stops waiting for the boot: the instance stays pending.
      const pending = await launchPending(ubuntu);
      expect((await describeOne('aws_instance', pending.cloudId)).status).toBe(
        'pending',
      );
      await create({ type: 'aws_ebs_volume', name: 'data', sizeGb: 20 });
      await expectCode(
        create({
          type: 'aws_volume_attachment',
          name: 'data',
          volume: 'aws_ebs_volume.data',
          instance: 'aws_instance.web',
          deviceName: '/dev/sdf',
        }),
        'IncorrectState',
      );
      await expectCode(
        create({ type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' }),
        'IncorrectInstanceState',
      );
      expect((await cloud.counts()).aws_eip.created).toBe(0);
    });

    it('returns the first result for a repeated client token, also under concurrency', async () => {
      const { cloud, create } = await setUp();
      const burst = async (input: PlanResourceInput, token: string) => {
        const results = await Promise.all(
          Array.from({ length: 8 }, () => create(input, { token })),
        );
        const again = await create(input, { token });
        expect(new Set([...results, again].map(r => r.cloudId)).size).toBe(1);
        return again;
      };
      await burst(ubuntu, 'tok-instance');
      await burst({ type: 'aws_s3_bucket', name: 'assets' }, 'tok-bucket');
      await burst(
        {
          type: 'aws_s3_bucket',
          name: 'named',
          bucketName: 'intent-named-bucket',
        },
        'tok-named',
      );
      await burst(
        { type: 'aws_ebs_volume', name: 'data', sizeGb: 10 },
        'tok-volume',
      );
      await burst(
        {
          type: 'aws_volume_attachment',
          name: 'data',
          volume: 'aws_ebs_volume.data',
          instance: 'aws_instance.web',
          deviceName: '/dev/sdf',
        },
        'tok-attachment',
      );
      await burst({ type: 'aws_key_pair', name: 'deployer' }, 'tok-key');

      const counts = await cloud.counts();
      expect(counts).toEqual({
        ...Object.fromEntries(
          resourceTypes.map(t => [t, { existing: 0, created: 0 }]),
        ),
        aws_instance: { existing: 1, created: 1 },
        aws_s3_bucket: { existing: 2, created: 2 },
        aws_ebs_volume: { existing: 1, created: 1 },
        aws_volume_attachment: { existing: 1, created: 1 },
        aws_key_pair: { existing: 1, created: 1 },
      });

      // Same token, different request: EC2 refuses.
      await expectCode(
        create(
          { ...ubuntu, instanceType: 't3.small' },
          { token: 'tok-instance' },
        ),
        'IdempotentParameterMismatch',
      );
      // Attachments of one volume racing with different tokens: one wins.
      await create({ type: 'aws_ebs_volume', name: 'spare', sizeGb: 10 });
      const racing = await Promise.allSettled(
        ['/dev/sdg', '/dev/sdh', '/dev/sdi'].map((deviceName, i) =>
          create(
            {
              type: 'aws_volume_attachment',
              name: `spare${i}`,
              volume: 'aws_ebs_volume.spare',
              instance: 'aws_instance.web',
              deviceName,
            },
            { token: `other-${i}` },
          ),
        ),
      );
      expect(racing.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        racing.flatMap(r =>
          r.status === 'rejected'
            ? [(r.reason as SimulatedCloudError).code]
            : [],
        ),
      ).toEqual(['VolumeInUse', 'VolumeInUse']);
      expect((await cloud.counts()).aws_volume_attachment.created).toBe(2);
    });

    it('updates in place what EC2 can change, and says when a change needs a replacement', async () => {
      const { create, update, describeOne, launchPending } = await setUp({
        bootMillis: 300,
      });
      const group = await create({ type: 'aws_security_group', name: 'web' });
      const opened = await update(
        {
          type: 'aws_security_group',
          name: 'web',
          ingress: [
            {
              protocol: 'tcp',
              fromPort: 443,
              toPort: 443,
              cidrBlocks: ['0.0.0.0/0'],
            },
          ],
          tags: { purpose: 'https' },
        },
        group.cloudId,
      );
      expect(opened.cloudId).toBe(group.cloudId);
      expect(opened.attributes.ingress).toEqual([
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: [],
        },
      ]);
      // The creation token stays: it names the create that made the group.
      expect(opened.tags).toEqual({
        purpose: 'https',
        [INTENT_TAGS.session]: SESSION,
        [INTENT_TAGS.creationToken]: group.tags[INTENT_TAGS.creationToken],
      });

      const instance = await launchPending({
        ...ubuntu,
        securityGroups: ['aws_security_group.web'],
      });
      await expectCode(
        update({ ...ubuntu, instanceType: 't3.large' }, instance.cloudId),
        'IncorrectInstanceState',
      );
      await sleep(350);
      // A type change stops and starts the instance: it returns running.
      const started = Date.now();
      const resized = await update(
        {
          ...ubuntu,
          instanceType: 't3.large',
          securityGroups: ['aws_security_group.web'],
          metadataHttpTokens: 'optional',
          rootVolume: { sizeGb: 20, volumeType: 'gp3', encrypted: true },
        },
        instance.cloudId,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      expect(resized.status).toBe('running');
      expect(resized.cloudId).toBe(instance.cloudId);
      expect(resized.attributes).toMatchObject({
        instanceType: 't3.large',
        metadataHttpTokens: 'optional',
        rootVolume: { sizeGb: 20 },
        privateIp: instance.attributes.privateIp,
        launchTime: instance.attributes.launchTime,
      });

      const replaced = async (
        input: PlanResourceInput,
        cloudId: string,
        fields: string,
      ) => {
        const failure = await expectCode(
          update(input, cloudId),
          'UnsupportedOperation',
        );
        expect(failure.message).toContain(`cannot change ${fields} in place`);
      };
      const current = {
        ...ubuntu,
        instanceType: 't3.large',
        securityGroups: ['aws_security_group.web'],
        rootVolume: { sizeGb: 20, volumeType: 'gp3' as const, encrypted: true },
      };
      await replaced(
        {
          ...current,
          image: { os: 'debian', version: '12', architecture: 'x86_64' },
        },
        instance.cloudId,
        'image',
      );
      await replaced(
        {
          ...current,
          rootVolume: { sizeGb: 10, volumeType: 'gp3', encrypted: false },
        },
        instance.cloudId,
        'rootVolume.encrypted, rootVolume.sizeGb',
      );
      await replaced(
        { ...current, availabilityZone: 'eu-west-1b' },
        instance.cloudId,
        'subnet, availabilityZone',
      );

      const volume = await create({
        type: 'aws_ebs_volume',
        name: 'data',
        sizeGb: 50,
      });
      const grown = await update(
        {
          type: 'aws_ebs_volume',
          name: 'data',
          sizeGb: 80,
          volumeType: 'gp3',
          iops: 4000,
        },
        volume.cloudId,
      );
      expect(grown.attributes).toMatchObject({ sizeGb: 80, iops: 4000 });
      await replaced(
        { type: 'aws_ebs_volume', name: 'data', sizeGb: 40 },
        volume.cloudId,
        'sizeGb',
      );

      const vpc = await create({
        type: 'aws_vpc',
        name: 'main',
        cidrBlock: '10.0.0.0/16',
      });
      await replaced(
        { type: 'aws_vpc', name: 'main', cidrBlock: '10.1.0.0/16' },
        vpc.cloudId,
        'cidrBlock',
      );
      const key = await create({
        type: 'aws_key_pair',
        name: 'k',
        publicKey: ed25519PublicKey(1),
      });
      await replaced(
        { type: 'aws_key_pair', name: 'k', publicKey: ed25519PublicKey(2) },
        key.cloudId,
        'publicKey',
      );
      const bucket = await create({
        type: 'aws_s3_bucket',
        name: 'b',
        bucketName: 'intent-b-1',
      });
      await replaced(
        { type: 'aws_s3_bucket', name: 'b', bucketName: 'intent-b-2' },
        bucket.cloudId,
        'bucketName',
      );
      // Nothing changed by the refused updates.
      expect(
        (await describeOne('aws_instance', instance.cloudId)).attributes,
      ).toEqual(resized.attributes);
      await expectCode(
        update(ubuntu, 'i-0000000000000beef'),
        'InvalidInstanceID.NotFound',
      );
    });

    it('describes by tag and by id in one query each', async () => {
      const { cloud, create } = await setUp();
      const mine = [
        await create(ubuntu),
        await create({ type: 'aws_security_group', name: 'web' }),
        await create({ type: 'aws_ebs_volume', name: 'data', sizeGb: 10 }),
        await create({ type: 'aws_s3_bucket', name: 'assets' }),
        await create({ type: 'aws_key_pair', name: 'key' }),
      ];
      const theirs = [
        await create({ ...ubuntu, name: 'other' }, { session: 'session-2' }),
        await create({ type: 'aws_eip', name: 'ip' }, { session: 'session-2' }),
      ];
      await create({ ...ubuntu, name: 'elsewhere' }, { region: 'us-east-1' });

      const queries: string[] = [];
      const listener = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', listener);
      try {
        const bySession = await cloud.describe({
          region: REGION,
          tags: { [INTENT_TAGS.session]: SESSION },
        });
        expect(queries).toHaveLength(1);
        expect(bySession.map(r => r.cloudId)).toEqual(mine.map(r => r.cloudId));
        expect(bySession[0].tags[INTENT_TAGS.address]).toBe('aws_instance.web');

        const anySession = await cloud.describe({
          region: REGION,
          tagKeys: [INTENT_TAGS.session],
        });
        expect(queries).toHaveLength(2);
        expect(anySession.map(r => r.cloudId)).toEqual(
          [...mine, ...theirs].map(r => r.cloudId),
        );

        const both = await cloud.describe({
          region: REGION,
          tags: {
            [INTENT_TAGS.session]: 'session-2',
            [INTENT_TAGS.address]: 'aws_eip.ip',
          },
          tagKeys: [INTENT_TAGS.owner],
        });
        expect(both.map(r => r.cloudId)).toEqual([theirs[1].cloudId]);

        const byIds = await cloud.describe({
          region: REGION,
          cloudIds: [
            ...[...mine, ...theirs].map(r => ({
              type: r.type,
              cloudId: r.cloudId,
            })),
            // the wrong type for an id, and an id that never existed
            { type: 'aws_ebs_volume', cloudId: mine[0].cloudId },
            { type: 'aws_instance', cloudId: 'i-0000000000000beef' },
          ],
        });
        expect(queries).toHaveLength(4);
        expect(byIds.map(r => r.cloudId)).toEqual(
          [...mine, ...theirs].map(r => r.cloudId),
        );

        expect(await cloud.describe({ region: REGION, cloudIds: [] })).toEqual(
          [],
        );
        expect(queries).toHaveLength(4);
        expect(
          await cloud.describe({
            region: REGION,
            tags: { [INTENT_TAGS.session]: 'nobody' },
          }),
        ).toEqual([]);
      } finally {
        knex.removeListener('query', listener);
      }
    });

    it('shows drift injected like a console change in describe', async () => {
      const { cloud, create, describeOne } = await setUp();
      const group = await create({
        type: 'aws_security_group',
        name: 'ssh',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ['203.0.113.4/32'],
          },
        ],
      });
      const drifted = await cloud.injectDrift({
        cloudId: group.cloudId,
        attributes: {
          ingress: [
            ...(group.attributes.ingress as unknown[]),
            {
              protocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              cidrBlocks: ['0.0.0.0/0'],
            },
          ],
        },
      });
      const described = await describeOne('aws_security_group', group.cloudId);
      expect(described).toEqual(drifted);
      expect(described.attributes.ingress).toEqual([
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ['203.0.113.4/32'],
          ipv6CidrBlocks: [],
        },
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: [],
        },
      ]);

      const instance = await create(ubuntu);
      await cloud.injectDrift({
        cloudId: instance.cloudId,
        attributes: {
          instanceType: 't3.xlarge',
          metadataHttpTokens: 'optional',
        },
        tags: { [INTENT_TAGS.owner]: null, changedBy: 'console' },
      });
      const changed = await describeOne('aws_instance', instance.cloudId);
      expect(changed.attributes).toMatchObject({
        instanceType: 't3.xlarge',
        metadataHttpTokens: 'optional',
      });
      expect(changed.tags).toEqual({
        [INTENT_TAGS.session]: SESSION,
        [INTENT_TAGS.address]: 'aws_instance.web',
        [INTENT_TAGS.creationToken]: instance.tags[INTENT_TAGS.creationToken],
        changedBy: 'console',
      });
      // Drift is found by tag as well: the drift detector's query.
      const [bySession] = await cloud.describe({
        region: REGION,
        tags: { changedBy: 'console' },
      });
      expect(bySession.cloudId).toBe(instance.cloudId);

      await expectCode(
        cloud.injectDrift({
          cloudId: instance.cloudId,
          attributes: { instanceType: 't5.micro' },
        }),
        'InvalidParameterValue',
      );
      await expectCode(
        cloud.injectDrift({
          cloudId: instance.cloudId,
          attributes: { instanceType: 'm7g.large' },
        }),
        'InvalidParameterValue',
      );
      await expectCode(
        cloud.injectDrift({
          cloudId: instance.cloudId,
          attributes: { colour: 'blue' },
        }),
        'InvalidParameterValue',
      );
      await expectCode(
        cloud.injectDrift({
          cloudId: group.cloudId,
          attributes: { ingress: [{ protocol: 'tcp' }] },
        }),
        'InvalidParameterValue',
      );
      await expectCode(
        cloud.injectDrift({ cloudId: 'i-0000000000000beef', attributes: {} }),
        'InvalidResourceID.NotFound',
      );
      expect(
        (await describeOne('aws_instance', instance.cloudId)).attributes
          .instanceType,
      ).toBe('t3.xlarge');
    });

    it('fails the next matching apply calls on purpose', async () => {
      const { cloud, create, remove } = await setUp();
      await cloud.injectFailure({
        action: 'create',
        type: 'aws_instance',
        times: 2,
        code: 'InsufficientInstanceCapacity',
        message: 'We currently do not have sufficient t3.micro capacity',
      });
      await cloud.injectFailure({
        address: 'aws_s3_bucket.logs',
        code: 'ServiceUnavailable',
        message: 'Please reduce your request rate.',
      });
      // Does not match: another type.
      await create({ type: 'aws_security_group', name: 'web' });
      await expectCode(
        create(ubuntu, { token: 't1' }),
        'InsufficientInstanceCapacity',
      );
      await expectCode(
        create(ubuntu, { token: 't1' }),
        'InsufficientInstanceCapacity',
      );
      const instance = await create(ubuntu, { token: 't1' });
      expect(instance.cloudId).toMatch(/^i-0/);
      await create({ type: 'aws_s3_bucket', name: 'assets' });
      await expectCode(
        create({ type: 'aws_s3_bucket', name: 'logs' }),
        'ServiceUnavailable',
      );
      await create({ type: 'aws_s3_bucket', name: 'logs' });

      // 'after': the change happens, the answer is lost; the retry finds it.
      await cloud.injectFailure({
        action: 'create',
        when: 'after',
        code: 'RequestTimeout',
        message: 'The response was lost',
      });
      await expectCode(
        create(
          { type: 'aws_ebs_volume', name: 'data', sizeGb: 10 },
          { token: 'vol' },
        ),
        'RequestTimeout',
      );
      const retried = await create(
        { type: 'aws_ebs_volume', name: 'data', sizeGb: 10 },
        { token: 'vol' },
      );
      expect((await cloud.counts()).aws_ebs_volume).toEqual({
        existing: 1,
        created: 1,
      });

      await cloud.injectFailure({
        action: 'delete',
        address: 'aws_ebs_volume.data',
        code: 'RequestLimitExceeded',
        message: 'Request limit exceeded.',
      });
      await expectCode(
        remove('aws_ebs_volume', retried.cloudId),
        'RequestLimitExceeded',
      );
      expect((await cloud.counts()).aws_ebs_volume.existing).toBe(1);

      await cloud.injectFailure({
        code: 'InternalError',
        message: 'boom',
        times: 5,
      });
      expect(await cloud.clearFailures()).toBe(1);
      await remove('aws_ebs_volume', retried.cloudId);
      expect((await cloud.counts()).aws_ebs_volume.existing).toBe(0);
      await expectCode(
        cloud.injectFailure({ code: 'X', message: 'y', times: 0 }),
        'InvalidParameterValue',
      );
    });

    it('throws cloud errors whose kind says whether a retry can help', async () => {
      const { cloud, create, describeOne } = await setUp();
      await cloud.injectFailure({
        action: 'create',
        code: 'RequestLimitExceeded',
        message: 'Request limit exceeded.',
      });
      const throttled = await expectCode(
        create(ubuntu),
        'RequestLimitExceeded',
      );
      expect(throttled).toBeInstanceOf(CloudError);
      expect([throttled.kind, throttled.retryable]).toEqual([
        'throttled',
        true,
      ]);
      await cloud.injectFailure({
        action: 'create',
        code: 'InsufficientInstanceCapacity',
        message: 'no capacity',
      });
      const capacity = await expectCode(
        create(ubuntu),
        'InsufficientInstanceCapacity',
      );
      expect([capacity.kind, capacity.retryable]).toEqual(['transient', false]);
      const invalid = await expectCode(
        create({ ...ubuntu, instanceType: 't5.micro' }),
        'InvalidParameterValue',
      );
      expect([invalid.kind, invalid.retryable]).toEqual(['invalid', false]);
      const missing = await expectCode(
        cloud.injectDrift({ cloudId: 'i-0000000000000dead' }),
        'InvalidResourceID.NotFound',
      );
      expect([missing.kind, missing.retryable]).toEqual(['not-found', false]);
      expect(await describeOne('aws_instance', 'i-0000000000000dead')).toBe(
        undefined,
      );
    });

    it('finds a retried create of a type without client tokens by its creation token, never the resource it replaces', async () => {
      const { cloud, create } = await setUp();
      const group = { type: 'aws_security_group', name: 'web' } as const;
      const bucket = { type: 'aws_s3_bucket', name: 'assets' } as const;
      const old = await create(group, { token: 'rev-1' });
      const oldBucket = await create(bucket, { token: 'bucket-rev-1' });

      // The replacement: same session and address tags, a new token; the
      // first answer is lost, the retry must find the new resource.
      for (const [input, token] of [
        [group, 'rev-2'],
        [bucket, 'bucket-rev-2'],
      ] as const) {
        await cloud.injectFailure({
          action: 'create',
          type: input.type,
          when: 'after',
          code: 'RequestTimeout',
          message: 'The response was lost',
        });
        await expectCode(create(input, { token }), 'RequestTimeout');
      }
      const replacement = await create(group, { token: 'rev-2' });
      const bucketReplacement = await create(bucket, { token: 'bucket-rev-2' });
      expect(replacement.cloudId).not.toBe(old.cloudId);
      expect(bucketReplacement.cloudId).not.toBe(oldBucket.cloudId);
      expect(replacement.tags[INTENT_TAGS.creationToken]).toBe('rev-2');
      let counts = await cloud.counts();
      expect(counts.aws_security_group).toEqual({ existing: 2, created: 2 });
      expect(counts.aws_s3_bucket).toEqual({ existing: 2, created: 2 });

      // CreateSecurityGroup takes no client token: without the tag a retry
      // makes another group, as on AWS.
      await create(
        { type: 'aws_security_group', name: 'db' },
        { token: 'db', untagged: true },
      );
      await create(
        { type: 'aws_security_group', name: 'db' },
        { token: 'db', untagged: true },
      );
      counts = await cloud.counts();
      expect(counts.aws_security_group.created).toBe(4);
      // RunInstances takes one: the token alone is enough.
      const a = await create(ubuntu, { token: 'run', untagged: true });
      const b = await create(ubuntu, { token: 'run', untagged: true });
      expect(b.cloudId).toBe(a.cloudId);
    });

    it('stops waiting when the caller aborts, and leaves the change made', async () => {
      const { cloud, create, remove, describeOne } = await setUp({
        bootMillis: 60_000,
        shutdownMillis: 60_000,
      });
      const abort = new AbortController();
      const seen: string[] = [];
      const launching = create(ubuntu, {
        signal: abort.signal,
        onProgress: state => {
          seen.push(state.status);
        },
      });
      await sleep(100);
      abort.abort(new Error('lock lost'));
      await expect(launching).rejects.toThrow('lock lost');
      expect(seen).toEqual(['pending']);
      // Retrying with an aborted signal fails at once.
      await expect(
        cloud.describe({ region: REGION, signal: abort.signal }),
      ).rejects.toThrow('lock lost');
      const [instance] = await cloud.describe({
        region: REGION,
        tags: { [INTENT_TAGS.session]: SESSION },
      });
      expect(instance.status).toBe('pending');
      // A terminate waits for the instance to be gone, unless aborted.
      const stop = new AbortController();
      const terminating = cloud.apply({
        region: REGION,
        change: {
          action: 'delete',
          type: 'aws_instance',
          cloudId: instance.cloudId,
        },
        resolved: {},
        signal: stop.signal,
      });
      await sleep(50);
      stop.abort(new Error('gave up'));
      await expect(terminating).rejects.toThrow('gave up');
      expect((await describeOne('aws_instance', instance.cloudId)).status).toBe(
        'shutting-down',
      );
      expect(remove).toBeDefined();
    });

    it('adds the configured latency to every call, so parallel calls overlap', async () => {
      const { cloud, create } = await setUp({ latencyMillis: 150 });
      let started = Date.now();
      await cloud.describe({ region: REGION, tagKeys: [INTENT_TAGS.session] });
      expect(Date.now() - started).toBeGreaterThanOrEqual(145);

      started = Date.now();
      for (let i = 0; i < 4; i++) {
        await create({ type: 'aws_security_group', name: `serial${i}` });
      }
      const serial = Date.now() - started;
      expect(serial).toBeGreaterThanOrEqual(4 * 145);

      started = Date.now();
      await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          create({ type: 'aws_security_group', name: `parallel${i}` }),
        ),
      );
      const parallel = Date.now() - started;
      expect(parallel).toBeLessThan(serial * 0.75);
    });
  });
});

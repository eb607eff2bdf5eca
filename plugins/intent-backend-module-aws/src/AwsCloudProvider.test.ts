// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DeleteSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  ImportKeyPairCommand,
  ModifyInstanceAttributeCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateBucketCommand,
  GetBucketTaggingCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  parsePlan,
  PlanResource,
  planResourceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { INTENT_TAGS } from '@intent-sandboxes/backstage-plugin-intent-node';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsCloudProvider } from './AwsCloudProvider';

const ec2 = mockClient(EC2Client);
const s3 = mockClient(S3Client);
const ssm = mockClient(SSMClient);

const REGION = 'eu-west-1';
const TOKEN = 'sess-1-r2-abc';
const TAGS = {
  [INTENT_TAGS.session]: 'sess-1',
  [INTENT_TAGS.address]: 'x',
  [INTENT_TAGS.creationToken]: TOKEN,
};

function provider() {
  const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
  return new AwsCloudProvider({
    clients: async ({ region }) => ({
      ec2: new EC2Client({ region, credentials }),
      s3: new S3Client({ region, credentials }),
      ssm: new SSMClient({ region, credentials }),
    }),
    settings: { images: {}, maxWaitSeconds: 5 },
    wait: { minDelay: 0.01, maxDelay: 0.02 },
  });
}

function resource(input: object): PlanResource {
  return planResourceSchema.parse(input);
}

const ec2Tags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

const running = (id: string, extra: object = {}) => ({
  Reservations: [
    {
      Instances: [
        {
          InstanceId: id,
          State: { Name: 'running' as const },
          InstanceType: 't3.micro' as const,
          ...extra,
        },
      ],
    },
  ],
});

beforeEach(() => {
  ec2.reset();
  s3.reset();
  ssm.reset();
});

describe('instances', () => {
  const web = resource({
    type: 'aws_instance',
    name: 'web',
    instanceType: 't3.micro',
    image: {
      os: 'ubuntu',
      version: '24.04',
      architecture: 'x86_64',
      id: 'ami-0123456789abcdef0',
    },
    securityGroups: ['aws_security_group.ssh'],
    tags: { Name: 'web' },
  });

  it('runs with the client token, tags on create and the safe defaults', async () => {
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0123456789abcdef0', RootDeviceName: '/dev/sda1' },
      ],
    });
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: 'subnet-b', AvailabilityZone: 'eu-west-1b' },
        { SubnetId: 'subnet-a', AvailabilityZone: 'eu-west-1a' },
      ],
    });
    ec2.on(RunInstancesCommand).resolves({
      Instances: [{ InstanceId: 'i-1', State: { Name: 'pending' } }],
    });
    ec2.on(DescribeInstancesCommand).resolves(running('i-1'));
    const progress: string[] = [];
    const state = await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: web,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: { 'aws_security_group.ssh': 'sg-1' },
      onProgress: s => {
        progress.push(s.status);
      },
    });
    expect(state).toMatchObject({ cloudId: 'i-1', status: 'running' });
    expect(progress).toEqual(['pending']);
    expect(ec2.commandCalls(DescribeSubnetsCommand)[0].args[0].input).toEqual({
      Filters: [{ Name: 'default-for-az', Values: ['true'] }],
    });
    const all = { Name: 'web', ...TAGS };
    expect(ec2.commandCalls(RunInstancesCommand)[0].args[0].input).toEqual({
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      ClientToken: TOKEN,
      KeyName: undefined,
      NetworkInterfaces: [
        {
          DeviceIndex: 0,
          SubnetId: 'subnet-a',
          Groups: ['sg-1'],
          AssociatePublicIpAddress: false,
          DeleteOnTermination: true,
        },
      ],
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/sda1',
          Ebs: {
            VolumeSize: 8,
            VolumeType: 'gp3',
            Encrypted: true,
            DeleteOnTermination: true,
          },
        },
      ],
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      UserData: undefined,
      TagSpecifications: [
        { ResourceType: 'instance', Tags: ec2Tags(all) },
        { ResourceType: 'volume', Tags: ec2Tags(all) },
        { ResourceType: 'network-interface', Tags: ec2Tags(all) },
      ],
    });
  });

  it('changes the type by stop, modify, start and waits until it runs', async () => {
    ec2.on(StopInstancesCommand).resolves({});
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [
          { Instances: [{ InstanceId: 'i-1', State: { Name: 'stopping' } }] },
        ],
      })
      .resolvesOnce({
        Reservations: [
          { Instances: [{ InstanceId: 'i-1', State: { Name: 'stopped' } }] },
        ],
      })
      .resolves(running('i-1', { InstanceType: 't3.small' }));
    ec2.on(ModifyInstanceAttributeCommand).resolves({});
    ec2.on(StartInstancesCommand).resolves({});
    const state = await provider().apply({
      region: REGION,
      change: {
        action: 'update',
        resource: { ...web, instanceType: 't3.small' } as PlanResource,
        cloudId: 'i-1',
        tags: TAGS,
        changedFields: ['instanceType'],
      },
      resolved: { 'aws_security_group.ssh': 'sg-1' },
    });
    expect(state?.attributes.instanceType).toBe('t3.small');
    expect(
      ec2
        .commandCalls(ModifyInstanceAttributeCommand)
        .map(c => c.args[0].input),
    ).toEqual([{ InstanceId: 'i-1', InstanceType: { Value: 't3.small' } }]);
    expect(ec2.commandCalls(StopInstancesCommand)[0].args[0].input).toEqual({
      InstanceIds: ['i-1'],
    });
    expect(ec2.commandCalls(StartInstancesCommand)[0].args[0].input).toEqual({
      InstanceIds: ['i-1'],
    });
  });

  it('terminates and waits; an instance already gone is deleted', async () => {
    ec2.on(TerminateInstancesCommand).resolves({});
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        { Instances: [{ InstanceId: 'i-1', State: { Name: 'terminated' } }] },
      ],
    });
    await expect(
      provider().apply({
        region: REGION,
        change: { action: 'delete', type: 'aws_instance', cloudId: 'i-1' },
        resolved: {},
      }),
    ).resolves.toBeUndefined();
    ec2.on(TerminateInstancesCommand).rejects(
      Object.assign(new Error('The instance ID i-2 does not exist'), {
        name: 'InvalidInstanceID.NotFound',
      }),
    );
    await expect(
      provider().apply({
        region: REGION,
        change: { action: 'delete', type: 'aws_instance', cloudId: 'i-2' },
        resolved: {},
      }),
    ).resolves.toBeUndefined();
  });

  it('stops an instance for day 2 and waits until it is stopped', async () => {
    ec2.on(StopInstancesCommand).resolves({});
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        { Instances: [{ InstanceId: 'i-1', State: { Name: 'stopped' } }] },
      ],
    });
    const state = await provider().instanceAction({
      region: REGION,
      cloudId: 'i-1',
      action: 'stop',
    });
    expect(state.status).toBe('stopped');
  });
});

describe('security groups', () => {
  const ssh = resource({
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
  const group = (ingress: object[]) => ({
    SecurityGroups: [
      {
        GroupId: 'sg-1',
        GroupName: 'n',
        IpPermissions: ingress,
        IpPermissionsEgress: [
          { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ],
      },
    ],
  });

  it('looks the creation token up, creates with tags, then authorizes only what is missing', async () => {
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [] })
      .resolvesOnce(group([]))
      .resolves(
        group([
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '203.0.113.4/32' }],
          },
        ]),
      );
    ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: 'sg-1' });
    ec2.on(AuthorizeSecurityGroupIngressCommand).resolves({});
    await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: ssh,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: {},
    });
    expect(
      ec2.commandCalls(DescribeSecurityGroupsCommand)[0].args[0].input,
    ).toEqual({
      Filters: [{ Name: `tag:${INTENT_TAGS.creationToken}`, Values: [TOKEN] }],
      MaxResults: 1000,
    });
    expect(
      ec2.commandCalls(CreateSecurityGroupCommand)[0].args[0].input,
    ).toEqual({
      GroupName: 'intent-ssh-sess-1-r2-ab',
      Description: 'Managed by intent sandboxes',
      VpcId: undefined,
      TagSpecifications: [
        { ResourceType: 'security-group', Tags: ec2Tags(TAGS) },
      ],
    });
    expect(
      ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)[0].args[0].input,
    ).toEqual({
      GroupId: 'sg-1',
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '203.0.113.4/32', Description: undefined }],
        },
      ],
    });
    // the default egress matches the plan's: nothing revoked
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
  });

  it('on a retried create finds the group and creates nothing', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves(
      group([
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '203.0.113.4/32' }],
        },
      ]),
    );
    await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: ssh,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: {},
    });
    expect(ec2.commandCalls(CreateSecurityGroupCommand)).toHaveLength(0);
    expect(ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(
      0,
    );
  });

  it('updates by revoking what the plan dropped', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves(
      group([
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '203.0.113.4/32' }, { CidrIp: '0.0.0.0/0' }],
        },
      ]),
    );
    ec2.on(RevokeSecurityGroupIngressCommand).resolves({});
    await provider().apply({
      region: REGION,
      change: {
        action: 'update',
        resource: ssh,
        cloudId: 'sg-1',
        tags: TAGS,
        changedFields: ['ingress'],
      },
      resolved: {},
    });
    expect(
      ec2.commandCalls(RevokeSecurityGroupIngressCommand)[0].args[0].input,
    ).toEqual({
      GroupId: 'sg-1',
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        },
      ],
    });
  });

  it('deletes; a group already gone is deleted', async () => {
    ec2
      .on(DeleteSecurityGroupCommand)
      .rejects(
        Object.assign(new Error('gone'), { name: 'InvalidGroup.NotFound' }),
      );
    await expect(
      provider().apply({
        region: REGION,
        change: {
          action: 'delete',
          type: 'aws_security_group',
          cloudId: 'sg-1',
        },
        resolved: {},
      }),
    ).resolves.toBeUndefined();
  });
});

describe('key pairs, volumes, route tables and buckets', () => {
  it('imports a key pair with tags after looking the token up', async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2
      .on(ImportKeyPairCommand)
      .resolves({ KeyPairId: 'key-1', KeyName: 'laptop' });
    const key = resource({
      type: 'aws_key_pair',
      name: 'me',
      keyName: 'laptop',
      publicKey: 'ssh-ed25519 AAAA me',
    });
    const state = await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: key,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: {},
    });
    expect(state?.cloudId).toBe('key-1');
    expect(ec2.commandCalls(ImportKeyPairCommand)[0].args[0].input).toEqual({
      KeyName: 'laptop',
      PublicKeyMaterial: Buffer.from('ssh-ed25519 AAAA me'),
      TagSpecifications: [{ ResourceType: 'key-pair', Tags: ec2Tags(TAGS) }],
    });
  });

  it('creates a volume encrypted, with the client token', async () => {
    ec2
      .on(CreateVolumeCommand)
      .resolves({ VolumeId: 'vol-1', State: 'creating' });
    ec2.on(DescribeVolumesCommand).resolves({
      Volumes: [{ VolumeId: 'vol-1', State: 'available', Size: 20 }],
    });
    const volume = resource({
      type: 'aws_ebs_volume',
      name: 'data',
      sizeGb: 20,
      availabilityZone: 'eu-west-1b',
    });
    await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: volume,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: {},
    });
    expect(ec2.commandCalls(CreateVolumeCommand)[0].args[0].input).toEqual({
      AvailabilityZone: 'eu-west-1b',
      Size: 20,
      VolumeType: 'gp3',
      Encrypted: true,
      Iops: undefined,
      ClientToken: TOKEN,
      TagSpecifications: [{ ResourceType: 'volume', Tags: ec2Tags(TAGS) }],
    });
  });

  it('creates a route table with the client token', async () => {
    ec2.on(CreateRouteTableCommand).resolves({
      RouteTable: { RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [] },
    });
    const table = resource({
      type: 'aws_route_table',
      name: 'rt',
      vpc: 'aws_vpc.main',
    });
    await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: table,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: { 'aws_vpc.main': 'vpc-1' },
    });
    expect(ec2.commandCalls(CreateRouteTableCommand)[0].args[0].input).toEqual({
      VpcId: 'vpc-1',
      ClientToken: TOKEN,
      TagSpecifications: [{ ResourceType: 'route-table', Tags: ec2Tags(TAGS) }],
    });
  });

  it('creates a bucket owner-enforced, blocks public access, tags and encrypts it', async () => {
    s3.on(CreateBucketCommand).resolves({});
    s3.on(PutPublicAccessBlockCommand).resolves({});
    s3.on(PutBucketTaggingCommand).resolves({});
    s3.on(PutBucketEncryptionCommand).resolves({});
    const bucket = resource({
      type: 'aws_s3_bucket',
      name: 'logs',
      bucketName: 'my-logs',
    });
    const state = await provider().apply({
      region: REGION,
      change: {
        action: 'create',
        resource: bucket,
        clientToken: TOKEN,
        tags: TAGS,
      },
      resolved: {},
    });
    expect(state).toMatchObject({
      cloudId: 'my-logs',
      attributes: { blockPublicAccess: true, versioning: false },
    });
    expect(s3.commandCalls(CreateBucketCommand)[0].args[0].input).toEqual({
      Bucket: 'my-logs',
      ObjectOwnership: 'BucketOwnerEnforced',
      CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
    });
    expect(
      s3.commandCalls(PutPublicAccessBlockCommand)[0].args[0].input
        .PublicAccessBlockConfiguration,
    ).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });

  it('refuses a bucket of this account that another create made', async () => {
    s3.on(CreateBucketCommand).rejects(
      Object.assign(new Error('yours'), { name: 'BucketAlreadyOwnedByYou' }),
    );
    s3.on(GetBucketTaggingCommand).resolves({
      TagSet: [{ Key: INTENT_TAGS.creationToken, Value: 'another' }],
    });
    const bucket = resource({
      type: 'aws_s3_bucket',
      name: 'logs',
      bucketName: 'my-logs',
    });
    await expect(
      provider().apply({
        region: REGION,
        change: {
          action: 'create',
          resource: bucket,
          clientToken: TOKEN,
          tags: TAGS,
        },
        resolved: {},
      }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'BucketAlreadyOwnedByYou',
      message:
        "A bucket with this name already exists in this account and is not this session's: choose another bucketName or delete that bucket (aws_s3_bucket.logs, bucket my-logs)",
    });
  });
});

describe('describing', () => {
  it('batches ids by 1000 and leaves out ids that no longer exist', async () => {
    const ids = Array.from(
      { length: 1500 },
      (_, n) => `i-${n.toString(16).padStart(8, '0')}`,
    );
    ec2.on(DescribeInstancesCommand).callsFake(input => {
      if (input.InstanceIds.includes('i-00000001')) {
        throw Object.assign(
          new Error("The instance ID 'i-00000001' does not exist"),
          { name: 'InvalidInstanceID.NotFound' },
        );
      }
      return {
        Reservations: [
          {
            Instances: input.InstanceIds.map((id: string) => ({
              InstanceId: id,
              State: { Name: 'running' },
            })),
          },
        ],
      };
    });
    const states = await provider().describe({
      region: REGION,
      cloudIds: ids.map(cloudId => ({
        type: 'aws_instance' as const,
        cloudId,
      })),
    });
    expect(states).toHaveLength(1499);
    const sizes = ec2
      .commandCalls(DescribeInstancesCommand)
      .map(c => c.args[0].input.InstanceIds!.length);
    expect(sizes).toEqual([1000, 999, 500]);
  });

  it('pages through describes by tag', async () => {
    ec2.onAnyCommand().resolves({});
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({ ...running('i-1'), NextToken: 'page-2' })
      .resolvesOnce(running('i-2'));
    s3.onAnyCommand().resolves({ Buckets: [] });
    const states = await provider().describe({
      region: REGION,
      tags: { [INTENT_TAGS.session]: 'sess-1' },
    });
    expect(states.map(s => s.cloudId)).toEqual(['i-1', 'i-2']);
    // (the paginator reuses one input object, so only the last state is seen)
    const calls = ec2
      .commandCalls(DescribeInstancesCommand)
      .map(c => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({
      Filters: [{ Name: 'tag:intent:session', Values: ['sess-1'] }],
      MaxResults: 1000,
      NextToken: 'page-2',
    });
  });
});

describe('images and checks', () => {
  it('resolves Ubuntu from its SSM parameter, RHEL from DescribeImages newest first', async () => {
    ssm
      .on(GetParameterCommand)
      .resolves({ Parameter: { Value: 'ami-0aaaaaaaaaaaaaaaa' } });
    await expect(
      provider().resolveImage({
        region: REGION,
        image: { os: 'ubuntu', version: '24.04', architecture: 'arm64' },
      }),
    ).resolves.toEqual({ imageId: 'ami-0aaaaaaaaaaaaaaaa' });
    expect(ssm.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({
      Name: '/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id',
    });
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0old', CreationDate: '2025-01-01T00:00:00.000Z' },
        { ImageId: 'ami-0new', CreationDate: '2025-06-01T00:00:00.000Z' },
      ],
    });
    await expect(
      provider().resolveImage({
        region: REGION,
        image: { os: 'rhel', version: '9', architecture: 'x86_64' },
      }),
    ).resolves.toEqual({ imageId: 'ami-0new' });
    expect(ec2.commandCalls(DescribeImagesCommand)[0].args[0].input).toEqual({
      Owners: ['309956199498'],
      Filters: [
        { Name: 'name', Values: ['RHEL-9*_HVM-*-x86_64-*'] },
        { Name: 'architecture', Values: ['x86_64'] },
        { Name: 'state', Values: ['available'] },
      ],
    });
  });

  it('asks for another type when the region lacks it and denies a wrong architecture', async () => {
    ec2
      .on(DescribeInstanceTypeOfferingsCommand)
      .resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.micro' }] });
    ec2.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [
        {
          InstanceType: 't3.micro',
          ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
        },
      ],
    });
    ec2.on(DescribeImagesCommand).resolves({
      Images: [{ ImageId: 'ami-0123456789abcdef0', Architecture: 'arm64' }],
    });
    const parsed = parsePlan({
      formatVersion: 1,
      region: REGION,
      resources: [
        {
          type: 'aws_instance',
          name: 'a',
          instanceType: 't3.micro',
          image: {
            os: 'ubuntu',
            version: '24.04',
            architecture: 'arm64',
            id: 'ami-0123456789abcdef0',
          },
        },
        {
          type: 'aws_instance',
          name: 'b',
          instanceType: 'x2iedn.metal',
          image: {
            os: 'ubuntu',
            version: '24.04',
            architecture: 'x86_64',
            id: 'ami-0123456789abcdef0',
          },
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.problems.join());
    const checks = await provider().checkPlan({
      region: REGION,
      plan: parsed.plan,
      live: {},
    });
    expect(checks).toEqual([
      {
        id: 'image-architecture-mismatch',
        outcome: 'deny',
        address: 'aws_instance.a',
        field: 'image.architecture',
        message: 't3.micro runs x86_64 images, but the image is arm64',
        fix: 'Pick an arm64 instance type or an image for x86_64',
      },
      {
        id: 'instance-type-not-offered',
        outcome: 'question',
        address: 'aws_instance.b',
        field: 'instanceType',
        message: 'x2iedn.metal is not offered in eu-west-1',
        fix: 'Pick an instance type that eu-west-1 offers, or another region',
      },
    ]);
    expect(
      ec2.commandCalls(DescribeInstanceTypeOfferingsCommand)[0].args[0].input,
    ).toEqual({
      LocationType: 'region',
      Filters: [
        { Name: 'instance-type', Values: ['t3.micro', 'x2iedn.metal'] },
      ],
    });
  });
});

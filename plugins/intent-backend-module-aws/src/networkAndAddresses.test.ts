// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AttachVolumeCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DisassociateAddressCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ReleaseAddressCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
} from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import {
  PlanResource,
  planResourceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { INTENT_TAGS } from '@intent-sandboxes/backstage-plugin-intent-node';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsCloudProvider } from './AwsCloudProvider';

const ec2 = mockClient(EC2Client);
const REGION = 'eu-west-1';
const TOKEN = 'tok-1';
const TAGS = {
  [INTENT_TAGS.session]: 's',
  [INTENT_TAGS.creationToken]: TOKEN,
};
const byToken = [{ Name: `tag:${INTENT_TAGS.creationToken}`, Values: [TOKEN] }];

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

const create = (input: object, resolved: Record<string, string> = {}) =>
  provider().apply({
    region: REGION,
    change: {
      action: 'create',
      resource: planResourceSchema.parse(input) as PlanResource,
      clientToken: TOKEN,
      tags: TAGS,
    },
    resolved,
  });

const remove = (type: PlanResource['type'], cloudId: string) =>
  provider().apply({
    region: REGION,
    change: { action: 'delete', type, cloudId },
    resolved: {},
  });

const tagSpec = (ResourceType: string) => [
  {
    ResourceType,
    Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
  },
];

beforeEach(() => ec2.reset());

describe('network resources', () => {
  it('creates a VPC after the token lookup and waits until it is available', async () => {
    ec2
      .on(DescribeVpcsCommand)
      .resolvesOnce({ Vpcs: [] })
      .resolves({
        Vpcs: [
          { VpcId: 'vpc-1', State: 'available', CidrBlock: '10.0.0.0/16' },
        ],
      });
    ec2.on(CreateVpcCommand).resolves({ Vpc: { VpcId: 'vpc-1' } });
    const state = await create({
      type: 'aws_vpc',
      name: 'main',
      cidrBlock: '10.0.0.0/16',
    });
    expect(state).toMatchObject({
      cloudId: 'vpc-1',
      attributes: { cidrBlock: '10.0.0.0/16' },
    });
    expect(
      ec2.commandCalls(DescribeVpcsCommand)[0].args[0].input.Filters,
    ).toEqual(byToken);
    expect(ec2.commandCalls(CreateVpcCommand)[0].args[0].input).toEqual({
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: tagSpec('vpc'),
    });
  });

  it('creates a public subnet: CreateSubnet, then MapPublicIpOnLaunch', async () => {
    ec2
      .on(DescribeSubnetsCommand)
      .resolvesOnce({ Subnets: [] })
      .resolves({
        Subnets: [
          {
            SubnetId: 'subnet-1',
            State: 'available',
            MapPublicIpOnLaunch: false,
          },
        ],
      });
    ec2.on(CreateSubnetCommand).resolves({ Subnet: { SubnetId: 'subnet-1' } });
    ec2.on(ModifySubnetAttributeCommand).resolves({});
    const state = await create(
      {
        type: 'aws_subnet',
        name: 'pub',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.0.1.0/24',
        availabilityZone: 'eu-west-1a',
        mapPublicIpOnLaunch: true,
      },
      { 'aws_vpc.main': 'vpc-1' },
    );
    expect(state?.attributes.mapPublicIpOnLaunch).toBe(true);
    expect(ec2.commandCalls(CreateSubnetCommand)[0].args[0].input).toEqual({
      VpcId: 'vpc-1',
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'eu-west-1a',
      TagSpecifications: tagSpec('subnet'),
    });
    expect(
      ec2.commandCalls(ModifySubnetAttributeCommand)[0].args[0].input,
    ).toEqual({
      SubnetId: 'subnet-1',
      MapPublicIpOnLaunch: { Value: true },
    });
  });

  it('creates and attaches an internet gateway; detaches it before deleting', async () => {
    ec2
      .on(DescribeInternetGatewaysCommand)
      .resolvesOnce({ InternetGateways: [] });
    ec2
      .on(CreateInternetGatewayCommand)
      .resolves({ InternetGateway: { InternetGatewayId: 'igw-1' } });
    ec2.on(AttachInternetGatewayCommand).resolves({});
    await create(
      { type: 'aws_internet_gateway', name: 'gw', vpc: 'aws_vpc.main' },
      { 'aws_vpc.main': 'vpc-1' },
    );
    expect(
      ec2.commandCalls(CreateInternetGatewayCommand)[0].args[0].input,
    ).toEqual({ TagSpecifications: tagSpec('internet-gateway') });
    expect(
      ec2.commandCalls(AttachInternetGatewayCommand)[0].args[0].input,
    ).toEqual({ InternetGatewayId: 'igw-1', VpcId: 'vpc-1' });

    ec2.on(DescribeInternetGatewaysCommand).resolves({
      InternetGateways: [
        { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1' }] },
      ],
    });
    ec2.on(DetachInternetGatewayCommand).resolves({});
    ec2.on(DeleteInternetGatewayCommand).resolves({});
    await remove('aws_internet_gateway', 'igw-1');
    expect(
      ec2.commandCalls(DetachInternetGatewayCommand)[0].args[0].input,
    ).toEqual({ InternetGatewayId: 'igw-1', VpcId: 'vpc-1' });
    expect(ec2.commandCalls(DeleteInternetGatewayCommand)).toHaveLength(1);
  });

  it('reuses an existing association of the subnet with the table', async () => {
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        {
          RouteTableId: 'rtb-1',
          Associations: [
            { RouteTableAssociationId: 'rtbassoc-1', SubnetId: 'subnet-1' },
          ],
        },
      ],
    });
    const state = await create(
      {
        type: 'aws_route_table_association',
        name: 'a',
        subnet: 'aws_subnet.pub',
        routeTable: 'aws_route_table.rt',
      },
      { 'aws_subnet.pub': 'subnet-1', 'aws_route_table.rt': 'rtb-1' },
    );
    expect(state?.cloudId).toBe('rtbassoc-1');
    expect(ec2.commandCalls(AssociateRouteTableCommand)).toHaveLength(0);
  });

  it('adds the routes a new route table lacks', async () => {
    ec2
      .on(CreateRouteTableCommand)
      .resolves({ RouteTable: { RouteTableId: 'rtb-1', Routes: [] } });
    ec2.on(CreateRouteCommand).resolves({});
    ec2.on(DescribeRouteTablesCommand).resolves({
      RouteTables: [
        {
          RouteTableId: 'rtb-1',
          Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }],
        },
      ],
    });
    await create(
      {
        type: 'aws_route_table',
        name: 'rt',
        vpc: 'aws_vpc.main',
        routes: [
          { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.gw' },
        ],
      },
      { 'aws_vpc.main': 'vpc-1', 'aws_internet_gateway.gw': 'igw-1' },
    );
    expect(ec2.commandCalls(CreateRouteCommand)[0].args[0].input).toEqual({
      RouteTableId: 'rtb-1',
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: 'igw-1',
    });
  });

  it('deletes a VPC that is already gone', async () => {
    ec2
      .on(DeleteVpcCommand)
      .rejects(
        Object.assign(new Error('gone'), { name: 'InvalidVpcID.NotFound' }),
      );
    await expect(remove('aws_vpc', 'vpc-1')).resolves.toBeUndefined();
  });
});

describe('addresses and attachments', () => {
  it('allocates a tagged address and associates it with the instance', async () => {
    ec2
      .on(DescribeAddressesCommand)
      .resolvesOnce({ Addresses: [] })
      .resolves({
        Addresses: [
          {
            AllocationId: 'eipalloc-1',
            InstanceId: 'i-1',
            PublicIp: '198.51.100.1',
          },
        ],
      });
    ec2
      .on(AllocateAddressCommand)
      .resolves({ AllocationId: 'eipalloc-1', PublicIp: '198.51.100.1' });
    ec2.on(AssociateAddressCommand).resolves({});
    const state = await create(
      { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
      { 'aws_instance.web': 'i-1' },
    );
    expect(state?.attributes).toMatchObject({
      instance: 'i-1',
      publicIp: '198.51.100.1',
    });
    expect(ec2.commandCalls(AllocateAddressCommand)[0].args[0].input).toEqual({
      Domain: 'vpc',
      TagSpecifications: tagSpec('elastic-ip'),
    });
    expect(ec2.commandCalls(AssociateAddressCommand)[0].args[0].input).toEqual({
      AllocationId: 'eipalloc-1',
      InstanceId: 'i-1',
    });
  });

  it('disassociates before releasing', async () => {
    ec2.on(DescribeAddressesCommand).resolves({
      Addresses: [
        {
          AllocationId: 'eipalloc-1',
          AssociationId: 'eipassoc-1',
          InstanceId: 'i-1',
        },
      ],
    });
    ec2.on(DisassociateAddressCommand).resolves({});
    ec2.on(ReleaseAddressCommand).resolves({});
    await remove('aws_eip', 'eipalloc-1');
    expect(
      ec2.commandCalls(DisassociateAddressCommand)[0].args[0].input,
    ).toEqual({ AssociationId: 'eipassoc-1' });
    expect(ec2.commandCalls(ReleaseAddressCommand)[0].args[0].input).toEqual({
      AllocationId: 'eipalloc-1',
    });
  });

  it('attaches a volume as DEVICE:VOLUME:INSTANCE and waits until it is in use', async () => {
    ec2
      .on(DescribeVolumesCommand)
      .resolvesOnce({
        Volumes: [{ VolumeId: 'vol-1', State: 'available', Attachments: [] }],
      })
      .resolves({
        Volumes: [
          {
            VolumeId: 'vol-1',
            State: 'in-use',
            Attachments: [
              { Device: '/dev/sdf', InstanceId: 'i-1', State: 'attached' },
            ],
          },
        ],
      });
    ec2.on(AttachVolumeCommand).resolves({});
    const state = await create(
      {
        type: 'aws_volume_attachment',
        name: 'data',
        volume: 'aws_ebs_volume.data',
        instance: 'aws_instance.web',
        deviceName: '/dev/sdf',
      },
      { 'aws_ebs_volume.data': 'vol-1', 'aws_instance.web': 'i-1' },
    );
    expect(state?.cloudId).toBe('/dev/sdf:vol-1:i-1');
    expect(ec2.commandCalls(AttachVolumeCommand)[0].args[0].input).toEqual({
      VolumeId: 'vol-1',
      InstanceId: 'i-1',
      Device: '/dev/sdf',
    });
  });
});

describe('replace', () => {
  it('creates the new instance with its own token, then terminates the old one', async () => {
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0123456789abcdef0', RootDeviceName: '/dev/xvda' },
      ],
    });
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [{ SubnetId: 'subnet-a', AvailabilityZone: 'eu-west-1a' }],
    });
    ec2
      .on(RunInstancesCommand)
      .resolves({ Instances: [{ InstanceId: 'i-new' }] });
    ec2.on(DescribeInstancesCommand).callsFake(input => ({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: input.InstanceIds[0],
              State: {
                Name:
                  input.InstanceIds[0] === 'i-old' ? 'terminated' : 'running',
              },
            },
          ],
        },
      ],
    }));
    ec2.on(TerminateInstancesCommand).resolves({});
    const created = await create({
      type: 'aws_instance',
      name: 'web',
      instanceType: 't3.micro',
      image: {
        os: 'amazon-linux',
        version: '2023',
        architecture: 'x86_64',
        id: 'ami-0123456789abcdef0',
      },
    });
    await remove('aws_instance', 'i-old');
    expect(created?.cloudId).toBe('i-new');
    expect(
      ec2.commandCalls(RunInstancesCommand)[0].args[0].input.ClientToken,
    ).toBe(TOKEN);
    expect(
      ec2.commandCalls(TerminateInstancesCommand)[0].args[0].input,
    ).toEqual({ InstanceIds: ['i-old'] });
  });
});

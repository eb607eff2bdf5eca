// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Address,
  Instance,
  InternetGateway,
  IpPermission,
  KeyPairInfo,
  RouteTable,
  SecurityGroup,
  Subnet,
  Volume,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { tagRecord } from './context';

/* What EC2 describes, in the plan's field names (see CloudResourceState). */

/** An EC2 permission as plan rules (one per permission, sources merged). */
export function rulesOf(
  permissions: IpPermission[] | undefined,
): SecurityGroupRule[] {
  return (permissions ?? [])
    .map(p => {
      const all = p.IpProtocol === '-1';
      const description =
        p.IpRanges?.find(r => r.Description)?.Description ??
        p.Ipv6Ranges?.find(r => r.Description)?.Description;
      return {
        protocol: (all ? 'all' : p.IpProtocol) as SecurityGroupRule['protocol'],
        fromPort: all ? 0 : p.FromPort ?? 0,
        toPort: all ? 0 : p.ToPort ?? 0,
        cidrBlocks: (p.IpRanges ?? []).map(r => r.CidrIp!).sort(),
        ipv6CidrBlocks: (p.Ipv6Ranges ?? []).map(r => r.CidrIpv6!).sort(),
        ...(description ? { description } : {}),
      };
    })
    .filter(r => r.cidrBlocks.length + r.ipv6CidrBlocks.length > 0)
    .sort((a, b) =>
      `${a.protocol}/${a.fromPort}/${a.toPort}`.localeCompare(
        `${b.protocol}/${b.fromPort}/${b.toPort}`,
      ),
    );
}

/** Plan rules as EC2 permissions. */
export function permissionsOf(rules: SecurityGroupRule[]): IpPermission[] {
  return rules.map(rule => {
    const all = rule.protocol === 'all';
    return {
      IpProtocol: all ? '-1' : rule.protocol,
      ...(all ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
      IpRanges: rule.cidrBlocks.map(CidrIp => ({
        CidrIp,
        Description: rule.description,
      })),
      Ipv6Ranges: rule.ipv6CidrBlocks.map(CidrIpv6 => ({
        CidrIpv6,
        Description: rule.description,
      })),
    };
  });
}

export function securityGroupState(group: SecurityGroup): CloudResourceState {
  return {
    type: 'aws_security_group',
    cloudId: group.GroupId!,
    status: 'available',
    attributes: {
      groupName: group.GroupName,
      description: group.Description,
      vpc: group.VpcId,
      ingress: rulesOf(group.IpPermissions),
      egress: rulesOf(group.IpPermissionsEgress),
    },
    tags: tagRecord(group.Tags),
  };
}

export function volumeState(volume: Volume): CloudResourceState {
  return {
    type: 'aws_ebs_volume',
    cloudId: volume.VolumeId!,
    status: volume.State ?? 'unknown',
    attributes: {
      sizeGb: volume.Size,
      volumeType: volume.VolumeType,
      encrypted: volume.Encrypted ?? false,
      ...(volume.Iops !== undefined && volume.VolumeType !== 'gp2'
        ? { iops: volume.Iops }
        : {}),
      availabilityZone: volume.AvailabilityZone,
      attachedTo: (volume.Attachments ?? []).map(a => a.InstanceId),
    },
    tags: tagRecord(volume.Tags),
  };
}

/** The cloud id of an attachment, as Terraform imports it: `DEVICE:VOLUME:INSTANCE`. */
export function attachmentId(
  device: string,
  volumeId: string,
  instanceId: string,
) {
  return `${device}:${volumeId}:${instanceId}`;
}

export function parseAttachmentId(cloudId: string) {
  const [deviceName, volumeId, instanceId] = cloudId.split(':');
  return { deviceName, volumeId, instanceId };
}

/** The attachments of a volume, one state each. */
export function attachmentStates(volume: Volume): CloudResourceState[] {
  return (volume.Attachments ?? [])
    .filter(a => a.Device && a.InstanceId)
    .map(a => ({
      type: 'aws_volume_attachment' as const,
      cloudId: attachmentId(a.Device!, volume.VolumeId!, a.InstanceId!),
      status: a.State ?? 'unknown',
      attributes: {
        volume: volume.VolumeId,
        instance: a.InstanceId,
        deviceName: a.Device,
      },
      tags: tagRecord(volume.Tags),
    }));
}

export function addressState(address: Address): CloudResourceState {
  return {
    type: 'aws_eip',
    cloudId: address.AllocationId!,
    status: 'available',
    attributes: {
      instance: address.InstanceId,
      publicIp: address.PublicIp,
      associationId: address.AssociationId,
    },
    tags: tagRecord(address.Tags),
  };
}

export function keyPairState(key: KeyPairInfo): CloudResourceState {
  return {
    type: 'aws_key_pair',
    cloudId: key.KeyPairId!,
    status: 'available',
    attributes: {
      keyName: key.KeyName,
      keyFingerprint: key.KeyFingerprint,
    },
    tags: tagRecord(key.Tags),
  };
}

export function vpcState(vpc: Vpc): CloudResourceState {
  return {
    type: 'aws_vpc',
    cloudId: vpc.VpcId!,
    status: vpc.State ?? 'unknown',
    attributes: { cidrBlock: vpc.CidrBlock, isDefault: vpc.IsDefault ?? false },
    tags: tagRecord(vpc.Tags),
  };
}

export function subnetState(subnet: Subnet): CloudResourceState {
  return {
    type: 'aws_subnet',
    cloudId: subnet.SubnetId!,
    status: subnet.State ?? 'unknown',
    attributes: {
      vpc: subnet.VpcId,
      cidrBlock: subnet.CidrBlock,
      availabilityZone: subnet.AvailabilityZone,
      mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
      defaultForAz: subnet.DefaultForAz ?? false,
    },
    tags: tagRecord(subnet.Tags),
  };
}

export function internetGatewayState(
  gateway: InternetGateway,
): CloudResourceState {
  return {
    type: 'aws_internet_gateway',
    cloudId: gateway.InternetGatewayId!,
    status: gateway.Attachments?.length ? 'attached' : 'detached',
    attributes: { vpc: gateway.Attachments?.[0]?.VpcId },
    tags: tagRecord(gateway.Tags),
  };
}

export function routeTableState(table: RouteTable): CloudResourceState {
  return {
    type: 'aws_route_table',
    cloudId: table.RouteTableId!,
    status: 'available',
    attributes: {
      vpc: table.VpcId,
      routes: (table.Routes ?? [])
        .filter(r => r.GatewayId?.startsWith('igw-') && r.DestinationCidrBlock)
        .map(r => ({ cidrBlock: r.DestinationCidrBlock, gateway: r.GatewayId }))
        .sort((a, b) => a.cidrBlock!.localeCompare(b.cidrBlock!)),
    },
    tags: tagRecord(table.Tags),
  };
}

/** The subnet associations of a route table, one state each. */
export function associationStates(table: RouteTable): CloudResourceState[] {
  return (table.Associations ?? [])
    .filter(a => a.SubnetId && a.RouteTableAssociationId)
    .map(a => ({
      type: 'aws_route_table_association' as const,
      cloudId: a.RouteTableAssociationId!,
      status: a.AssociationState?.State ?? 'associated',
      attributes: { subnet: a.SubnetId, routeTable: table.RouteTableId },
      tags: tagRecord(table.Tags),
    }));
}

/** An EC2 instance in the plan's field names, plus its addresses. */
export function instanceState(instance: Instance): CloudResourceState {
  const tags = tagRecord(instance.Tags);
  const attributes: Record<string, unknown> = {
    instanceType: instance.InstanceType,
    imageId: instance.ImageId,
    subnet: instance.SubnetId,
    vpc: instance.VpcId,
    securityGroups: (instance.SecurityGroups ?? []).map(g => g.GroupId).sort(),
    keyName: instance.KeyName,
    associatePublicIp: !!instance.PublicIpAddress,
    availabilityZone: instance.Placement?.AvailabilityZone,
    metadataHttpTokens: instance.MetadataOptions?.HttpTokens,
    architecture: instance.Architecture,
    rootVolumeId: instance.BlockDeviceMappings?.find(
      b => b.DeviceName === instance.RootDeviceName,
    )?.Ebs?.VolumeId,
    launchTime: instance.LaunchTime?.toISOString(),
  };
  for (const [key, value] of [
    ['publicIp', instance.PublicIpAddress],
    ['privateIp', instance.PrivateIpAddress],
    ['publicDns', instance.PublicDnsName],
    ['privateDns', instance.PrivateDnsName],
  ] as const) {
    if (value) {
      attributes[key] = value;
    }
  }
  return {
    type: 'aws_instance',
    cloudId: instance.InstanceId!,
    status: instance.State?.Name ?? 'unknown',
    attributes,
    tags,
  };
}

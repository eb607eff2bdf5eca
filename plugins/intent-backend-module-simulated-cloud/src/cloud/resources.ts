// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsEbsVolume,
  AwsEip,
  AwsInstance,
  AwsKeyPair,
  AwsS3Bucket,
  AwsSecurityGroup,
  AwsSubnet,
  AwsVolumeAttachment,
  AwsVpc,
  PlanResource,
  ResourceType,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';
import {
  availabilityZones,
  findImage,
  findInstanceType,
  stableHex,
} from './catalog';
import {
  cidrContains,
  cidrOverlaps,
  defaultSecurityGroupId,
  defaultSubnet,
  defaultVpc,
  newCloudId,
  parseCidr,
  randomPrivateIp,
  randomPublicIp,
  SubnetFacts,
  zoneExists,
} from './network';
import { SimulatedCloudError } from './SimulatedCloudError';
import { SimResource, SimulatedStore, statusOf } from './store';

/** What the rules of one resource type may look at. */
export interface RuleContext {
  region: string;
  /** The plan address of the resource being changed. */
  address: string;
  now: number;
  store: SimulatedStore;
  /** The cloud id of a referenced plan address; throws when the caller gave none. */
  resolve(address: string): string;
}

/** A resource about to be created, as the rules of its type shape it. */
export interface Initial {
  id: string;
  /** Unique while the resource lives. */
  liveKey: string;
  state: string;
  transitionAt: number | null;
  /** Cloud facts known only at creation (ids, addresses, times). */
  facts: Record<string, unknown>;
}

/** Timings of the simulated lifecycle. */
export interface Timings {
  bootMillis: number;
  volumeCreateMillis: number;
}

/**
 * The rules of one resource type: what the desired state is (validated like
 * EC2 validates a request) and how a new resource starts.
 */
export interface TypeRules<R extends PlanResource = PlanResource> {
  /** Whether the type carries tags (EC2 volume attachments do not). */
  taggable: boolean;
  /** The EC2 error for an id of this type that does not exist. */
  notFound(id: string): SimulatedCloudError;
  /** The error when another live resource holds the same unique key. */
  conflict(initial: Initial): SimulatedCloudError;
  /**
   * The desired attributes, in the plan's field names with references as
   * cloud ids, plus facts that follow from them. `current` is set for an
   * update: fields the cloud defaulted keep their value.
   */
  desired(
    resource: R,
    ctx: RuleContext,
    current?: SimResource,
  ): Promise<Record<string, unknown>>;
  /** Checks that only apply when creating (states of what it attaches to, ...). */
  checkCreate?(
    desired: Record<string, unknown>,
    ctx: RuleContext,
  ): Promise<void>;
  initial(
    resource: R,
    desired: Record<string, unknown>,
    ctx: RuleContext & { clientToken: string; timings: Timings },
  ): Initial;
}

const error = (code: string, message: string) =>
  new SimulatedCloudError(code, message);

/** EC2's (and S3's) error for an id of each type that does not exist. */
const NOT_FOUND: Record<ResourceType, (id: string) => SimulatedCloudError> = {
  aws_vpc: id =>
    error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
  aws_subnet: id =>
    error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  aws_security_group: id =>
    error('InvalidGroup.NotFound', `The security group '${id}' does not exist`),
  aws_key_pair: id =>
    error('InvalidKeyPair.NotFound', `The key pair '${id}' does not exist`),
  aws_instance: id =>
    error(
      'InvalidInstanceID.NotFound',
      `The instance ID '${id}' does not exist`,
    ),
  aws_ebs_volume: id =>
    error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`),
  aws_volume_attachment: id =>
    error(
      'InvalidAttachment.NotFound',
      `The volume attachment '${id}' does not exist.`,
    ),
  aws_eip: id =>
    error(
      'InvalidAllocationID.NotFound',
      `The allocation ID '${id}' does not exist`,
    ),
  aws_s3_bucket: id =>
    error('NoSuchBucket', `The specified bucket does not exist: ${id}`),
};

/** Looks a live resource of a type up, or throws that type's NotFound error. */
async function live(
  ctx: RuleContext,
  type: ResourceType,
  id: string,
): Promise<SimResource> {
  const found = await ctx.store.findLive(ctx.region, type, id);
  if (!found) {
    throw NOT_FOUND[type](id);
  }
  return found;
}

function subnetFacts(subnet: SimResource): SubnetFacts {
  const a = subnet.attributes;
  return {
    id: subnet.id,
    vpc: a.vpc as string,
    cidrBlock: a.cidrBlock as string,
    availabilityZone: a.availabilityZone as string,
    mapPublicIpOnLaunch: a.mapPublicIpOnLaunch as boolean,
  };
}

function checkPrefix(cidr: string, code: string) {
  const block = parseCidr(cidr);
  if (block.prefix < 16 || block.prefix > 28) {
    throw error(code, `The CIDR '${cidr}' is invalid.`);
  }
  return block;
}

const vpcRules: TypeRules<AwsVpc> = {
  taggable: true,
  notFound: NOT_FOUND.aws_vpc,
  conflict: initial =>
    error(
      'InvalidVpcID.Duplicate',
      `The vpc ID '${initial.id}' already exists`,
    ),
  async desired(resource) {
    checkPrefix(resource.cidrBlock, 'InvalidVpc.Range');
    return { cidrBlock: resource.cidrBlock };
  },
  initial(_resource, _desired, ctx) {
    const id = newCloudId('vpc');
    return {
      id,
      liveKey: `aws_vpc:${id}`,
      state: 'available',
      transitionAt: null,
      facts: {
        isDefault: false,
        instanceTenancy: 'default',
        defaultSecurityGroup: defaultSecurityGroupId(id),
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

const subnetRules: TypeRules<AwsSubnet> = {
  taggable: true,
  notFound: NOT_FOUND.aws_subnet,
  conflict: initial =>
    error(
      'InvalidSubnetID.Duplicate',
      `The subnet ID '${initial.id}' already exists`,
    ),
  async desired(resource, ctx, current) {
    const vpc = await live(ctx, 'aws_vpc', ctx.resolve(resource.vpc));
    const block = checkPrefix(resource.cidrBlock, 'InvalidSubnet.Range');
    if (!cidrContains(parseCidr(vpc.attributes.cidrBlock as string), block)) {
      throw error(
        'InvalidSubnet.Range',
        `The CIDR '${resource.cidrBlock}' is invalid.`,
      );
    }
    const siblings = await ctx.store.listLive(ctx.region, 'aws_subnet');
    const conflict = siblings.find(
      s =>
        s.seq !== current?.seq &&
        s.attributes.vpc === vpc.id &&
        cidrOverlaps(parseCidr(s.attributes.cidrBlock as string), block),
    );
    if (conflict) {
      throw error(
        'InvalidSubnet.Conflict',
        `The CIDR '${resource.cidrBlock}' conflicts with another subnet`,
      );
    }
    const zone =
      resource.availabilityZone ??
      (current?.attributes.availabilityZone as string | undefined) ??
      `${ctx.region}a`;
    if (!zoneExists(ctx.region, zone)) {
      throw error(
        'InvalidParameterValue',
        `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${availabilityZones(
          ctx.region,
        ).join(', ')}.`,
      );
    }
    return {
      vpc: vpc.id,
      cidrBlock: resource.cidrBlock,
      availabilityZone: zone,
      mapPublicIpOnLaunch: resource.mapPublicIpOnLaunch,
      availableIpAddressCount: block.size - 5,
    };
  },
  initial(_resource, _desired, ctx) {
    const id = newCloudId('subnet');
    return {
      id,
      liveKey: `aws_subnet:${id}`,
      state: 'available',
      transitionAt: null,
      facts: {
        defaultForAz: false,
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

function describeRule(rule: SecurityGroupRule, cidr: string) {
  const protocol =
    rule.protocol === 'all' ? 'ALL' : rule.protocol.toUpperCase();
  return `peer: ${cidr}, ${protocol}, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW`;
}

function checkRules(rules: SecurityGroupRule[]) {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (
      (rule.protocol === 'tcp' || rule.protocol === 'udp') &&
      rule.fromPort < 0
    ) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${rule.fromPort}' for portRange. Must specify both from and to ports with TCP/UDP.`,
      );
    }
    if (
      rule.protocol === 'icmp' &&
      (rule.fromPort > 255 || rule.toPort > 255)
    ) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${rule.fromPort}' for ICMP type; it must be between -1 and 255.`,
      );
    }
    for (const cidr of [...rule.cidrBlocks, ...rule.ipv6CidrBlocks]) {
      if (!cidr.includes(':')) {
        const [address, prefix] = cidr.split('/');
        if (
          address.split('.').some(o => Number(o) > 255) ||
          Number(prefix) > 32
        ) {
          throw error(
            'InvalidParameterValue',
            `CIDR block ${cidr} is malformed`,
          );
        }
      }
      const ports =
        rule.protocol === 'all' ? 'all' : `${rule.fromPort}-${rule.toPort}`;
      const key = `${rule.protocol}/${ports}/${cidr}`;
      if (seen.has(key)) {
        throw error(
          'InvalidPermission.Duplicate',
          `the specified rule "${describeRule(rule, cidr)}" already exists`,
        );
      }
      seen.add(key);
    }
  }
}

const securityGroupRules: TypeRules<AwsSecurityGroup> = {
  taggable: true,
  notFound: NOT_FOUND.aws_security_group,
  conflict: initial =>
    error(
      'InvalidGroup.Duplicate',
      `The security group '${initial.id}' already exists`,
    ),
  async desired(resource, ctx) {
    const vpc = resource.vpc
      ? (await live(ctx, 'aws_vpc', ctx.resolve(resource.vpc))).id
      : defaultVpc(ctx.region).id;
    checkRules(resource.ingress);
    checkRules(resource.egress);
    return {
      description: resource.description,
      vpc,
      ingress: resource.ingress,
      egress: resource.egress,
    };
  },
  initial(resource, _desired, ctx) {
    const id = newCloudId('sg');
    return {
      id,
      liveKey: `aws_security_group:${id}`,
      state: 'available',
      transitionAt: null,
      facts: { groupName: `${resource.name}-${stableHex(ctx.clientToken, 8)}` },
    };
  },
};

/** Decodes an OpenSSH public key; throws EC2's error when it is not one. */
function checkPublicKey(publicKey: string): Buffer {
  const [kind, data] = publicKey.split(' ');
  const blob = Buffer.from(data ?? '', 'base64');
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (length <= 0 || blob.subarray(4, 4 + length).toString('latin1') !== kind) {
    throw error(
      'InvalidKey.Format',
      'Key is not in valid OpenSSH public key format',
    );
  }
  return blob;
}

function fingerprint(blob: Buffer | string): string {
  return `SHA256:${createHash('sha256')
    .update(blob)
    .digest('base64')
    .replace(/=+$/, '')}`;
}

const keyPairRules: TypeRules<AwsKeyPair> = {
  taggable: true,
  notFound: NOT_FOUND.aws_key_pair,
  conflict: initial =>
    error(
      'InvalidKeyPair.Duplicate',
      `The keypair '${initial.facts.keyName}' already exists.`,
    ),
  async desired(resource, _ctx, current) {
    if (!resource.publicKey) {
      return current
        ? {
            publicKey: current.attributes.publicKey,
            keyType: current.attributes.keyType,
            keyFingerprint: current.attributes.keyFingerprint,
          }
        : { keyType: 'ed25519' };
    }
    const blob = checkPublicKey(resource.publicKey);
    const kind = resource.publicKey.split(' ')[0];
    return {
      publicKey: resource.publicKey,
      keyType: kind === 'ssh-rsa' ? 'rsa' : kind.replace(/^ssh-/, ''),
      keyFingerprint: fingerprint(blob),
    };
  },
  initial(resource, desired, ctx) {
    const id = newCloudId('key');
    const keyName = `${resource.name}-${stableHex(ctx.clientToken, 8)}`;
    return {
      id,
      liveKey: `aws_key_pair:${ctx.region}:${keyName}`,
      state: 'available',
      transitionAt: null,
      facts: {
        keyName,
        keyFingerprint:
          desired.keyFingerprint ?? fingerprint(`generated/${id}`),
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

const instanceRules: TypeRules<AwsInstance> = {
  taggable: true,
  notFound: NOT_FOUND.aws_instance,
  conflict: initial =>
    error(
      'InvalidInstanceID.Duplicate',
      `The instance ID '${initial.id}' already exists`,
    ),
  async desired(resource, ctx, current) {
    const cur = current?.attributes;
    const type = findInstanceType(resource.instanceType);
    if (!type) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${resource.instanceType}' for InstanceType.`,
      );
    }
    const image = findImage(ctx.region, resource.image);
    if (!image) {
      throw error(
        'InvalidAMIID.NotFound',
        `No ${resource.image.os} ${resource.image.version} image for ${resource.image.architecture} exists in ${ctx.region}`,
      );
    }
    if (type.architecture !== resource.image.architecture) {
      throw error(
        'InvalidParameterValue',
        `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${resource.image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.`,
      );
    }
    const root = resource.rootVolume;
    if (root.sizeGb < image.minRootGb) {
      throw error(
        'InvalidBlockDeviceMapping',
        `Volume of size ${root.sizeGb}GB is smaller than snapshot '${image.snapshotId}', expect size >= ${image.minRootGb}GB`,
      );
    }
    if (root.volumeType === 'st1' || root.volumeType === 'sc1') {
      throw error(
        'InvalidBlockDeviceMapping',
        `The volume type '${root.volumeType}' is not supported for root (boot) volumes.`,
      );
    }

    let subnet: SubnetFacts;
    if (resource.subnet) {
      subnet = subnetFacts(
        await live(ctx, 'aws_subnet', ctx.resolve(resource.subnet)),
      );
      if (
        resource.availabilityZone &&
        resource.availabilityZone !== subnet.availabilityZone
      ) {
        throw error(
          'InvalidParameterValue',
          `Value (${resource.availabilityZone}) for parameter availabilityZone is invalid. Subnet '${subnet.id}' is in the availability zone ${subnet.availabilityZone}`,
        );
      }
    } else {
      const zone =
        resource.availabilityZone ??
        (cur?.availabilityZone as string | undefined) ??
        `${ctx.region}a`;
      if (!zoneExists(ctx.region, zone)) {
        throw error(
          'InvalidParameterValue',
          `Invalid availability zone: [${zone}]`,
        );
      }
      subnet = defaultSubnet(ctx.region, zone);
    }

    const groupIds = [
      ...new Set(resource.securityGroups.map(a => ctx.resolve(a))),
    ];
    let securityGroups = [defaultSecurityGroupId(subnet.vpc)];
    if (groupIds.length > 0) {
      const groups = await ctx.store.listLive(
        ctx.region,
        'aws_security_group',
        groupIds,
      );
      for (const id of groupIds) {
        const group = groups.find(g => g.id === id);
        if (!group) {
          throw NOT_FOUND.aws_security_group(id);
        }
        if (group.attributes.vpc !== subnet.vpc) {
          throw error(
            'InvalidParameter',
            `Security group ${id} and subnet ${subnet.id} belong to different networks.`,
          );
        }
      }
      securityGroups = groupIds;
    }

    let keyName: string | undefined;
    const keyPair = resource.keyPair
      ? ctx.resolve(resource.keyPair)
      : undefined;
    if (keyPair) {
      keyName = (await live(ctx, 'aws_key_pair', keyPair)).attributes
        .keyName as string;
    }

    return {
      instanceType: resource.instanceType,
      image: { ...resource.image },
      subnet: subnet.id,
      securityGroups,
      keyPair,
      associatePublicIp:
        resource.associatePublicIp ??
        (cur?.associatePublicIp as boolean | undefined) ??
        subnet.mapPublicIpOnLaunch,
      availabilityZone: subnet.availabilityZone,
      rootVolume: { ...root },
      metadataHttpTokens: resource.metadataHttpTokens,
      imageId: image.imageId,
      imageName: image.name,
      platform: image.platform,
      architecture: type.architecture,
      vpc: subnet.vpc,
      keyName,
      privateIp:
        (cur?.privateIp as string | undefined) ??
        randomPrivateIp(subnet.cidrBlock),
    };
  },
  initial(_resource, desired, ctx) {
    const id = newCloudId('i');
    return {
      id,
      liveKey: `aws_instance:${id}`,
      state: 'pending',
      transitionAt: ctx.now + ctx.timings.bootMillis,
      facts: {
        publicIp: desired.associatePublicIp ? randomPublicIp() : undefined,
        launchTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

const VOLUME_SIZES: Record<string, [number, number]> = {
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};

function volumeIops(volume: AwsEbsVolume): number | undefined {
  const { volumeType, sizeGb, iops } = volume;
  if (volumeType === 'io1' || volumeType === 'io2') {
    if (iops === undefined) {
      throw error(
        'MissingParameter',
        'The request must contain the parameter iops',
      );
    }
    const perGb = volumeType === 'io1' ? 50 : 500;
    if (iops > perGb * sizeGb) {
      throw error(
        'InvalidParameterValue',
        `Iops to volume size ratio of ${(iops / sizeGb).toFixed(
          1,
        )} is too high; maximum is ${perGb}.`,
      );
    }
    return iops;
  }
  if (volumeType === 'gp3') {
    if (
      iops !== undefined &&
      (iops < 3000 || iops > 16000 || iops > 500 * sizeGb)
    ) {
      throw error(
        'InvalidParameterValue',
        `Volume iops of ${iops} is invalid for a ${sizeGb}GiB gp3 volume; it must be between 3000 and ${Math.min(
          16000,
          500 * sizeGb,
        )}.`,
      );
    }
    return iops ?? 3000;
  }
  if (iops !== undefined) {
    throw error(
      'InvalidParameterCombination',
      `The parameter iops is not supported for ${volumeType} volumes.`,
    );
  }
  return volumeType === 'gp2'
    ? Math.min(16000, Math.max(100, 3 * sizeGb))
    : undefined;
}

const volumeRules: TypeRules<AwsEbsVolume> = {
  taggable: true,
  notFound: NOT_FOUND.aws_ebs_volume,
  conflict: initial =>
    error(
      'InvalidVolume.Duplicate',
      `The volume '${initial.id}' already exists.`,
    ),
  async desired(resource, ctx, current) {
    const [min, max] = VOLUME_SIZES[resource.volumeType];
    if (resource.sizeGb < min) {
      throw error(
        'InvalidParameterValue',
        `Volume of ${resource.sizeGb}GiB is too small; minimum is ${min}GiB.`,
      );
    }
    if (resource.sizeGb > max) {
      throw error(
        'InvalidParameterValue',
        `Volume of ${resource.sizeGb}GiB is too large; maximum is ${max}GiB.`,
      );
    }
    const zone =
      resource.availabilityZone ??
      (current?.attributes.availabilityZone as string | undefined) ??
      `${ctx.region}a`;
    if (!zoneExists(ctx.region, zone)) {
      throw error('InvalidZone.NotFound', `The zone '${zone}' does not exist.`);
    }
    return {
      sizeGb: resource.sizeGb,
      volumeType: resource.volumeType,
      encrypted: resource.encrypted,
      iops: volumeIops(resource),
      availabilityZone: zone,
      kmsKeyId: resource.encrypted ? 'alias/aws/ebs' : undefined,
    };
  },
  initial(_resource, _desired, ctx) {
    const id = newCloudId('vol');
    return {
      id,
      liveKey: `aws_ebs_volume:${id}`,
      state: 'creating',
      transitionAt: ctx.now + ctx.timings.volumeCreateMillis,
      facts: { createTime: new Date(ctx.now).toISOString() },
    };
  },
};

const attachmentRules: TypeRules<AwsVolumeAttachment> = {
  taggable: false,
  notFound: NOT_FOUND.aws_volume_attachment,
  conflict: initial =>
    error(
      'VolumeInUse',
      `${initial.facts.volumeId} is already attached to an instance`,
    ),
  async desired(resource, ctx) {
    const volume = await live(
      ctx,
      'aws_ebs_volume',
      ctx.resolve(resource.volume),
    );
    const instance = await live(
      ctx,
      'aws_instance',
      ctx.resolve(resource.instance),
    );
    return {
      volume: volume.id,
      instance: instance.id,
      deviceName: resource.deviceName,
    };
  },
  async checkCreate(desired, ctx) {
    const volume = await live(ctx, 'aws_ebs_volume', desired.volume as string);
    const instance = await live(
      ctx,
      'aws_instance',
      desired.instance as string,
    );
    if (statusOf(instance, ctx.now) !== 'running') {
      throw error(
        'IncorrectState',
        `Instance '${instance.id}' is not 'running'.`,
      );
    }
    const volumeStatus = statusOf(volume, ctx.now);
    if (volumeStatus === 'in-use') {
      throw error(
        'VolumeInUse',
        `${volume.id} is already attached to an instance`,
      );
    }
    if (volumeStatus !== 'available') {
      throw error(
        'IncorrectState',
        `Volume '${volume.id}' is not 'available'.`,
      );
    }
    if (
      volume.attributes.availabilityZone !==
      instance.attributes.availabilityZone
    ) {
      throw error(
        'InvalidVolume.ZoneMismatch',
        `The volume '${volume.id}' is not in the same availability zone as instance '${instance.id}'`,
      );
    }
    const attachments = await ctx.store.listLive(
      ctx.region,
      'aws_volume_attachment',
    );
    if (
      attachments.some(
        a =>
          a.attributes.instance === instance.id &&
          a.attributes.deviceName === desired.deviceName,
      )
    ) {
      throw error(
        'InvalidParameterValue',
        `Attachment point ${desired.deviceName} is already in use`,
      );
    }
  },
  initial(_resource, desired, ctx) {
    return {
      id: `vai-${stableHex(
        `${ctx.clientToken}/${desired.volume}/${desired.instance}`,
        10,
      )}`,
      liveKey: `aws_volume_attachment:${desired.volume}`,
      state: 'attached',
      transitionAt: null,
      facts: {
        volumeId: desired.volume,
        attachTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

/** Throws EC2's error unless the instance can take an address now. */
export function checkCanAssociate(instance: SimResource, now: number) {
  const status = statusOf(instance, now);
  if (status !== 'running') {
    throw error(
      'IncorrectInstanceState',
      `The ${status} instance '${instance.id}' is not in a valid state for this operation.`,
    );
  }
}

const eipRules: TypeRules<AwsEip> = {
  taggable: true,
  notFound: NOT_FOUND.aws_eip,
  conflict: initial =>
    error(
      'InvalidAllocationID.Duplicate',
      `The allocation ID '${initial.id}' already exists`,
    ),
  async checkCreate(desired, ctx) {
    if (desired.instance) {
      checkCanAssociate(
        await live(ctx, 'aws_instance', desired.instance as string),
        ctx.now,
      );
    }
  },
  async desired(resource, ctx) {
    const instance = resource.instance
      ? await live(ctx, 'aws_instance', ctx.resolve(resource.instance))
      : undefined;
    return { instance: instance?.id };
  },
  initial(_resource, desired, ctx) {
    const id = newCloudId('eipalloc');
    return {
      id,
      liveKey: `aws_eip:${id}`,
      state: desired.instance ? 'associated' : 'allocated',
      transitionAt: null,
      facts: {
        publicIp: randomPublicIp(),
        domain: 'vpc',
        publicIpv4Pool: 'amazon',
        networkBorderGroup: ctx.region,
        associationId: desired.instance ? newCloudId('eipassoc') : undefined,
      },
    };
  },
};

function checkBucketName(name: string) {
  if (
    /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ||
    /\.\.|\.-|-\./.test(name) ||
    name.startsWith('xn--') ||
    name.startsWith('sthree-') ||
    name.endsWith('-s3alias') ||
    name.endsWith('--ol-s3')
  ) {
    throw error(
      'InvalidBucketName',
      `The specified bucket is not valid: ${name}`,
    );
  }
}

/** A bucket name from the resource name and the create's token: global, stable on retry. */
function generatedBucketName(name: string, clientToken: string): string {
  return `${name.replace(/_/g, '-').slice(0, 46)}-${stableHex(
    clientToken,
    12,
  )}`;
}

const bucketRules: TypeRules<AwsS3Bucket> = {
  taggable: true,
  notFound: NOT_FOUND.aws_s3_bucket,
  conflict: () =>
    error(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
    ),
  async desired(resource, _ctx, current) {
    const bucketName =
      resource.bucketName ??
      (current?.attributes.bucketName as string | undefined);
    if (bucketName) {
      checkBucketName(bucketName);
    }
    if (resource.publicRead && resource.blockPublicAccess) {
      throw error(
        'AccessDenied',
        'User is not authorized to perform s3:PutBucketPolicy because public policies are blocked by the BlockPublicPolicy block public access setting.',
      );
    }
    const wasVersioned = current?.attributes.versioningStatus !== undefined;
    let versioningStatus: string | undefined;
    if (resource.versioning) {
      versioningStatus = 'Enabled';
    } else if (wasVersioned) {
      versioningStatus = 'Suspended';
    }
    return {
      bucketName,
      versioning: resource.versioning,
      encryption: resource.encryption,
      website: resource.website,
      blockPublicAccess: resource.blockPublicAccess,
      publicRead: resource.publicRead,
      versioningStatus,
    };
  },
  initial(resource, desired, ctx) {
    const name =
      (desired.bucketName as string | undefined) ??
      generatedBucketName(resource.name, ctx.clientToken);
    return {
      id: name,
      liveKey: `aws_s3_bucket:${name}`,
      state: 'available',
      transitionAt: null,
      facts: {
        bucketName: name,
        arn: `arn:aws:s3:::${name}`,
        region: ctx.region,
        creationDate: new Date(ctx.now).toISOString(),
      },
    };
  },
};

/** Extra facts that depend on the bucket's settings. */
export function bucketFacts(
  attributes: Record<string, unknown>,
  region: string,
) {
  return {
    websiteEndpoint: attributes.website
      ? `http://${attributes.bucketName}.s3-website-${region}.amazonaws.com`
      : undefined,
  };
}

/** The rules of every resource type. */
export const RULES: {
  [T in ResourceType]: TypeRules<Extract<PlanResource, { type: T }>>;
} = {
  aws_vpc: vpcRules,
  aws_subnet: subnetRules,
  aws_security_group: securityGroupRules,
  aws_key_pair: keyPairRules,
  aws_instance: instanceRules,
  aws_ebs_volume: volumeRules,
  aws_volume_attachment: attachmentRules,
  aws_eip: eipRules,
  aws_s3_bucket: bucketRules,
};

/** The plan fields that hold references (cloud ids in the cloud's attributes). */
export const REFERENCE_FIELDS: Partial<Record<ResourceType, string[]>> = {
  aws_subnet: ['vpc'],
  aws_security_group: ['vpc'],
  aws_instance: ['subnet', 'securityGroups', 'keyPair'],
  aws_volume_attachment: ['volume', 'instance'],
  aws_eip: ['instance'],
};

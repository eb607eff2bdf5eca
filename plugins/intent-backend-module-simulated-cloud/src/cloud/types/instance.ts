// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInstance,
  softwareProblems,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CatalogImage,
  findImage,
  findImageById,
  findInstanceType,
} from '../catalog';
import {
  defaultSecurityGroupId,
  defaultSubnet,
  newCloudId,
  randomPrivateIp,
  randomPublicIp,
  SubnetFacts,
  zoneExists,
} from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { live, NOT_FOUND, TypeRules } from './rules';
import { subnetFacts } from './subnet';

/**
 * The image an instance runs: the one its plan pinned (`image.id`, resolved
 * at plan time), which must exist in the region and be the os, version and
 * architecture the plan says; else, for a plan from before ids were pinned,
 * the catalog's image for os, version and architecture.
 */
function catalogImage(resource: AwsInstance, region: string): CatalogImage {
  const wanted = resource.image;
  if (wanted.id !== undefined) {
    const pinned = findImageById(region, wanted.id);
    if (!pinned) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${wanted.id}' for ImageId: no such image exists in ${region}`,
      );
    }
    const { image } = pinned;
    if (
      image.os !== wanted.os ||
      image.version !== wanted.version ||
      image.architecture !== wanted.architecture
    ) {
      throw error(
        'InvalidParameterValue',
        `Image ${wanted.id} is ${image.os} ${image.version} ${image.architecture}, not the ${wanted.os} ${wanted.version} ${wanted.architecture} the instance asks for`,
      );
    }
    return pinned;
  }
  const image = findImage(region, wanted);
  if (!image) {
    throw error(
      'InvalidAMIID.NotFound',
      `No ${wanted.os} ${wanted.version} image for ${wanted.architecture} exists in ${region}`,
    );
  }
  return image;
}

/** Instances: RunInstances, with a client token; `pending` for the boot time. */
export const instanceRules: TypeRules<AwsInstance> = {
  taggable: true,
  idempotency: 'client-token',
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
    const image = catalogImage(resource, ctx.region);
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

    const problems = softwareProblems(resource.image, resource.software ?? []);
    if (problems.length > 0) {
      throw error('InvalidParameterValue', problems.join('; '));
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
      software: [...(resource.software ?? [])],
      userData:
        resource.userData ??
        userDataFor(resource.image, resource.software ?? []),
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

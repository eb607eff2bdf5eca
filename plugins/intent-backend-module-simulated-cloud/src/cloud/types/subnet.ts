// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsSubnet } from '@intent-sandboxes/backstage-plugin-intent-common';
import { availabilityZones } from '../catalog';
import {
  cidrContains,
  cidrOverlaps,
  newCloudId,
  parseCidr,
  SubnetFacts,
  zoneExists,
} from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { SimResource } from '../store';
import { live, NOT_FOUND, TypeRules } from './rules';
import { checkPrefix } from './vpc';

/** What an instance needs to know of the subnet it is launched in. */
export function subnetFacts(subnet: SimResource): SubnetFacts {
  const a = subnet.attributes;
  return {
    id: subnet.id,
    vpc: a.vpc as string,
    cidrBlock: a.cidrBlock as string,
    availabilityZone: a.availabilityZone as string,
    mapPublicIpOnLaunch: a.mapPublicIpOnLaunch as boolean,
  };
}

/** Subnets: CreateSubnet, no client token. */
export const subnetRules: TypeRules<AwsSubnet> = {
  taggable: true,
  idempotency: 'creation-tag',
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

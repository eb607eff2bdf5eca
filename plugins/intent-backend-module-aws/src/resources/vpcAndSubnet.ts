// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  ModifySubnetAttributeCommand,
  waitUntilSubnetAvailable,
  waitUntilVpcAvailable,
} from '@aws-sdk/client-ec2';
import type {
  AwsSubnet,
  AwsVpc,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { AwsCallContext, ChangeContext, tagSpec } from '../context';
import { findCreated } from '../describe';
import { subnetState, vpcState } from '../mappers';
import { waitFor } from '../waiters';
import { describeOne, remove, send, tagResource } from './ec2Calls';

/* VPC: no client token, found by the creation-token tag first. */

export async function createVpc(
  ctx: ChangeContext,
  resource: AwsVpc,
  tags: Record<string, string>,
) {
  const found = await findCreated(ctx, 'aws_vpc', tags);
  const vpcId =
    found?.cloudId ??
    (
      await send(
        ctx,
        'ec2:CreateVpc',
        ctx.address,
        new CreateVpcCommand({
          CidrBlock: resource.cidrBlock,
          TagSpecifications: tagSpec('vpc', tags),
        }),
      )
    ).Vpc!.VpcId!;
  const out = await waitFor(
    ctx,
    waitUntilVpcAvailable,
    ctx.ec2,
    { VpcIds: [vpcId] },
    `VPC ${vpcId} to be available`,
  );
  return out?.Vpcs?.[0]
    ? vpcState(out.Vpcs[0])
    : describeOne(ctx, 'aws_vpc', vpcId);
}

export async function deleteVpc(ctx: AwsCallContext, vpcId: string) {
  await remove(
    ctx,
    'ec2:DeleteVpc',
    vpcId,
    new DeleteVpcCommand({ VpcId: vpcId }),
  );
}

/* Subnet. */

async function setMapPublicIp(
  ctx: AwsCallContext,
  subnetId: string,
  value: boolean,
) {
  await send(
    ctx,
    'ec2:ModifySubnetAttribute',
    subnetId,
    new ModifySubnetAttributeCommand({
      SubnetId: subnetId,
      MapPublicIpOnLaunch: { Value: value },
    }),
  );
}

export async function createSubnet(
  ctx: ChangeContext,
  resource: AwsSubnet,
  tags: Record<string, string>,
) {
  let state = await findCreated(ctx, 'aws_subnet', tags);
  if (!state) {
    const out = await send(
      ctx,
      'ec2:CreateSubnet',
      ctx.address,
      new CreateSubnetCommand({
        VpcId: ctx.resolve(resource.vpc),
        CidrBlock: resource.cidrBlock,
        AvailabilityZone: resource.availabilityZone,
        TagSpecifications: tagSpec('subnet', tags),
      }),
    );
    const waited = await waitFor(
      ctx,
      waitUntilSubnetAvailable,
      ctx.ec2,
      { SubnetIds: [out.Subnet!.SubnetId!] },
      `subnet ${out.Subnet!.SubnetId} to be available`,
    );
    state = subnetState(waited?.Subnets?.[0] ?? out.Subnet!);
  }
  if (state.attributes.mapPublicIpOnLaunch !== resource.mapPublicIpOnLaunch) {
    await setMapPublicIp(ctx, state.cloudId, resource.mapPublicIpOnLaunch);
    state = {
      ...state,
      attributes: {
        ...state.attributes,
        mapPublicIpOnLaunch: resource.mapPublicIpOnLaunch,
      },
    };
  }
  return state;
}

export async function updateSubnet(
  ctx: ChangeContext,
  resource: AwsSubnet,
  subnetId: string,
  tags: Record<string, string>,
  changed: string[],
) {
  if (changed.includes('tags')) await tagResource(ctx, subnetId, tags);
  if (changed.includes('mapPublicIpOnLaunch'))
    await setMapPublicIp(ctx, subnetId, resource.mapPublicIpOnLaunch);
  return describeOne(ctx, 'aws_subnet', subnetId);
}

export async function deleteSubnet(ctx: AwsCallContext, subnetId: string) {
  await remove(
    ctx,
    'ec2:DeleteSubnet',
    subnetId,
    new DeleteSubnetCommand({ SubnetId: subnetId }),
  );
}

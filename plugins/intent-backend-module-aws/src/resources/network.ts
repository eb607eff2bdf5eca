// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  ModifySubnetAttributeCommand,
  ReplaceRouteCommand,
  waitUntilSubnetAvailable,
  waitUntilVpcAvailable,
} from '@aws-sdk/client-ec2';
import type {
  AwsInternetGateway,
  AwsRouteTable,
  AwsRouteTableAssociation,
  AwsSubnet,
  AwsVpc,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags, tagSpec } from '../context';
import { describeByFilters, describeByIds, findCreated } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import {
  internetGatewayState,
  routeTableState,
  subnetState,
  vpcState,
} from '../mappers';
import { waitFor } from '../waiters';

function send(
  ctx: AwsCallContext,
  action: string,
  subject: string,
  command: any,
): Promise<any> {
  return call({ action, subject }, () =>
    ctx.ec2.send(command, { abortSignal: ctx.signal }),
  );
}

async function describeOne(
  ctx: AwsCallContext,
  type: PlanResource['type'],
  id: string,
) {
  const [state] = await describeByIds(ctx, type, [id]);
  if (!state) {
    throw new CloudError({
      kind: 'not-found',
      code: 'NotFound',
      message: `${type} ${id} does not exist in ${ctx.region}`,
    });
  }
  return state;
}

/** Deletes, treating "already gone" as done. */
async function remove(
  ctx: AwsCallContext,
  action: string,
  id: string,
  command: any,
) {
  try {
    await ctx.ec2.send(command, { abortSignal: ctx.signal });
  } catch (error) {
    if (!/\.NotFound$/.test(errorCode(error) ?? '')) {
      throw toCloudError(error, { action, subject: id });
    }
  }
}

export async function tagResource(
  ctx: AwsCallContext,
  id: string,
  tags: Record<string, string>,
) {
  await send(
    ctx,
    'ec2:CreateTags',
    id,
    new CreateTagsCommand({ Resources: [id], Tags: ec2Tags(tags) }),
  );
}

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

/* Internet gateway: created, then attached to its VPC. */

export async function createInternetGateway(
  ctx: ChangeContext,
  resource: AwsInternetGateway,
  tags: Record<string, string>,
) {
  let state = await findCreated(ctx, 'aws_internet_gateway', tags);
  if (!state) {
    const out = await send(
      ctx,
      'ec2:CreateInternetGateway',
      ctx.address,
      new CreateInternetGatewayCommand({
        TagSpecifications: tagSpec('internet-gateway', tags),
      }),
    );
    state = internetGatewayState(out.InternetGateway!);
  }
  const vpcId = ctx.resolve(resource.vpc);
  if (state.attributes.vpc !== vpcId) {
    await send(
      ctx,
      'ec2:AttachInternetGateway',
      ctx.address,
      new AttachInternetGatewayCommand({
        InternetGatewayId: state.cloudId,
        VpcId: vpcId,
      }),
    );
    state = { ...state, status: 'attached', attributes: { vpc: vpcId } };
  }
  return state;
}

export async function deleteInternetGateway(
  ctx: AwsCallContext,
  gatewayId: string,
) {
  const [state] = await describeByIds(ctx, 'aws_internet_gateway', [gatewayId]);
  if (!state) return;
  if (state.attributes.vpc) {
    await remove(
      ctx,
      'ec2:DetachInternetGateway',
      gatewayId,
      new DetachInternetGatewayCommand({
        InternetGatewayId: gatewayId,
        VpcId: state.attributes.vpc as string,
      }),
    );
  }
  await remove(
    ctx,
    'ec2:DeleteInternetGateway',
    gatewayId,
    new DeleteInternetGatewayCommand({ InternetGatewayId: gatewayId }),
  );
}

/* Route table: CreateRouteTable takes a client token; routes are made to match. */

async function syncRoutes(
  ctx: ChangeContext,
  resource: AwsRouteTable,
  state: CloudResourceState,
) {
  const have = new Map(
    (
      (state.attributes.routes as Array<{
        cidrBlock: string;
        gateway: string;
      }>) ?? []
    ).map(r => [r.cidrBlock, r.gateway]),
  );
  const want = new Map(
    resource.routes.map(r => [r.cidrBlock, ctx.resolve(r.gateway)]),
  );
  let changed = false;
  for (const [cidr, gateway] of want) {
    if (have.get(cidr) === gateway) continue;
    const input = {
      RouteTableId: state.cloudId,
      DestinationCidrBlock: cidr,
      GatewayId: gateway,
    };
    await (have.has(cidr)
      ? send(
          ctx,
          'ec2:ReplaceRoute',
          ctx.address,
          new ReplaceRouteCommand(input),
        )
      : send(
          ctx,
          'ec2:CreateRoute',
          ctx.address,
          new CreateRouteCommand(input),
        ));
    changed = true;
  }
  for (const cidr of have.keys()) {
    if (!want.has(cidr)) {
      await send(
        ctx,
        'ec2:DeleteRoute',
        ctx.address,
        new DeleteRouteCommand({
          RouteTableId: state.cloudId,
          DestinationCidrBlock: cidr,
        }),
      );
      changed = true;
    }
  }
  return changed ? describeOne(ctx, 'aws_route_table', state.cloudId) : state;
}

export async function createRouteTable(
  ctx: ChangeContext,
  resource: AwsRouteTable,
  clientToken: string,
  tags: Record<string, string>,
) {
  const out = await send(
    ctx,
    'ec2:CreateRouteTable',
    ctx.address,
    new CreateRouteTableCommand({
      VpcId: ctx.resolve(resource.vpc),
      ClientToken: clientToken,
      TagSpecifications: tagSpec('route-table', tags),
    }),
  );
  return syncRoutes(ctx, resource, routeTableState(out.RouteTable!));
}

export async function updateRouteTable(
  ctx: ChangeContext,
  resource: AwsRouteTable,
  id: string,
  tags: Record<string, string>,
  changed: string[],
) {
  if (changed.includes('tags')) await tagResource(ctx, id, tags);
  return syncRoutes(
    ctx,
    resource,
    await describeOne(ctx, 'aws_route_table', id),
  );
}

export async function deleteRouteTable(ctx: AwsCallContext, id: string) {
  await remove(
    ctx,
    'ec2:DeleteRouteTable',
    id,
    new DeleteRouteTableCommand({ RouteTableId: id }),
  );
}

/* Route table association: untaggable; an existing association of the subnet to the table is reused. */

export async function createRouteTableAssociation(
  ctx: ChangeContext,
  resource: AwsRouteTableAssociation,
) {
  const routeTableId = ctx.resolve(resource.routeTable);
  const subnetId = ctx.resolve(resource.subnet);
  const existing = (
    await describeByFilters(ctx, 'aws_route_table_association', [
      { Name: 'association.subnet-id', Values: [subnetId] },
    ])
  ).find(a => a.attributes.routeTable === routeTableId);
  if (existing) return existing;
  const out = await send(
    ctx,
    'ec2:AssociateRouteTable',
    ctx.address,
    new AssociateRouteTableCommand({
      RouteTableId: routeTableId,
      SubnetId: subnetId,
    }),
  );
  return {
    type: 'aws_route_table_association' as const,
    cloudId: out.AssociationId!,
    status: out.AssociationState?.State ?? 'associated',
    attributes: { subnet: subnetId, routeTable: routeTableId },
    tags: {},
  };
}

export async function deleteRouteTableAssociation(
  ctx: AwsCallContext,
  id: string,
) {
  await remove(
    ctx,
    'ec2:DisassociateRouteTable',
    id,
    new DisassociateRouteTableCommand({ AssociationId: id }),
  );
}

export { describeOne as describeNetworkResource };

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import type {
  AwsInternetGateway,
  AwsRouteTable,
  AwsRouteTableAssociation,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, tagSpec } from '../context';
import { describeByFilters, describeByIds, findCreated } from '../describe';
import { internetGatewayState, routeTableState } from '../mappers';
import { describeOne, remove, send, tagResource } from './ec2Calls';

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

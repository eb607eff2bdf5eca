// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  Filter,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  addressState,
  associationStates,
  attachmentStates,
  instanceState,
  internetGatewayState,
  keyPairState,
  routeTableState,
  securityGroupState,
  subnetState,
  volumeState,
  vpcState,
} from '../mappers';

/** Page size of describes by filter. */
const PAGE = 1000;

/** A describe by ids (one call) or by filters (paginated). */
export type Ec2Query = { ids?: string[]; filters?: Filter[] };

/**
 * How each EC2 type is described: by ids (one call per batch; ids param)
 * or by filters (paginated, `PAGE` per page).
 */
export interface Ec2Spec {
  action: string;
  describe(
    ec2: EC2Client,
    q: Ec2Query,
    signal?: AbortSignal,
  ): Promise<CloudResourceState[]>;
}

/**
 * A type EC2 describes by ids in one call, or by filters page by page;
 * `states` maps the call outputs to states.
 */
function paginatedSpec<T>(spec: {
  action: string;
  byIds(ec2: EC2Client, ids: string[], abortSignal?: AbortSignal): Promise<T>;
  byFilters(ec2: EC2Client, filters?: Filter[]): AsyncIterable<T>;
  states(outputs: T[]): CloudResourceState[];
}): Ec2Spec {
  return {
    action: spec.action,
    async describe(ec2, q, abortSignal) {
      const outputs: T[] = [];
      if (q.ids) {
        outputs.push(await spec.byIds(ec2, q.ids, abortSignal));
      } else {
        for await (const page of spec.byFilters(ec2, q.filters)) {
          outputs.push(page);
        }
      }
      return spec.states(outputs);
    },
  };
}

const paging = (client: EC2Client) => ({ client, pageSize: PAGE });

export const SPECS: Partial<Record<ResourceType, Ec2Spec>> = {
  aws_instance: paginatedSpec({
    action: 'ec2:DescribeInstances',
    byIds: (ec2, InstanceIds, abortSignal) =>
      ec2.send(new DescribeInstancesCommand({ InstanceIds }), { abortSignal }),
    byFilters: (ec2, Filters) =>
      paginateDescribeInstances(paging(ec2), { Filters }),
    states: outs =>
      outs
        .flatMap(o => o.Reservations ?? [])
        .flatMap(r => r.Instances ?? [])
        .map(instanceState),
  }),
  aws_security_group: paginatedSpec({
    action: 'ec2:DescribeSecurityGroups',
    byIds: (ec2, GroupIds, abortSignal) =>
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds }), {
        abortSignal,
      }),
    byFilters: (ec2, Filters) =>
      paginateDescribeSecurityGroups(paging(ec2), { Filters }),
    states: outs =>
      outs.flatMap(o => o.SecurityGroups ?? []).map(securityGroupState),
  }),
  aws_ebs_volume: paginatedSpec({
    action: 'ec2:DescribeVolumes',
    byIds: (ec2, VolumeIds, abortSignal) =>
      ec2.send(new DescribeVolumesCommand({ VolumeIds }), { abortSignal }),
    byFilters: (ec2, Filters) =>
      paginateDescribeVolumes(paging(ec2), { Filters }),
    states: outs => {
      const volumes = outs.flatMap(o => o.Volumes ?? []);
      // Attachments are described with their volume: no call of their own.
      return [
        ...volumes.map(volumeState),
        ...volumes.flatMap(attachmentStates),
      ];
    },
  }),
  aws_eip: {
    action: 'ec2:DescribeAddresses',
    async describe(ec2, q, abortSignal) {
      const out = await ec2.send(
        new DescribeAddressesCommand(
          q.ids ? { AllocationIds: q.ids } : { Filters: q.filters },
        ),
        { abortSignal },
      );
      return (out.Addresses ?? []).map(addressState);
    },
  },
  aws_key_pair: {
    action: 'ec2:DescribeKeyPairs',
    async describe(ec2, q, abortSignal) {
      const out = await ec2.send(
        new DescribeKeyPairsCommand(
          q.ids ? { KeyPairIds: q.ids } : { Filters: q.filters },
        ),
        { abortSignal },
      );
      return (out.KeyPairs ?? []).map(keyPairState);
    },
  },
  aws_vpc: paginatedSpec({
    action: 'ec2:DescribeVpcs',
    byIds: (ec2, VpcIds, abortSignal) =>
      ec2.send(new DescribeVpcsCommand({ VpcIds }), { abortSignal }),
    byFilters: (ec2, Filters) => paginateDescribeVpcs(paging(ec2), { Filters }),
    states: outs => outs.flatMap(o => o.Vpcs ?? []).map(vpcState),
  }),
  aws_subnet: paginatedSpec({
    action: 'ec2:DescribeSubnets',
    byIds: (ec2, SubnetIds, abortSignal) =>
      ec2.send(new DescribeSubnetsCommand({ SubnetIds }), { abortSignal }),
    byFilters: (ec2, Filters) =>
      paginateDescribeSubnets(paging(ec2), { Filters }),
    states: outs => outs.flatMap(o => o.Subnets ?? []).map(subnetState),
  }),
  aws_internet_gateway: paginatedSpec({
    action: 'ec2:DescribeInternetGateways',
    byIds: (ec2, InternetGatewayIds, abortSignal) =>
      ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds }), {
        abortSignal,
      }),
    byFilters: (ec2, Filters) =>
      paginateDescribeInternetGateways(paging(ec2), { Filters }),
    states: outs =>
      outs.flatMap(o => o.InternetGateways ?? []).map(internetGatewayState),
  }),
  aws_route_table: paginatedSpec({
    action: 'ec2:DescribeRouteTables',
    byIds: (ec2, RouteTableIds, abortSignal) =>
      ec2.send(new DescribeRouteTablesCommand({ RouteTableIds }), {
        abortSignal,
      }),
    byFilters: (ec2, Filters) =>
      paginateDescribeRouteTables(paging(ec2), { Filters }),
    states: outs => {
      const tables = outs.flatMap(o => o.RouteTables ?? []);
      // Associations are described with their route table.
      return [
        ...tables.map(routeTableState),
        ...tables.flatMap(associationStates),
      ];
    },
  }),
};

/** Which EC2 describe covers a type: associations and attachments ride on their parent. */
export function parentOf(type: ResourceType): ResourceType {
  if (type === 'aws_route_table_association') return 'aws_route_table';
  if (type === 'aws_volume_attachment') return 'aws_ebs_volume';
  return type;
}

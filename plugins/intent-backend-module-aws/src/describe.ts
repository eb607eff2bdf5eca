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
import { describeBuckets, describeTaggedBuckets } from './resources/bucket';
import { instanceState } from './resources/instance';
import type { AwsCallContext } from './context';
import { creationTokenFilter, tagFilters } from './context';
import { call, errorCode, toCloudError } from './errors';
import {
  addressState,
  associationStates,
  attachmentStates,
  internetGatewayState,
  keyPairState,
  parseAttachmentId,
  routeTableState,
  securityGroupState,
  subnetState,
  volumeState,
  vpcState,
} from './mappers';

/** Most ids one describe call takes. */
export const ID_BATCH = 1000;
/** Page size of describes by filter. */
const PAGE = 1000;

type Query = { ids?: string[]; filters?: Filter[] };

/**
 * How each EC2 type is described: by ids (one call per batch; ids param)
 * or by filters (paginated, `PAGE` per page).
 */
interface Ec2Spec {
  action: string;
  describe(
    ec2: EC2Client,
    q: Query,
    signal?: AbortSignal,
  ): Promise<CloudResourceState[]>;
}

async function pages<T>(paginator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of paginator) {
    out.push(page);
  }
  return out;
}

const SPECS: Partial<Record<ResourceType, Ec2Spec>> = {
  aws_instance: {
    action: 'ec2:DescribeInstances',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(
              new DescribeInstancesCommand({ InstanceIds: q.ids }),
              { abortSignal },
            ),
          ]
        : await pages(
            paginateDescribeInstances(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      return outs
        .flatMap(o => o.Reservations ?? [])
        .flatMap(r => r.Instances ?? [])
        .map(instanceState);
    },
  },
  aws_security_group: {
    action: 'ec2:DescribeSecurityGroups',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(
              new DescribeSecurityGroupsCommand({ GroupIds: q.ids }),
              { abortSignal },
            ),
          ]
        : await pages(
            paginateDescribeSecurityGroups(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      return outs.flatMap(o => o.SecurityGroups ?? []).map(securityGroupState);
    },
  },
  aws_ebs_volume: {
    action: 'ec2:DescribeVolumes',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(new DescribeVolumesCommand({ VolumeIds: q.ids }), {
              abortSignal,
            }),
          ]
        : await pages(
            paginateDescribeVolumes(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      const volumes = outs.flatMap(o => o.Volumes ?? []);
      // Attachments are described with their volume: no call of their own.
      return [
        ...volumes.map(volumeState),
        ...volumes.flatMap(attachmentStates),
      ];
    },
  },
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
  aws_vpc: {
    action: 'ec2:DescribeVpcs',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(new DescribeVpcsCommand({ VpcIds: q.ids }), {
              abortSignal,
            }),
          ]
        : await pages(
            paginateDescribeVpcs(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      return outs.flatMap(o => o.Vpcs ?? []).map(vpcState);
    },
  },
  aws_subnet: {
    action: 'ec2:DescribeSubnets',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(new DescribeSubnetsCommand({ SubnetIds: q.ids }), {
              abortSignal,
            }),
          ]
        : await pages(
            paginateDescribeSubnets(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      return outs.flatMap(o => o.Subnets ?? []).map(subnetState);
    },
  },
  aws_internet_gateway: {
    action: 'ec2:DescribeInternetGateways',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(
              new DescribeInternetGatewaysCommand({
                InternetGatewayIds: q.ids,
              }),
              { abortSignal },
            ),
          ]
        : await pages(
            paginateDescribeInternetGateways(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      return outs
        .flatMap(o => o.InternetGateways ?? [])
        .map(internetGatewayState);
    },
  },
  aws_route_table: {
    action: 'ec2:DescribeRouteTables',
    async describe(ec2, q, abortSignal) {
      const outs = q.ids
        ? [
            await ec2.send(
              new DescribeRouteTablesCommand({ RouteTableIds: q.ids }),
              { abortSignal },
            ),
          ]
        : await pages(
            paginateDescribeRouteTables(
              { client: ec2, pageSize: PAGE },
              { Filters: q.filters },
            ),
          );
      const tables = outs.flatMap(o => o.RouteTables ?? []);
      // Associations are described with their route table.
      return [
        ...tables.map(routeTableState),
        ...tables.flatMap(associationStates),
      ];
    },
  },
};

/** The ids a NotFound message names (`The instance IDs 'i-1, i-2' do not exist`). */
export function idsInMessage(message: string): string[] {
  return message.match(/\b[a-z]+(?:-[a-z]+)?-[0-9a-f]{8,17}\b/g) ?? [];
}

/**
 * Describes by id in batches of ≤ 1000; ids that no longer exist are left
 * out (EC2 fails the whole call for one unknown id: the call is repeated
 * without the ids its message names).
 */
async function describeEc2Ids(
  ctx: AwsCallContext,
  spec: Ec2Spec,
  ids: string[],
): Promise<CloudResourceState[]> {
  const out: CloudResourceState[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    let batch = ids.slice(i, i + ID_BATCH);
    while (batch.length > 0) {
      try {
        out.push(...(await spec.describe(ctx.ec2, { ids: batch }, ctx.signal)));
        batch = [];
      } catch (error) {
        if (/\.NotFound$/.test(errorCode(error) ?? '')) {
          const missing = new Set(idsInMessage((error as Error).message));
          const rest = batch.filter(id => !missing.has(id));
          if (rest.length < batch.length || batch.length === 1) {
            batch = batch.length === 1 ? [] : rest;
            continue;
          }
        }
        throw toCloudError(error, { action: spec.action });
      }
    }
  }
  return out;
}

/** Which EC2 describe covers a type: associations and attachments ride on their parent. */
function parentOf(type: ResourceType): ResourceType {
  if (type === 'aws_route_table_association') return 'aws_route_table';
  if (type === 'aws_volume_attachment') return 'aws_ebs_volume';
  return type;
}

/**
 * Describes resources by cloud id: one call per type and batch of ≤ 1000 ids.
 */
export async function describeByIds(
  ctx: AwsCallContext,
  type: ResourceType,
  ids: string[],
): Promise<CloudResourceState[]> {
  return describeMany(
    ctx,
    ids.map(cloudId => ({ type, cloudId })),
  );
}

export async function describeMany(
  ctx: AwsCallContext,
  wanted: Array<{ type: ResourceType; cloudId: string }>,
): Promise<CloudResourceState[]> {
  const byParent = new Map<ResourceType, Set<string>>();
  const wantedKeys = new Set(wanted.map(w => `${w.type}/${w.cloudId}`));
  const buckets: string[] = [];
  for (const { type, cloudId } of wanted) {
    if (type === 'aws_s3_bucket') {
      buckets.push(cloudId);
      continue;
    }
    const parent = parentOf(type);
    const set = byParent.get(parent) ?? new Set<string>();
    if (type === 'aws_volume_attachment') {
      set.add(parseAttachmentId(cloudId).volumeId);
    } else if (type !== 'aws_route_table_association') {
      set.add(cloudId);
    }
    byParent.set(parent, set);
  }
  const results: CloudResourceState[] = [];
  const associations = wanted
    .filter(w => w.type === 'aws_route_table_association')
    .map(w => w.cloudId);
  await Promise.all([
    ...[...byParent.entries()].map(async ([type, ids]) => {
      if (ids.size > 0) {
        results.push(...(await describeEc2Ids(ctx, SPECS[type]!, [...ids])));
      }
    }),
    (async () => {
      for (let i = 0; i < associations.length; i += 200) {
        const values = associations.slice(i, i + 200);
        results.push(
          ...(await call({ action: 'ec2:DescribeRouteTables' }, () =>
            SPECS.aws_route_table!.describe(
              ctx.ec2,
              {
                filters: [
                  {
                    Name: 'association.route-table-association-id',
                    Values: values,
                  },
                ],
              },
              ctx.signal,
            ),
          )),
        );
      }
    })(),
    (async () => {
      if (buckets.length > 0) {
        results.push(...(await describeBuckets(ctx, buckets)));
      }
    })(),
  ]);
  const seen = new Set<string>();
  return results.filter(r => {
    const key = `${r.type}/${r.cloudId}`;
    if (!wantedKeys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Describes every resource with these tags: one paginated call per EC2
 * type (associations and attachments come with their parents) and the
 * tagged buckets.
 */
export async function describeByTags(
  ctx: AwsCallContext,
  tags: Record<string, string> | undefined,
  tagKeys: string[] | undefined,
): Promise<CloudResourceState[]> {
  const filters = tagFilters(tags, tagKeys);
  const results = await Promise.all([
    ...Object.values(SPECS).map(spec =>
      call({ action: spec!.action }, () =>
        spec!.describe(ctx.ec2, { filters }, ctx.signal),
      ),
    ),
    describeTaggedBuckets(ctx, tags, tagKeys),
  ]);
  return results
    .flat()
    .filter(s => s.status !== 'terminated' && s.status !== 'deleted');
}

/** Describes one EC2 type by filters (paginated). */
export async function describeByFilters(
  ctx: AwsCallContext,
  type: ResourceType,
  filters: Filter[],
): Promise<CloudResourceState[]> {
  const spec = SPECS[parentOf(type)]!;
  const states = await call({ action: spec.action }, () =>
    spec.describe(ctx.ec2, { filters }, ctx.signal),
  );
  return states.filter(s => s.type === type);
}

/**
 * What a retried create made before: the live resource of this type with
 * the change's creation-token tag, if any.
 */
export async function findCreated(
  ctx: AwsCallContext,
  type: ResourceType,
  tags: Record<string, string>,
): Promise<CloudResourceState | undefined> {
  const found = await describeByFilters(ctx, type, creationTokenFilter(tags));
  return found.find(s => s.status !== 'terminated' && s.status !== 'deleted');
}

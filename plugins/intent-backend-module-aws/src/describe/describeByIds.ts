// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsCallContext } from '../context';
import { call, errorCode, toCloudError } from '../errors';
import { parseAttachmentId } from '../mappers';
import { describeBuckets } from '../resources/describeBuckets';
import { Ec2Spec, parentOf, SPECS } from './ec2DescribeSpecs';

/** Most ids one describe call takes. */
export const ID_BATCH = 1000;

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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Filter } from '@aws-sdk/client-ec2';
import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsCallContext } from '../context';
import { creationTokenFilter, tagFilters } from '../context';
import { call } from '../errors';
import { describeTaggedBuckets } from '../resources/describeBuckets';
import { parentOf, SPECS } from './ec2DescribeSpecs';

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

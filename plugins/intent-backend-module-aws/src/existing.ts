// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Filter } from '@aws-sdk/client-ec2';
import type { ExistingResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudExistingResource } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsCallContext } from './context';
import { describeByFilters, describeByIds } from './describe';

/** The filters that find an existing entry by name or as the default. */
export function existingFilters(entry: ExistingResource): Filter[] {
  const { lookup, type } = entry;
  if (lookup.default) {
    return type === 'aws_vpc'
      ? [{ Name: 'is-default', Values: ['true'] }]
      : [{ Name: 'default-for-az', Values: ['true'] }];
  }
  const name = lookup.name!;
  switch (type) {
    case 'aws_key_pair':
      return [{ Name: 'key-name', Values: [name] }];
    case 'aws_security_group':
      return [{ Name: 'group-name', Values: [name] }];
    default:
      return [{ Name: 'tag:Name', Values: [name] }];
  }
}

/**
 * Looks an `existing` entry up with one describe call: by id, by name (a
 * key pair's or security group's own name, else the `Name` tag) or as the
 * default VPC / the default subnet of the first zone. Several matches for a
 * name are no match.
 */
export async function findExisting(
  ctx: AwsCallContext,
  entry: ExistingResource,
): Promise<CloudExistingResource | undefined> {
  const found = entry.lookup.id
    ? await describeByIds(ctx, entry.type, [entry.lookup.id])
    : await describeByFilters(ctx, entry.type, existingFilters(entry));
  let match = found;
  if (entry.lookup.default && entry.type === 'aws_subnet') {
    match = [...found]
      .sort((a, b) =>
        String(a.attributes.availabilityZone).localeCompare(
          String(b.attributes.availabilityZone),
        ),
      )
      .slice(0, 1);
  }
  if (match.length !== 1) {
    return undefined;
  }
  return { cloudId: match[0].cloudId, attributes: match[0].attributes };
}

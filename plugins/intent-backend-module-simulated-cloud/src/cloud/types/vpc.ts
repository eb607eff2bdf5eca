// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsVpc } from '@intent-sandboxes/backstage-plugin-intent-common';
import { defaultSecurityGroupId, newCloudId, parseCidr } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { NOT_FOUND, TypeRules } from './rules';

/** Throws `code` unless the block's prefix is one EC2 accepts (/16 to /28). */
export function checkPrefix(cidr: string, code: string) {
  const block = parseCidr(cidr);
  if (block.prefix < 16 || block.prefix > 28) {
    throw error(code, `The CIDR '${cidr}' is invalid.`);
  }
  return block;
}

/** VPCs: CreateVpc, no client token. */
export const vpcRules: TypeRules<AwsVpc> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_vpc,
  conflict: initial =>
    error(
      'InvalidVpcID.Duplicate',
      `The vpc ID '${initial.id}' already exists`,
    ),
  async desired(resource) {
    checkPrefix(resource.cidrBlock, 'InvalidVpc.Range');
    return { cidrBlock: resource.cidrBlock };
  },
  initial(_resource, _desired, ctx) {
    const id = newCloudId('vpc');
    return {
      id,
      liveKey: `aws_vpc:${id}`,
      state: 'available',
      transitionAt: null,
      facts: {
        isDefault: false,
        instanceTenancy: 'default',
        defaultSecurityGroup: defaultSecurityGroupId(id),
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

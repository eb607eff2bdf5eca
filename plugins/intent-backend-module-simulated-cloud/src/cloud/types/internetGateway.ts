// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsInternetGateway } from '@intent-sandboxes/backstage-plugin-intent-common';
import { newCloudId } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { live, NOT_FOUND, TypeRules } from './rules';

/**
 * Internet gateways: CreateInternetGateway and AttachInternetGateway, no
 * client token. A VPC takes one internet gateway.
 */
export const internetGatewayRules: TypeRules<AwsInternetGateway> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_internet_gateway,
  conflict: initial =>
    error(
      'Resource.AlreadyAssociated',
      `resource ${initial.facts.vpc} is already attached to an internet gateway`,
    ),
  async desired(resource, ctx) {
    const vpc = await live(ctx, 'aws_vpc', ctx.resolve(resource.vpc));
    return { vpc: vpc.id };
  },
  initial(_resource, desired, ctx) {
    const id = newCloudId('igw');
    return {
      id,
      // One internet gateway per VPC, as EC2 allows.
      liveKey: `aws_internet_gateway:${desired.vpc}`,
      state: 'available',
      transitionAt: null,
      facts: {
        vpc: desired.vpc,
        attachmentState: 'available',
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

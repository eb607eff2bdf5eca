// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsEip } from '@intent-sandboxes/backstage-plugin-intent-common';
import { newCloudId, randomPublicIp } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { SimResource, statusOf } from '../store';
import { live, NOT_FOUND, TypeRules } from './rules';

/** Throws EC2's error unless the instance can take an address now. */
export function checkCanAssociate(instance: SimResource, now: number) {
  const status = statusOf(instance, now);
  if (status !== 'running') {
    throw error(
      'IncorrectInstanceState',
      `The ${status} instance '${instance.id}' is not in a valid state for this operation.`,
    );
  }
}

/** Elastic IPs: AllocateAddress (and AssociateAddress), no client token. */
export const eipRules: TypeRules<AwsEip> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_eip,
  conflict: initial =>
    error(
      'InvalidAllocationID.Duplicate',
      `The allocation ID '${initial.id}' already exists`,
    ),
  async checkCreate(desired, ctx) {
    if (desired.instance) {
      checkCanAssociate(
        await live(ctx, 'aws_instance', desired.instance as string),
        ctx.now,
      );
    }
  },
  async desired(resource, ctx) {
    const instance = resource.instance
      ? await live(ctx, 'aws_instance', ctx.resolve(resource.instance))
      : undefined;
    return { instance: instance?.id };
  },
  initial(_resource, desired, ctx) {
    const id = newCloudId('eipalloc');
    return {
      id,
      liveKey: `aws_eip:${id}`,
      state: desired.instance ? 'associated' : 'allocated',
      transitionAt: null,
      facts: {
        publicIp: randomPublicIp(),
        domain: 'vpc',
        publicIpv4Pool: 'amazon',
        networkBorderGroup: ctx.region,
        associationId: desired.instance ? newCloudId('eipassoc') : undefined,
      },
    };
  },
};

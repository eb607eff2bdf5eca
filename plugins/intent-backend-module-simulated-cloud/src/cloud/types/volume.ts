// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsEbsVolume } from '@intent-sandboxes/backstage-plugin-intent-common';
import { newCloudId, zoneExists } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { NOT_FOUND, TypeRules } from './rules';

const VOLUME_SIZES: Record<string, [number, number]> = {
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};

function volumeIops(volume: AwsEbsVolume): number | undefined {
  const { volumeType, sizeGb, iops } = volume;
  if (volumeType === 'io1' || volumeType === 'io2') {
    if (iops === undefined) {
      throw error(
        'MissingParameter',
        'The request must contain the parameter iops',
      );
    }
    const perGb = volumeType === 'io1' ? 50 : 500;
    if (iops > perGb * sizeGb) {
      throw error(
        'InvalidParameterValue',
        `Iops to volume size ratio of ${(iops / sizeGb).toFixed(
          1,
        )} is too high; maximum is ${perGb}.`,
      );
    }
    return iops;
  }
  if (volumeType === 'gp3') {
    if (
      iops !== undefined &&
      (iops < 3000 || iops > 16000 || iops > 500 * sizeGb)
    ) {
      throw error(
        'InvalidParameterValue',
        `Volume iops of ${iops} is invalid for a ${sizeGb}GiB gp3 volume; it must be between 3000 and ${Math.min(
          16000,
          500 * sizeGb,
        )}.`,
      );
    }
    return iops ?? 3000;
  }
  if (iops !== undefined) {
    throw error(
      'InvalidParameterCombination',
      `The parameter iops is not supported for ${volumeType} volumes.`,
    );
  }
  return volumeType === 'gp2'
    ? Math.min(16000, Math.max(100, 3 * sizeGb))
    : undefined;
}

/** EBS volumes: CreateVolume, with a client token; `creating` for a while. */
export const volumeRules: TypeRules<AwsEbsVolume> = {
  taggable: true,
  idempotency: 'client-token',
  notFound: NOT_FOUND.aws_ebs_volume,
  conflict: initial =>
    error(
      'InvalidVolume.Duplicate',
      `The volume '${initial.id}' already exists.`,
    ),
  async desired(resource, ctx, current) {
    const [min, max] = VOLUME_SIZES[resource.volumeType];
    if (resource.sizeGb < min) {
      throw error(
        'InvalidParameterValue',
        `Volume of ${resource.sizeGb}GiB is too small; minimum is ${min}GiB.`,
      );
    }
    if (resource.sizeGb > max) {
      throw error(
        'InvalidParameterValue',
        `Volume of ${resource.sizeGb}GiB is too large; maximum is ${max}GiB.`,
      );
    }
    const zone =
      resource.availabilityZone ??
      (current?.attributes.availabilityZone as string | undefined) ??
      `${ctx.region}a`;
    if (!zoneExists(ctx.region, zone)) {
      throw error('InvalidZone.NotFound', `The zone '${zone}' does not exist.`);
    }
    return {
      sizeGb: resource.sizeGb,
      volumeType: resource.volumeType,
      encrypted: resource.encrypted,
      iops: volumeIops(resource),
      availabilityZone: zone,
      kmsKeyId: resource.encrypted ? 'alias/aws/ebs' : undefined,
    };
  },
  initial(_resource, _desired, ctx) {
    const id = newCloudId('vol');
    return {
      id,
      liveKey: `aws_ebs_volume:${id}`,
      state: 'creating',
      transitionAt: ctx.now + ctx.timings.volumeCreateMillis,
      facts: { createTime: new Date(ctx.now).toISOString() },
    };
  },
};

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsVolumeAttachment } from '@intent-sandboxes/backstage-plugin-intent-common';
import { stableHex } from '../catalog';
import { cloudError as error } from '../SimulatedCloudError';
import { statusOf } from '../store';
import { live, NOT_FOUND, TypeRules } from './rules';

/**
 * Volume attachments: AttachVolume. Untaggable, so no creation tag: a volume
 * has one attachment at most, and the client token finds it.
 */
export const attachmentRules: TypeRules<AwsVolumeAttachment> = {
  taggable: false,
  idempotency: 'client-token',
  notFound: NOT_FOUND.aws_volume_attachment,
  conflict: initial =>
    error(
      'VolumeInUse',
      `${initial.facts.volumeId} is already attached to an instance`,
    ),
  async desired(resource, ctx) {
    const volume = await live(
      ctx,
      'aws_ebs_volume',
      ctx.resolve(resource.volume),
    );
    const instance = await live(
      ctx,
      'aws_instance',
      ctx.resolve(resource.instance),
    );
    return {
      volume: volume.id,
      instance: instance.id,
      deviceName: resource.deviceName,
    };
  },
  async checkCreate(desired, ctx) {
    const volume = await live(ctx, 'aws_ebs_volume', desired.volume as string);
    const instance = await live(
      ctx,
      'aws_instance',
      desired.instance as string,
    );
    if (statusOf(instance, ctx.now) !== 'running') {
      throw error(
        'IncorrectState',
        `Instance '${instance.id}' is not 'running'.`,
      );
    }
    const volumeStatus = statusOf(volume, ctx.now);
    if (volumeStatus === 'in-use') {
      throw error(
        'VolumeInUse',
        `${volume.id} is already attached to an instance`,
      );
    }
    if (volumeStatus !== 'available') {
      throw error(
        'IncorrectState',
        `Volume '${volume.id}' is not 'available'.`,
      );
    }
    if (
      volume.attributes.availabilityZone !==
      instance.attributes.availabilityZone
    ) {
      throw error(
        'InvalidVolume.ZoneMismatch',
        `The volume '${volume.id}' is not in the same availability zone as instance '${instance.id}'`,
      );
    }
    const attachments = await ctx.store.listLive(
      ctx.region,
      'aws_volume_attachment',
    );
    if (
      attachments.some(
        a =>
          a.attributes.instance === instance.id &&
          a.attributes.deviceName === desired.deviceName,
      )
    ) {
      throw error(
        'InvalidParameterValue',
        `Attachment point ${desired.deviceName} is already in use`,
      );
    }
  },
  initial(_resource, desired, ctx) {
    return {
      id: `vai-${stableHex(
        `${ctx.clientToken}/${desired.volume}/${desired.instance}`,
        10,
      )}`,
      liveKey: `aws_volume_attachment:${desired.volume}`,
      state: 'attached',
      transitionAt: null,
      facts: {
        volumeId: desired.volume,
        attachTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

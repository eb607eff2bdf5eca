// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AttachVolumeCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DetachVolumeCommand,
  ModifyVolumeCommand,
  waitUntilVolumeAvailable,
  waitUntilVolumeDeleted,
  waitUntilVolumeInUse,
  type Volume,
} from '@aws-sdk/client-ec2';
import type {
  AwsEbsVolume,
  AwsVolumeAttachment,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags, tagSpec } from '../context';
import { describeByIds } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import {
  attachmentId,
  attachmentStates,
  parseAttachmentId,
  volumeState,
} from '../mappers';
import { waitFor } from '../waiters';

function onlyVolume(out?: {
  Volumes?: Volume[];
}): CloudResourceState | undefined {
  const volume = out?.Volumes?.[0];
  return volume && volumeState(volume);
}

/** CreateVolume with the change's client token, then waits until it is available. */
export async function createVolume(
  ctx: ChangeContext,
  resource: AwsEbsVolume,
  clientToken: string,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  const out = await call(
    { action: 'ec2:CreateVolume', subject: ctx.address },
    () =>
      ctx.ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: resource.availabilityZone ?? `${ctx.region}a`,
          Size: resource.sizeGb,
          VolumeType: resource.volumeType,
          Encrypted: resource.encrypted !== false,
          Iops: resource.iops,
          ClientToken: clientToken,
          TagSpecifications: tagSpec('volume', tags),
        }),
        { abortSignal: ctx.signal },
      ),
  );
  await ctx.onProgress?.(volumeState(out));
  const done = await waitFor(
    ctx,
    waitUntilVolumeAvailable,
    ctx.ec2,
    { VolumeIds: [out.VolumeId!] },
    `volume ${out.VolumeId} to be available`,
  );
  return onlyVolume(done) ?? volumeState(out);
}

export async function updateVolume(
  ctx: ChangeContext,
  resource: AwsEbsVolume,
  volumeId: string,
  tags: Record<string, string>,
  changedFields: string[],
): Promise<CloudResourceState> {
  if (changedFields.includes('tags')) {
    await call({ action: 'ec2:CreateTags', subject: volumeId }, () =>
      ctx.ec2.send(
        new CreateTagsCommand({ Resources: [volumeId], Tags: ec2Tags(tags) }),
        {
          abortSignal: ctx.signal,
        },
      ),
    );
  }
  if (changedFields.some(f => ['sizeGb', 'volumeType', 'iops'].includes(f))) {
    await call({ action: 'ec2:ModifyVolume', subject: volumeId }, () =>
      ctx.ec2.send(
        new ModifyVolumeCommand({
          VolumeId: volumeId,
          Size: resource.sizeGb,
          VolumeType: resource.volumeType,
          Iops: resource.iops,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  }
  const [state] = await describeByIds(ctx, 'aws_ebs_volume', [volumeId]);
  return state;
}

export async function deleteVolume(ctx: AwsCallContext, volumeId: string) {
  try {
    await ctx.ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }), {
      abortSignal: ctx.signal,
    });
  } catch (error) {
    if (errorCode(error) === 'InvalidVolume.NotFound') {
      return;
    }
    throw toCloudError(error, {
      action: 'ec2:DeleteVolume',
      subject: volumeId,
    });
  }
  await waitFor(
    ctx,
    waitUntilVolumeDeleted,
    ctx.ec2,
    { VolumeIds: [volumeId] },
    `volume ${volumeId} to be deleted`,
  );
}

/** AttachVolume unless the volume is attached there already; waits until in use. */
export async function createAttachment(
  ctx: ChangeContext,
  resource: AwsVolumeAttachment,
): Promise<CloudResourceState> {
  const volumeId = ctx.resolve(resource.volume);
  const instanceId = ctx.resolve(resource.instance);
  const id = attachmentId(resource.deviceName, volumeId, instanceId);
  const existing = (await describeByIds(ctx, 'aws_volume_attachment', [id]))[0];
  if (!existing) {
    await call({ action: 'ec2:AttachVolume', subject: ctx.address }, () =>
      ctx.ec2.send(
        new AttachVolumeCommand({
          VolumeId: volumeId,
          InstanceId: instanceId,
          Device: resource.deviceName,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  }
  const out = await waitFor(
    ctx,
    waitUntilVolumeInUse,
    ctx.ec2,
    { VolumeIds: [volumeId] },
    `volume ${volumeId} to be attached`,
  );
  const state = (out?.Volumes ?? [])
    .flatMap(attachmentStates)
    .find((s: CloudResourceState) => s.cloudId === id);
  if (!state) {
    throw new CloudError({
      kind: 'transient',
      code: 'IncorrectState',
      message: `Volume ${volumeId} is in use but not attached to ${instanceId} as ${resource.deviceName}: retry`,
    });
  }
  return state;
}

export async function deleteAttachment(ctx: AwsCallContext, cloudId: string) {
  const { volumeId, instanceId, deviceName } = parseAttachmentId(cloudId);
  try {
    await ctx.ec2.send(
      new DetachVolumeCommand({
        VolumeId: volumeId,
        InstanceId: instanceId,
        Device: deviceName,
      }),
      { abortSignal: ctx.signal },
    );
  } catch (error) {
    const code = errorCode(error);
    if (
      code === 'InvalidVolume.NotFound' ||
      code === 'InvalidInstanceID.NotFound' ||
      code === 'IncorrectState'
    ) {
      return;
    }
    throw toCloudError(error, { action: 'ec2:DetachVolume', subject: cloudId });
  }
  await waitFor(
    ctx,
    waitUntilVolumeAvailable,
    ctx.ec2,
    { VolumeIds: [volumeId] },
    `volume ${volumeId} to be detached`,
  );
}

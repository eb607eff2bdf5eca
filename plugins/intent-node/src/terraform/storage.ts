// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsEbsVolume,
  AwsVolumeAttachment,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  outputsFor,
  resourceBlock,
  resourceTerraform,
  stringAttribute,
} from './common';
import type { HclValue } from './hcl';
import { importByCloudId } from './network';
import type { ResourceExporter } from './types';

/**
 * `aws_ebs_volume`, imported by `vol-…`. A plan without a zone means the
 * zone of the instance it is attached to: written as a reference to that
 * instance's `availability_zone`.
 *
 * @public
 */
export const exportEbsVolume: ResourceExporter<AwsEbsVolume> = (
  volume,
  context,
) => {
  const address = resourceAddress(volume);
  const attachment = context.plan.resources.find(
    r => r.type === 'aws_volume_attachment' && r.volume === address,
  );
  let availabilityZone: HclValue | undefined = volume.availabilityZone;
  if (!availabilityZone && attachment?.type === 'aws_volume_attachment') {
    availabilityZone = context.ref(attachment.instance, 'availability_zone');
  }
  availabilityZone ??= stringAttribute(
    context.actual(address),
    'availabilityZone',
  );
  return resourceTerraform({
    blocks: [
      resourceBlock(context, volume.type, volume.name, {
        availability_zone: availabilityZone,
        size: volume.sizeGb,
        type: volume.volumeType,
        encrypted: volume.encrypted,
        iops: volume.iops,
        tags: context.tags(address, volume.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [['id', `ID of the volume ${volume.name}`]]),
  });
};

/**
 * `aws_volume_attachment`, imported as `DEVICE_NAME:VOLUME_ID:INSTANCE_ID`
 * (its own cloud id is not what the provider takes).
 *
 * @public
 */
export const exportVolumeAttachment: ResourceExporter<AwsVolumeAttachment> = (
  attachment,
  context,
) => {
  const address = resourceAddress(attachment);
  const live = context.live(address);
  const actual = context.actual(address);
  const volumeId =
    stringAttribute(actual, 'volumeId') ??
    stringAttribute(actual, 'volume') ??
    context.live(attachment.volume)?.cloudId ??
    undefined;
  const instanceId =
    stringAttribute(actual, 'instanceId') ??
    stringAttribute(actual, 'instance') ??
    context.live(attachment.instance)?.cloudId ??
    undefined;
  const canImport = Boolean(live?.cloudId && volumeId && instanceId);
  return resourceTerraform({
    blocks: [
      resourceBlock(context, attachment.type, attachment.name, {
        device_name: attachment.deviceName,
        volume_id: context.ref(attachment.volume),
        instance_id: context.ref(attachment.instance),
      }),
    ],
    imports: canImport
      ? [
          {
            to: address,
            id: context.importId(
              address,
              `${attachment.deviceName}:${volumeId}:${instanceId}`,
            ),
            comment:
              'Volume attachments import as DEVICE_NAME:VOLUME_ID:INSTANCE_ID',
          },
        ]
      : [],
    importNotes:
      live?.cloudId && !canImport
        ? [
            `${address} is attached, but its volume or instance id was not recorded: import it as "${attachment.deviceName}:<volume id>:<instance id>".`,
          ]
        : [],
  });
};

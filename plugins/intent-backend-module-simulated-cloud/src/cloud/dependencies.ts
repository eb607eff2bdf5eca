// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { cloudError as error } from './SimulatedCloudError';
import { SimResource, SimulatedStore, statusOf } from './store';

/**
 * EC2's refusals to delete what something else still uses: a security group
 * or subnet of an instance, a VPC with anything in it, an attached volume.
 */
export async function checkDelete(
  store: SimulatedStore,
  row: SimResource,
  now: number,
) {
  const holders = () => store.listInstancesHoldingNetwork(row.region, now);
  const dependency = (message: string) => error('DependencyViolation', message);
  switch (row.type) {
    case 'aws_security_group':
      if (
        (await holders()).some(i =>
          (i.attributes.securityGroups as string[]).includes(row.id),
        )
      ) {
        throw dependency(`resource ${row.id} has a dependent object`);
      }
      break;
    case 'aws_subnet':
      if ((await holders()).some(i => i.attributes.subnet === row.id)) {
        throw dependency(
          `The subnet '${row.id}' has dependencies and cannot be deleted.`,
        );
      }
      break;
    case 'aws_vpc': {
      const [subnets, groups, instances] = await Promise.all([
        store.listLive(row.region, 'aws_subnet'),
        store.listLive(row.region, 'aws_security_group'),
        holders(),
      ]);
      if (
        [...subnets, ...groups, ...instances].some(
          r => r.attributes.vpc === row.id,
        )
      ) {
        throw dependency(
          `The vpc '${row.id}' has dependencies and cannot be deleted.`,
        );
      }
      break;
    }
    case 'aws_ebs_volume':
      if (statusOf(row, now) === 'in-use') {
        const attachments = await store.listLive(
          row.region,
          'aws_volume_attachment',
        );
        const attachment = attachments.find(
          a => a.attributes.volume === row.id,
        );
        throw error(
          'VolumeInUse',
          `Volume ${row.id} is currently attached to ${attachment?.attributes.instance}`,
        );
      }
      break;
    default:
  }
}

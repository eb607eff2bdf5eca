// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * A volume can only be attached to an instance in its own availability zone,
 * but it is created before (and without a reference to) the instance. So a
 * volume that names no zone gets the zone of the instance it is attached to,
 * or the region's first zone, where clouds put an instance that names none.
 * Pure: the plan that is stored, hashed and shown is the one that is applied.
 */
export function withPlacement(plan: Plan): Plan {
  const instanceZone = new Map(
    plan.resources.flatMap(r =>
      r.type === 'aws_instance'
        ? [[`aws_instance.${r.name}`, r.availabilityZone]]
        : [],
    ),
  );
  const attachedTo = new Map(
    plan.resources.flatMap(r =>
      r.type === 'aws_volume_attachment' ? [[r.volume, r.instance]] : [],
    ),
  );
  const fallback = `${plan.region}a`;
  return {
    ...plan,
    resources: plan.resources.map(resource => {
      if (resource.type !== 'aws_ebs_volume' || resource.availabilityZone) {
        return resource;
      }
      const instance = attachedTo.get(`aws_ebs_volume.${resource.name}`);
      return {
        ...resource,
        availabilityZone: (instance && instanceZone.get(instance)) || fallback,
      };
    }),
  };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudPlanCheck } from '@intent-sandboxes/backstage-plugin-intent-node';
import { findImageById, findInstanceType } from './catalog';

/**
 * What the simulated cloud knows before apply, from its catalog: the
 * instance type is offered (a question: the requester picks another), the
 * pinned image exists in the region and its architecture fits the type
 * (denials: apply would fail). Same check ids as the AWS provider. Pure.
 */
export function checkPlan(plan: Plan): CloudPlanCheck[] {
  const checks: CloudPlanCheck[] = [];
  for (const resource of plan.resources) {
    if (resource.type !== 'aws_instance') {
      continue;
    }
    const address = resourceAddress(resource);
    const type = findInstanceType(resource.instanceType);
    if (!type) {
      checks.push({
        id: 'instance-type-not-offered',
        outcome: 'question',
        address,
        field: 'instanceType',
        message: `${resource.instanceType} is not offered in ${plan.region}`,
        fix: `Pick an instance type that ${plan.region} offers, or another region`,
      });
      continue;
    }
    const imageId = resource.image.id;
    const image = imageId ? findImageById(plan.region, imageId) : undefined;
    if (imageId && !image) {
      checks.push({
        id: 'image-not-found',
        outcome: 'deny',
        address,
        field: 'image.id',
        message: `The pinned image ${imageId} does not exist in ${plan.region}`,
        fix: 'Plan the session again so the image is resolved anew',
      });
      continue;
    }
    const architecture =
      image?.image.architecture ?? resource.image.architecture;
    if (architecture !== type.architecture) {
      checks.push({
        id: 'image-architecture-mismatch',
        outcome: 'deny',
        address,
        field: 'image.architecture',
        message: `${resource.instanceType} runs ${type.architecture} images, but the image is ${architecture}`,
        fix: `Pick an ${architecture} instance type or an image for ${type.architecture}`,
      });
    }
  }
  return checks;
}

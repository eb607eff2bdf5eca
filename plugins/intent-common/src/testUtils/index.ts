// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Builders of valid plans for tests of code that takes plans.
 *
 * @packageDocumentation
 */

import {
  Plan,
  PLAN_FORMAT_VERSION,
  PlanInput,
  PlanResourceInput,
  planSchema,
} from '../plan';

/**
 * A validated plan in us-east-1 (unless `extra` says otherwise), defaults filled in.
 *
 * @public
 */
export function makePlan(
  resources: PlanResourceInput[],
  extra: Partial<Omit<PlanInput, 'resources'>> = {},
): Plan {
  return planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: 'us-east-1',
    ...extra,
    resources,
  });
}

/**
 * An instance as the planner writes it, with a private IP unless overridden.
 *
 * @public
 */
export function instance(
  name: string,
  fields: Partial<Extract<PlanResourceInput, { type: 'aws_instance' }>> = {},
): PlanResourceInput {
  return {
    type: 'aws_instance',
    name,
    instanceType: 't3.micro',
    image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
    associatePublicIp: false,
    ...fields,
  };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  PlanResource,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** The resources of a plan of one type, typed. @internal */
export function resourcesOfType<T extends ResourceType>(
  plan: Pick<Plan, 'resources'>,
  type: T,
): Array<Extract<PlanResource, { type: T }>> {
  return plan.resources.filter(
    (r): r is Extract<PlanResource, { type: T }> => r.type === type,
  );
}

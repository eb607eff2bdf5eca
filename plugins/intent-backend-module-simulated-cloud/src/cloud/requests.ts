// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanResource,
  planResourceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { cloudError as error } from './SimulatedCloudError';

/** Equal requests hash equally. */
export { canonicalJson } from '@intent-sandboxes/backstage-plugin-intent-common';

/** Validates a resource as the plan schema does; EC2's error when it is not valid. */
export function parseResource(resource: PlanResource): PlanResource {
  const parsed = planResourceSchema.safeParse(resource);
  if (!parsed.success) {
    throw error(
      'InvalidParameterValue',
      parsed.error.issues
        .map(
          issue => `${issue.path.join('.') || '(resource)'}: ${issue.message}`,
        )
        .join('; '),
    );
  }
  return parsed.data;
}

export function checkClientToken(clientToken: string) {
  if (!/^[\x20-\x7e]{1,64}$/.test(clientToken)) {
    throw error(
      'InvalidParameterValue',
      `Value (${clientToken}) for parameter clientToken is invalid. Use 1 to 64 ASCII characters.`,
    );
  }
}

/** EC2's tag limits: 50 per resource, no `aws:` keys, lengths. */
export function checkTags(
  tags: Record<string, string>,
): Record<string, string> {
  const entries = Object.entries(tags);
  if (entries.length > 50) {
    throw error(
      'TagLimitExceeded',
      `The maximum number of tags per resource (50) has been exceeded: ${entries.length}`,
    );
  }
  for (const [key, value] of entries) {
    if (key.toLowerCase().startsWith('aws:')) {
      throw error(
        'InvalidParameterValue',
        `Tag key '${key}': keys starting with 'aws:' are reserved for internal use`,
      );
    }
    if (key.length < 1 || key.length > 128 || value.length > 256) {
      throw error(
        'InvalidParameterValue',
        `Tag '${key}': keys have 1 to 128 characters, values up to 256`,
      );
    }
  }
  return tags;
}

/** The tags the plan gives a resource. */
export function resourceTags(resource: PlanResource): Record<string, string> {
  return 'tags' in resource ? resource.tags : {};
}

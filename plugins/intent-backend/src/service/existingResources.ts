// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  ExistingResource,
  existingAddress,
  Plan,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudExistingResource,
  CloudProvider,
} from '@intent-sandboxes/backstage-plugin-intent-node';

/** What {@link resolveExisting} found, and what it has to ask. */
export interface ExistingResolution {
  /** Cloud ids by data address (`data.aws_key_pair.laptop` → `key-0…`): the runner's `resolved`. */
  resolved: Record<string, string>;
  /** What the cloud reports of each found one, by data address (for policy). */
  found: Record<string, CloudExistingResource>;
  /** One question per entry the cloud does not have (or cannot look up). */
  questions: string[];
}

const LABELS: Record<ExistingResource['type'], string> = {
  aws_key_pair: 'key pair',
  aws_vpc: 'VPC',
  aws_subnet: 'subnet',
  aws_security_group: 'security group',
};

/** "a key pair named dev-laptop", "a subnet with id subnet-0…", "a default VPC". */
function described(entry: ExistingResource): string {
  const label = LABELS[entry.type];
  if (entry.lookup.default) {
    return `default ${label}`;
  }
  if (entry.lookup.id) {
    return `${label} with id ${entry.lookup.id}`;
  }
  return `${label} named ${entry.lookup.name}`;
}

/** The question for an entry the cloud does not have. */
export function missingExistingQuestion(
  entry: ExistingResource,
  region: string,
): string {
  const what = described(entry);
  const alternative = entry.lookup.default
    ? `name another ${LABELS[entry.type]} or let the sandbox create one`
    : 'name another or let the sandbox create one';
  return `There is no ${what} in ${region}: ${alternative}`;
}

/**
 * Looks every `existing` entry of a plan up in the cloud, in the plan's
 * order, one call each. Found ones resolve their data address to the cloud
 * id (what apply passes on as `resolved`); a missing one, or any when the
 * cloud cannot look existing resources up, becomes a question for the
 * requester instead of a failed apply. Pure apart from the provider's
 * lookups; cloud errors are thrown as they are.
 *
 * @public
 */
export async function resolveExisting(
  plan: { existing?: Plan['existing'] },
  provider: CloudProvider,
  region: string,
  options: { account?: string; signal?: AbortSignal } = {},
): Promise<ExistingResolution> {
  const result: ExistingResolution = { resolved: {}, found: {}, questions: [] };
  for (const entry of plan.existing ?? []) {
    const address = existingAddress(entry);
    if (!provider.findExisting) {
      result.questions.push(
        `The ${provider.id} cloud cannot look up an existing ${described(
          entry,
        )}: let the sandbox create one instead`,
      );
      continue;
    }
    const found = await provider.findExisting({
      region,
      account: options.account,
      signal: options.signal,
      existing: entry,
    });
    if (!found) {
      result.questions.push(missingExistingQuestion(entry, region));
      continue;
    }
    result.resolved[address] = found.cloudId;
    result.found[address] = found;
  }
  return result;
}

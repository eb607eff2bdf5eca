// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { hclAttributes, hclBlock, HclBlock, HclValue } from './hcl';

/**
 * A resource the plan uses without owning it (a default VPC, a shared key
 * pair), addressed `data.<type>.<name>`: an entry of the plan's `existing`
 * (the plan schema's `ExistingResource`).
 *
 * @public
 */
export interface ExistingResource {
  type: string;
  name: string;
  lookup: { name?: string; id?: string; default?: boolean };
}

/** How each type is looked up by name, id or as the region's default. */
const LOOKUPS: Record<
  string,
  (lookup: ExistingResource['lookup']) => Record<string, HclValue | undefined>
> = {
  aws_vpc: l => ({
    id: l.id,
    default: l.default || undefined,
    tags: l.name ? { Name: l.name } : undefined,
  }),
  aws_subnet: l => ({
    id: l.id,
    default_for_az: l.default || undefined,
    tags: l.name ? { Name: l.name } : undefined,
  }),
  aws_security_group: l => ({
    id: l.id,
    name: l.name ?? (l.default ? 'default' : undefined),
  }),
  aws_key_pair: l => ({ key_pair_id: l.id, key_name: l.name }),
};

/**
 * A `data` block for an existing resource: referenced as
 * `data.<type>.<name>.<attribute>` and never imported.
 *
 * @public
 */
export function exportExisting(existing: ExistingResource): HclBlock {
  const lookup =
    LOOKUPS[existing.type] ??
    ((l: ExistingResource['lookup']) => ({
      id: l.id,
      tags: l.name ? { Name: l.name } : undefined,
    }));
  return hclBlock(
    'data',
    [existing.type, existing.name],
    hclAttributes(lookup(existing.lookup)),
  );
}

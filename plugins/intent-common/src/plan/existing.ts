// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';

import {
  ExistingResourceType,
  existingResourceTypes,
  resourceName,
} from './fields';

/** The prefix of the address of an `existing` entry: `data.`. @public */
export const DATA_ADDRESS_PREFIX = 'data.';

/**
 * Whether an address names an `existing` entry (`data.aws_vpc.default`)
 * rather than a resource of the plan.
 *
 * @public
 */
export function isDataAddress(address: string): boolean {
  return address.startsWith(DATA_ADDRESS_PREFIX);
}

/**
 * How an existing resource is found in the cloud: exactly one of its name
 * (a key pair's name, the `Name` tag of a VPC or subnet, a security group's
 * name), its cloud id (`vpc-…`, `subnet-…`, `sg-…`, `key-…`), or, for a VPC
 * or subnet, `default: true` (the region's default VPC; a default subnet).
 *
 * @public
 */
export const existingLookupSchema = z
  .object({
    name: z.string().min(1).max(255).optional(),
    id: z
      .string()
      .regex(
        /^(vpc|subnet|sg|key)-[0-9a-f]{8}([0-9a-f]{9})?$/,
        'Expected a cloud id such as vpc-0a1b2c3d, subnet-0a1b2c3d, sg-0a1b2c3d or key-0a1b2c3d',
      )
      .optional(),
    default: z.literal(true).optional(),
  })
  .refine(
    lookup =>
      [lookup.name, lookup.id, lookup.default].filter(v => v !== undefined)
        .length === 1,
    { message: 'Give exactly one of name, id or default' },
  );

const ID_PREFIX: Record<ExistingResourceType, string> = {
  aws_key_pair: 'key-',
  aws_vpc: 'vpc-',
  aws_subnet: 'subnet-',
  aws_security_group: 'sg-',
};

/**
 * A resource that already exists in the cloud and that the plan uses but
 * does not create or delete, e.g. "my key pair dev-laptop", "the default
 * VPC", "subnet-0f1e2d3c". Its address is `data.<type>.<name>`; the cloud
 * resolves it at plan time (missing: a question) and Terraform writes it as
 * a data source.
 *
 * @public
 */
export const existingResourceSchema = z
  .object({
    type: z.enum(existingResourceTypes),
    name: resourceName,
    lookup: existingLookupSchema,
  })
  .superRefine((entry, ctx) => {
    if (
      entry.lookup.default &&
      entry.type !== 'aws_vpc' &&
      entry.type !== 'aws_subnet'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['lookup', 'default'],
        message: `Only an aws_vpc or aws_subnet can be looked up as the default, not an ${entry.type}`,
      });
    }
    if (entry.lookup.id && !entry.lookup.id.startsWith(ID_PREFIX[entry.type])) {
      ctx.addIssue({
        code: 'custom',
        path: ['lookup', 'id'],
        message: `An ${entry.type} id starts with ${ID_PREFIX[entry.type]}`,
      });
    }
  });

/**
 * The address of an `existing` entry: `data.aws_key_pair.laptop`.
 *
 * @public
 */
export function existingAddress(
  entry: Pick<ExistingResource, 'type' | 'name'>,
): string {
  return `${DATA_ADDRESS_PREFIX}${entry.type}.${entry.name}`;
}

/** @public */
export type ExistingResource = z.infer<typeof existingResourceSchema>;
/** @public */
export type ExistingLookup = z.infer<typeof existingLookupSchema>;

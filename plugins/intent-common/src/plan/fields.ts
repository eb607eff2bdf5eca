// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';

/* The primitives of the plan schema: enums, names, references, tags, codes. */

/**
 * Version of the plan document format. Stored with every revision so that a
 * later format can read (or migrate) the plans written by this one.
 *
 * @public
 */
export const PLAN_FORMAT_VERSION = 1;

/** @public */
export const operatingSystems = [
  'ubuntu',
  'amazon-linux',
  'debian',
  'rhel',
  'windows-server',
] as const;

/** @public */
export const architectures = ['x86_64', 'arm64'] as const;

/** @public */
export const volumeTypes = [
  'gp2',
  'gp3',
  'io1',
  'io2',
  'st1',
  'sc1',
  'standard',
] as const;

/**
 * Every resource type a plan can hold, in the order a new plan creates them
 * (what others depend on first).
 *
 * @public
 */
export const resourceTypes = [
  'aws_vpc',
  'aws_subnet',
  'aws_internet_gateway',
  'aws_route_table',
  'aws_route_table_association',
  'aws_security_group',
  'aws_key_pair',
  'aws_instance',
  'aws_ebs_volume',
  'aws_volume_attachment',
  'aws_eip',
  'aws_s3_bucket',
] as const;

/** @public */
export type ResourceType = (typeof resourceTypes)[number];

/** @internal */
export const resourceName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'Use 1-63 lowercase letters, digits or underscores, starting with a letter',
  );

/**
 * The resource types an `existing` entry may name: resources a plan can use
 * but not create, looked up in the cloud by name, id or (VPC, subnet) as the
 * region's default.
 *
 * @public
 */
export const existingResourceTypes = [
  'aws_key_pair',
  'aws_vpc',
  'aws_subnet',
  'aws_security_group',
] as const;

/** @public */
export type ExistingResourceType = (typeof existingResourceTypes)[number];

/** @internal */
export const NAME_PATTERN = '[a-z][a-z0-9_]{0,62}';

/**
 * A reference to another resource of the plan: the address of one of its
 * resources of the right type (`aws_security_group.ssh`) or, for the types
 * an `existing` entry may name, the data address of such an entry
 * (`data.aws_key_pair.laptop`). That the target is in the plan (or in
 * `existing`) is checked by the plan's own validation.
 */
/** @internal */
export function ref<T extends ResourceType>(type: T) {
  const existing = (existingResourceTypes as readonly string[]).includes(type);
  const pattern = existing
    ? `^(data\\.)?${type}\\.${NAME_PATTERN}$`
    : `^${type}\\.${NAME_PATTERN}$`;
  return z
    .string()
    .regex(
      new RegExp(pattern),
      existing
        ? `Expected the address of an ${type} in this plan, e.g. ${type}.main, or of an existing one, e.g. data.${type}.main`
        : `Expected the address of an ${type} in this plan, e.g. ${type}.main`,
    );
}

/** @internal */
export const tagsSchema = z
  .record(z.string().min(1).max(128), z.string().max(256))
  .describe('Resource tags; the intent:* tags are added by the backend');

/** AWS region code such as `eu-west-1`. @public */
export const regionSchema = z
  .string()
  .regex(
    /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
    'Expected an AWS region code such as eu-west-1',
  );

/** EC2 instance type such as `t3.micro` or `m7g.large`. @public */
export const instanceTypeSchema = z
  .string()
  .regex(
    /^[a-z]+\d[a-z0-9-]*\.(nano|micro|small|medium|large|metal|\d*xlarge)$/,
    'Expected an EC2 instance type such as t3.micro',
  );

/** @internal */
export const availabilityZone = z
  .string()
  .regex(
    /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/,
    'Expected an availability zone such as eu-west-1a',
  );

/** @internal */
export const cidrV4 = z
  .string()
  .regex(
    /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/,
    'Expected an IPv4 CIDR block such as 203.0.113.4/32',
  );
/** @internal */
export const cidrV6 = z
  .string()
  .regex(/^[0-9a-f:]+\/\d{1,3}$/i, 'Expected an IPv6 CIDR block such as ::/0');

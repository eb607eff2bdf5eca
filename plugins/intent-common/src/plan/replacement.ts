// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { canonicalJson } from './canonicalJson';
import type { ResourceType } from './schema';

/**
 * Fields EC2 (and S3) cannot change on an existing resource, per type, in the
 * plan's field names; nested fields are dotted. Taken from what the clouds'
 * APIs allow (and where Terraform's AWS provider forces a new resource).
 */
const REPLACING_FIELDS: Record<ResourceType, string[]> = {
  aws_vpc: ['cidrBlock'],
  aws_subnet: ['vpc', 'cidrBlock', 'availabilityZone'],
  aws_security_group: ['vpc', 'description'],
  aws_key_pair: ['publicKey'],
  aws_instance: [
    'image',
    'subnet',
    'availabilityZone',
    'keyPair',
    'associatePublicIp',
    'rootVolume.encrypted',
  ],
  aws_ebs_volume: ['availabilityZone', 'encrypted'],
  aws_volume_attachment: ['volume', 'instance', 'deviceName'],
  aws_eip: [],
  aws_s3_bucket: ['bucketName'],
};

/**
 * Sizes that can grow in place (EBS ModifyVolume) but never shrink: a smaller
 * value needs a new resource.
 */
const GROW_ONLY_FIELDS: Partial<Record<ResourceType, string[]>> = {
  aws_instance: ['rootVolume.sizeGb'],
  aws_ebs_volume: ['sizeGb'],
};

/**
 * Optional fields the cloud fills in when the plan leaves them out (a zone,
 * a generated bucket name or key): leaving one out later keeps what the
 * cloud chose, so it is no change.
 */
const CLOUD_DEFAULTED_FIELDS: Partial<Record<ResourceType, string[]>> = {
  aws_instance: ['availabilityZone'],
  aws_subnet: ['availabilityZone'],
  aws_ebs_volume: ['availabilityZone'],
  aws_key_pair: ['publicKey'],
  aws_s3_bucket: ['bucketName'],
};

function valueAt(record: Readonly<Record<string, unknown>>, path: string) {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return (value as Record<string, unknown>)[key];
    }
    return undefined;
  }, record);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The fields whose change from `before` to `after` the cloud cannot apply in
 * place, so the resource must be replaced (a new one created, the old one
 * deleted): e.g. `image`, `availabilityZone`, `rootVolume.encrypted`,
 * `cidrBlock`, `bucketName`, a key pair's `publicKey`, or a volume size that
 * shrinks. Empty when an update in place will do (tags, security group rules,
 * instance type, a volume that grows, ...).
 *
 * Both sides use the plan's field names: two plan resources (references as
 * plan addresses), or a cloud's attributes and the desired values (references
 * as cloud ids). A field the cloud defaults (`availabilityZone`, a generated
 * `bucketName` or key) that `after` leaves out is no change. Pure.
 *
 * @public
 */
export function requiresReplacement(
  type: ResourceType,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const defaulted = CLOUD_DEFAULTED_FIELDS[type] ?? [];
  const changed = REPLACING_FIELDS[type].filter(path => {
    const next = valueAt(after, path);
    if (next === undefined && defaulted.includes(path)) {
      return false;
    }
    return !same(valueAt(before, path), next);
  });
  const shrunk = (GROW_ONLY_FIELDS[type] ?? []).filter(path => {
    const previous = valueAt(before, path);
    const next = valueAt(after, path);
    return (
      typeof previous === 'number' &&
      typeof next === 'number' &&
      next < previous
    );
  });
  return [...changed, ...shrunk];
}

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
  aws_internet_gateway: ['vpc'],
  aws_route_table: ['vpc'],
  aws_route_table_association: ['subnet', 'routeTable'],
  aws_security_group: ['vpc', 'description'],
  aws_key_pair: ['publicKey', 'keyName'],
  aws_instance: [
    'software',
    'userData',
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
  aws_instance: ['availabilityZone', 'userData'],
  aws_subnet: ['availabilityZone'],
  aws_ebs_volume: ['availabilityZone'],
  aws_key_pair: ['publicKey', 'keyName'],
  aws_s3_bucket: ['bucketName'],
};

/**
 * Fields whose absence means an empty list (a resource written before the
 * field existed, a cloud that does not report it).
 */
const EMPTY_LIST_FIELDS: Partial<Record<ResourceType, string[]>> = {
  aws_instance: ['software'],
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * An instance's image is replaced when its os, version or architecture
 * change (`image`), or when both sides pin an image id and the ids differ
 * (`image.id`: the same os and version, resolved to another image). An id
 * pinned where none was (a plan from before ids were pinned, a cloud that
 * reports none) is no change: the cloud chose the image at create time.
 */
function imageChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) {
    return same(before, after) ? [] : ['image'];
  }
  const { id: beforeId, ...beforeRest } = before;
  const { id: afterId, ...afterRest } = after;
  if (!same(beforeRest, afterRest)) {
    return ['image'];
  }
  return typeof beforeId === 'string' &&
    typeof afterId === 'string' &&
    beforeId !== afterId
    ? ['image.id']
    : [];
}

/**
 * The fields whose change from `before` to `after` the cloud cannot apply in
 * place, so the resource must be replaced (a new one created, the old one
 * deleted): e.g. `image` (or only its pinned `image.id`), `availabilityZone`, `rootVolume.encrypted`,
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
  const changed = REPLACING_FIELDS[type].flatMap(path => {
    const next = valueAt(after, path);
    if (type === 'aws_instance' && path === 'image') {
      return imageChanges(valueAt(before, path), next);
    }
    if (next === undefined && defaulted.includes(path)) {
      return [];
    }
    if ((EMPTY_LIST_FIELDS[type] ?? []).includes(path)) {
      return same(valueAt(before, path) ?? [], next ?? []) ? [] : [path];
    }
    return same(valueAt(before, path), next) ? [] : [path];
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

/**
 * Why a resource is replaced, in words, where its fields alone do not say
 * it: an instance whose image keeps its os, version and architecture but
 * was resolved to another image id is replaced because of
 * `image ami-0aaa… → ami-0bbb…`; one whose software changes because of
 * `software nginx → nginx, docker` (installed at first boot only).
 * Undefined otherwise. Pure.
 *
 * @public
 */
export function replacementReason(
  type: ResourceType,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string | undefined {
  const fields = requiresReplacement(type, before, after);
  const reasons: string[] = [];
  if (fields.includes('image.id')) {
    reasons.push(
      `image ${valueAt(before, 'image.id')} \u2192 ${valueAt(
        after,
        'image.id',
      )}`,
    );
  }
  if (fields.includes('software')) {
    const list = (value: unknown) =>
      Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none';
    reasons.push(
      `software ${list(valueAt(before, 'software'))} \u2192 ${list(
        valueAt(after, 'software'),
      )}`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

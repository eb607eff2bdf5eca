// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  awsEbsVolumeSchema,
  awsEipSchema,
  awsInstanceSchema,
  awsKeyPairSchema,
  awsS3BucketSchema,
  awsSecurityGroupSchema,
  awsSubnetSchema,
  awsInternetGatewaySchema,
  awsRouteTableSchema,
  awsRouteTableAssociationSchema,
  awsVolumeAttachmentSchema,
  awsVpcSchema,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { findInstanceType } from './catalog';
import { SimEnv, toState } from './lifecycle';
import { SimulatedDrift } from './options';
import { checkTags } from './requests';
import { cloudError as error } from './SimulatedCloudError';
import { SimResource } from './store';
import { bucketFacts, REFERENCE_FIELDS, RULES } from './types';

const SCHEMAS: Record<ResourceType, { shape: object }> = {
  aws_vpc: awsVpcSchema,
  aws_subnet: awsSubnetSchema,
  aws_internet_gateway: awsInternetGatewaySchema,
  aws_route_table: awsRouteTableSchema,
  aws_route_table_association: awsRouteTableAssociationSchema,
  aws_security_group: awsSecurityGroupSchema,
  aws_key_pair: awsKeyPairSchema,
  aws_instance: awsInstanceSchema,
  aws_ebs_volume: awsEbsVolumeSchema,
  aws_volume_attachment: awsVolumeAttachmentSchema,
  aws_eip: awsEipSchema,
  aws_s3_bucket: awsS3BucketSchema,
};

type FieldSchema = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: Array<{ message: string }> } };
};

/**
 * Changes a live resource as a console user would (ClickOps), so that a
 * drift check sees it. Values are checked like the console checks them.
 */
export async function injectDrift(
  { store }: SimEnv,
  drift: SimulatedDrift,
): Promise<CloudResourceState> {
  const row = await store.findLiveAnywhere(drift.cloudId, drift.type);
  if (!row) {
    throw error(
      'InvalidResourceID.NotFound',
      `The resource '${drift.cloudId}' does not exist`,
    );
  }
  const attributes = { ...row.attributes };
  for (const [field, value] of Object.entries(drift.attributes ?? {})) {
    attributes[field] = driftValue(row, field, value);
  }
  if (row.type === 'aws_s3_bucket') {
    Object.assign(attributes, bucketFacts(attributes, row.region));
  }
  let tags: Record<string, string> | undefined;
  if (drift.tags) {
    if (!RULES[row.type].taggable) {
      throw error(
        'InvalidParameterValue',
        `${row.type} resources carry no tags`,
      );
    }
    tags = { ...row.tags };
    for (const [key, value] of Object.entries(drift.tags)) {
      if (value === null) {
        delete tags[key];
      } else {
        tags[key] = value;
      }
    }
    checkTags(tags);
  }
  const now = Date.now();
  await store.transaction(trx =>
    store.update(trx, row, { attributes, tags }, now),
  );
  const updated = await store.findLive(row.region, row.type, row.id);
  return toState(updated!, now);
}

/** Checks one drifted attribute like the console would and returns the value to store. */
function driftValue(row: SimResource, field: string, value: unknown): unknown {
  if (field === 'type' || field === 'name' || field === 'tags') {
    throw error('InvalidParameterValue', `${field} cannot be changed`);
  }
  if (value === null) {
    return undefined;
  }
  if (REFERENCE_FIELDS[row.type]?.includes(field)) {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0 || ids.some(id => typeof id !== 'string')) {
      throw error(
        'InvalidParameterValue',
        `${field} holds cloud ids, not ${JSON.stringify(value)}`,
      );
    }
    return value;
  }
  const shape = SCHEMAS[row.type].shape as Record<string, FieldSchema>;
  if (field in shape) {
    const parsed = shape[field].safeParse(value);
    if (!parsed.success) {
      throw error(
        'InvalidParameterValue',
        `${field}: ${parsed.error.issues.map(i => i.message).join('; ')}`,
      );
    }
    if (field === 'instanceType') {
      checkInstanceType(row, parsed.data as string);
    }
    return parsed.data;
  }
  if (field in row.attributes) {
    return value;
  }
  throw error('InvalidParameterValue', `${row.type} has no attribute ${field}`);
}

function checkInstanceType(row: SimResource, instanceType: string) {
  const type = findInstanceType(instanceType);
  if (!type) {
    throw error(
      'InvalidParameterValue',
      `Invalid value '${instanceType}' for InstanceType.`,
    );
  }
  if (type.architecture !== row.attributes.architecture) {
    throw error(
      'InvalidParameterValue',
      `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${row.attributes.architecture}' of the instance's AMI.`,
    );
  }
}

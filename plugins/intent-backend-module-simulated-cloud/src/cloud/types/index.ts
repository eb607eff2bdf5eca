// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  PlanResource,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { bucketRules } from './bucket';
import { eipRules } from './eip';
import { instanceRules } from './instance';
import { internetGatewayRules } from './internetGateway';
import { keyPairRules } from './keyPair';
import { routeTableRules } from './routeTable';
import { routeTableAssociationRules } from './routeTableAssociation';
import { TypeRules } from './rules';
import { securityGroupRules } from './securityGroup';
import { subnetRules } from './subnet';
import { volumeRules } from './volume';
import { attachmentRules } from './volumeAttachment';
import { vpcRules } from './vpc';

export type { Initial, RuleContext, Timings, TypeRules } from './rules';
export { bucketFacts } from './bucket';
export { checkCanAssociate } from './eip';

/** The rules of every resource type. */
export const RULES: {
  [T in ResourceType]: TypeRules<Extract<PlanResource, { type: T }>>;
} = {
  aws_vpc: vpcRules,
  aws_subnet: subnetRules,
  aws_internet_gateway: internetGatewayRules,
  aws_route_table: routeTableRules,
  aws_route_table_association: routeTableAssociationRules,
  aws_security_group: securityGroupRules,
  aws_key_pair: keyPairRules,
  aws_instance: instanceRules,
  aws_ebs_volume: volumeRules,
  aws_volume_attachment: attachmentRules,
  aws_eip: eipRules,
  aws_s3_bucket: bucketRules,
};

/** The plan fields that hold references (cloud ids in the cloud's attributes). */
export const REFERENCE_FIELDS: Partial<Record<ResourceType, string[]>> = {
  aws_subnet: ['vpc'],
  aws_internet_gateway: ['vpc'],
  aws_route_table: ['vpc'],
  aws_route_table_association: ['subnet', 'routeTable'],
  aws_security_group: ['vpc'],
  aws_instance: ['subnet', 'securityGroups', 'keyPair'],
  aws_volume_attachment: ['volume', 'instance'],
  aws_eip: ['instance'],
};

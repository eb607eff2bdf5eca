// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsRouteTableAssociation } from '@intent-sandboxes/backstage-plugin-intent-common';
import { newCloudId } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { live, NOT_FOUND, TypeRules } from './rules';

/**
 * Route table associations: AssociateRouteTable, keyed by its subnet (as
 * AttachVolume is by its volume): a subnet is associated with one route
 * table, of its own VPC. Not taggable.
 */
export const routeTableAssociationRules: TypeRules<AwsRouteTableAssociation> = {
  taggable: false,
  idempotency: 'client-token',
  notFound: NOT_FOUND.aws_route_table_association,
  conflict: initial =>
    error(
      'Resource.AlreadyAssociated',
      `the specified association for route table ${initial.facts.routeTable} conflicts with an existing association`,
    ),
  async desired(resource, ctx) {
    const subnet = await live(ctx, 'aws_subnet', ctx.resolve(resource.subnet));
    const table = await live(
      ctx,
      'aws_route_table',
      ctx.resolve(resource.routeTable),
    );
    if (subnet.attributes.vpc !== table.attributes.vpc) {
      throw error(
        'InvalidParameterValue',
        `Route table ${table.id} and subnet ${subnet.id} belong to different networks`,
      );
    }
    return { subnet: subnet.id, routeTable: table.id };
  },
  initial(_resource, desired) {
    const id = newCloudId('rtbassoc');
    return {
      id,
      // A subnet has one explicit association.
      liveKey: `aws_route_table_association:${desired.subnet}`,
      state: 'associated',
      transitionAt: null,
      facts: { routeTable: desired.routeTable },
    };
  },
};

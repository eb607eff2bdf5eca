// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsRouteTable } from '@intent-sandboxes/backstage-plugin-intent-common';
import { newCloudId, parseCidr } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { live, NOT_FOUND, TypeRules } from './rules';

/**
 * Route tables: CreateRouteTable (and CreateRoute per route), client token.
 * Each route's gateway must be attached to the table's VPC, and a
 * destination may appear once.
 */
export const routeTableRules: TypeRules<AwsRouteTable> = {
  taggable: true,
  idempotency: 'client-token',
  notFound: NOT_FOUND.aws_route_table,
  conflict: initial =>
    error(
      'InvalidRouteTableID.Duplicate',
      `The routeTable ID '${initial.id}' already exists`,
    ),
  async desired(resource, ctx) {
    const vpc = await live(ctx, 'aws_vpc', ctx.resolve(resource.vpc));
    const seen = new Set<string>();
    const routes = [];
    for (const route of resource.routes) {
      parseCidr(route.cidrBlock, 'destinationCidrBlock');
      if (seen.has(route.cidrBlock)) {
        throw error(
          'RouteAlreadyExists',
          `The route identified by ${route.cidrBlock} already exists.`,
        );
      }
      seen.add(route.cidrBlock);
      const gateway = await live(
        ctx,
        'aws_internet_gateway',
        ctx.resolve(route.gateway),
      );
      if (gateway.attributes.vpc !== vpc.id) {
        throw error(
          'InvalidParameterValue',
          `route table and network gateway belong to different networks`,
        );
      }
      routes.push({ cidrBlock: route.cidrBlock, gateway: gateway.id });
    }
    return { vpc: vpc.id, routes };
  },
  initial(_resource, desired, ctx) {
    const id = newCloudId('rtb');
    return {
      id,
      liveKey: `aws_route_table:${id}`,
      state: 'available',
      transitionAt: null,
      facts: {
        main: false,
        ownerVpc: desired.vpc,
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

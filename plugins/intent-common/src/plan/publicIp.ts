// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AwsInstance, isDataAddress, Plan, resourceAddress } from './schema';

/**
 * Whether an instance gets a public IPv4 address at launch, and why.
 *
 * @public
 */
export interface InstancePublicIp {
  public: boolean;
  /** Readable reason, e.g. `associatePublicIp is unset and the instance is in the region's default subnet`. */
  reason: string;
  /**
   * Whether the instance's subnet routes to an internet gateway, when the
   * plan says (a plan subnet): false means the address is public but not
   * reachable from the internet until a route is added. Undefined when the
   * subnet is outside the plan (a default or existing subnet: assumed
   * routed).
   */
  routedToInternet?: boolean;
}

/**
 * Whether a subnet routes to the internet, and why.
 *
 * @public
 */
export interface SubnetInternetRoute {
  routed: boolean;
  /** The internet gateway the route goes to, when routed. */
  gateway?: string;
  reason: string;
}

/**
 * Whether a subnet of the plan has a route to an internet gateway: through
 * the route table the plan associates it with (any route whose gateway is
 * an internet gateway). A subnet without an association uses its VPC's main
 * route table: a new VPC's has only the local route (not routed), an
 * existing VPC's is unknown (counted as routed, conservatively). A subnet
 * the plan does not hold counts as routed. Pure.
 *
 * @public
 */
export function subnetInternetRoute(
  subnet: string,
  plan: Pick<Plan, 'resources'>,
): SubnetInternetRoute {
  const own = plan.resources.find(
    r => r.type === 'aws_subnet' && resourceAddress(r) === subnet,
  );
  if (!own || own.type !== 'aws_subnet') {
    return {
      routed: true,
      reason: `${subnet} is not in the plan, so it may route to the internet`,
    };
  }
  const associations = plan.resources.filter(
    r => r.type === 'aws_route_table_association' && r.subnet === subnet,
  );
  for (const association of associations) {
    if (association.type !== 'aws_route_table_association') {
      continue;
    }
    const table = plan.resources.find(
      r =>
        r.type === 'aws_route_table' &&
        resourceAddress(r) === association.routeTable,
    );
    if (!table || table.type !== 'aws_route_table') {
      return {
        routed: true,
        reason: `${subnet} uses ${association.routeTable}, which is not in the plan, so it may route to the internet`,
      };
    }
    const route = table.routes.find(
      r =>
        r.gateway.startsWith('aws_internet_gateway.') ||
        r.gateway.startsWith('data.aws_internet_gateway.'),
    );
    if (route) {
      return {
        routed: true,
        gateway: route.gateway,
        reason: `${subnet} routes ${route.cidrBlock} to ${route.gateway} through ${association.routeTable}`,
      };
    }
    return {
      routed: false,
      reason: `${subnet} uses ${association.routeTable}, which has no route to an internet gateway`,
    };
  }
  if (isDataAddress(own.vpc)) {
    return {
      routed: true,
      reason: `${subnet} uses the main route table of the existing ${own.vpc}, which may route to the internet`,
    };
  }
  return {
    routed: false,
    reason: `${subnet} has no route table association, and the main route table of ${own.vpc} has no route to an internet gateway`,
  };
}

/**
 * Decides whether an instance is launched with a public IPv4 address. An
 * explicit `associatePublicIp` wins; unset, the subnet decides: the region's
 * default subnet (no `subnet`) auto-assigns public IPs, a plan subnet does when
 * `mapPublicIpOnLaunch` is true. A subnet the plan does not hold counts as
 * auto-assigning (unknown is treated as public). Elastic IPs are not looked
 * at here. Whether the subnet routes to an internet gateway does not change
 * the answer (an address is public even while unrouted, and a route can be
 * added later: conservative), only the reason and `routedToInternet`.
 *
 * @public
 */
export function instancePublicIp(
  instance: AwsInstance,
  plan: Pick<Plan, 'resources'>,
): InstancePublicIp {
  if (instance.associatePublicIp !== undefined) {
    return {
      public: instance.associatePublicIp,
      reason: `associatePublicIp is ${instance.associatePublicIp}`,
    };
  }
  if (!instance.subnet) {
    return {
      public: true,
      reason:
        "associatePublicIp is unset and the instance is in the region's default subnet, which assigns public IPs",
    };
  }
  const subnet = plan.resources.find(
    r => r.type === 'aws_subnet' && resourceAddress(r) === instance.subnet,
  );
  if (!subnet || subnet.type !== 'aws_subnet') {
    return {
      public: true,
      reason: isDataAddress(instance.subnet)
        ? `associatePublicIp is unset and the existing subnet ${instance.subnet} may assign public IPs`
        : `associatePublicIp is unset and subnet ${instance.subnet} is not in the plan, so it may assign public IPs`,
    };
  }
  const route = subnetInternetRoute(instance.subnet, plan);
  const routing = route.routed
    ? `; ${route.reason}`
    : `; ${route.reason} (yet)`;
  return subnet.mapPublicIpOnLaunch
    ? {
        public: true,
        reason: `associatePublicIp is unset and ${instance.subnet} has mapPublicIpOnLaunch: true${routing}`,
        routedToInternet: route.routed,
      }
    : {
        public: false,
        reason: `associatePublicIp is unset and ${instance.subnet} has mapPublicIpOnLaunch: false`,
        routedToInternet: route.routed,
      };
}

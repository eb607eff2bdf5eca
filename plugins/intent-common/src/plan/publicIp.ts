// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AwsInstance, Plan, resourceAddress } from './schema';

/**
 * Whether an instance gets a public IPv4 address at launch, and why.
 *
 * @public
 */
export interface InstancePublicIp {
  public: boolean;
  /** Readable reason, e.g. `associatePublicIp is unset and the instance is in the region's default subnet`. */
  reason: string;
}

/**
 * Decides whether an instance is launched with a public IPv4 address. An
 * explicit `associatePublicIp` wins; unset, the subnet decides: the region's
 * default subnet (no `subnet`) auto-assigns public IPs, a plan subnet does when
 * `mapPublicIpOnLaunch` is true. A subnet the plan does not hold counts as
 * auto-assigning (unknown is treated as public). Elastic IPs are not looked
 * at here.
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
      reason: `associatePublicIp is unset and subnet ${instance.subnet} is not in the plan, so it may assign public IPs`,
    };
  }
  return subnet.mapPublicIpOnLaunch
    ? {
        public: true,
        reason: `associatePublicIp is unset and ${instance.subnet} has mapPublicIpOnLaunch: true`,
      }
    : {
        public: false,
        reason: `associatePublicIp is unset and ${instance.subnet} has mapPublicIpOnLaunch: false`,
      };
}

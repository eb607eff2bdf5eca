// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';

/**
 * EC2's DNS names for an instance's addresses: us-east-1 has names of its
 * own (`compute-1.amazonaws.com`, `ec2.internal`), every other region
 * `<region>.compute.amazonaws.com` and `<region>.compute.internal`.
 */
export function ec2DnsNames(
  region: string,
  addresses: { publicIp?: string; privateIp?: string },
): { publicDns?: string; privateDns?: string } {
  const dashed = (ip: string) => ip.split('.').join('-');
  const east = region === 'us-east-1';
  return {
    publicDns: addresses.publicIp
      ? `ec2-${dashed(addresses.publicIp)}.${
          east ? 'compute-1' : `${region}.compute`
        }.amazonaws.com`
      : undefined,
    privateDns: addresses.privateIp
      ? `ip-${dashed(addresses.privateIp)}.${
          east ? 'ec2.internal' : `${region}.compute.internal`
        }`
      : undefined,
  };
}

/**
 * An instance's state with the DNS names of its current addresses (derived,
 * never stored, so they follow a new public address after a start); other
 * states unchanged. A terminated instance has no names.
 */
export function withInstanceDns(
  state: CloudResourceState,
  region: string,
): CloudResourceState {
  if (state.type !== 'aws_instance' || state.status === 'terminated') {
    return state;
  }
  const names = ec2DnsNames(region, {
    publicIp: state.attributes.publicIp as string | undefined,
    privateIp: state.attributes.privateIp as string | undefined,
  });
  return {
    ...state,
    attributes: {
      ...state.attributes,
      publicDns: names.publicDns,
      privateDns: names.privateDns,
    },
  };
}

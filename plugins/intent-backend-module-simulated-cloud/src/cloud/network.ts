// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { randomBytes, randomInt } from 'node:crypto';
import { availabilityZones, stableHex } from './catalog';
import { SimulatedCloudError } from './SimulatedCloudError';

/** An IPv4 CIDR block as numbers. */
export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

/**
 * Parses an IPv4 CIDR block; throws EC2's error for a malformed one or for a
 * host address with bits set beyond the prefix (`10.0.0.1/16`).
 */
export function parseCidr(cidr: string, parameter = 'cidrBlock'): Cidr {
  const invalid = () =>
    new SimulatedCloudError(
      'InvalidParameterValue',
      `Value (${cidr}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`,
    );
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(
    cidr,
  );
  if (!match) {
    throw invalid();
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some(o => o > 255) || prefix > 32) {
    throw invalid();
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    throw invalid();
  }
  return { base: address, prefix, size };
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.base >= outer.base &&
    inner.base + inner.size <= outer.base + outer.size
  );
}

/** True when the two blocks share an address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

function formatIp(address: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(address / 2 ** shift) % 256)
    .join('.');
}

/**
 * A free-looking private address in a subnet: never one of the five EC2
 * reserves (network, router, DNS, future use, broadcast).
 */
export function randomPrivateIp(cidr: string): string {
  const block = parseCidr(cidr);
  return formatIp(block.base + 4 + randomInt(0, Math.max(1, block.size - 5)));
}

/**
 * A public address from 198.18.0.0/15, the block reserved for benchmarks:
 * obviously not reachable, so nobody mistakes a simulated instance for a real
 * one.
 */
export function randomPublicIp(): string {
  return formatIp(0xc6120000 + randomInt(1, 2 ** 17 - 1));
}

/** A new EC2-style id: the prefix, `-0` and 16 random hex digits. */
export function newCloudId(prefix: string): string {
  return `${prefix}-0${randomBytes(8).toString('hex')}`;
}

/** A stable EC2-style id for something every account has (default VPC, ...). */
export function stableCloudId(prefix: string, seed: string): string {
  return `${prefix}-0${stableHex(seed, 16)}`;
}

/** The default VPC of a region, which every account has. */
export function defaultVpc(region: string) {
  return {
    id: stableCloudId('vpc', `default-vpc/${region}`),
    cidrBlock: '172.31.0.0/16',
  };
}

/** The default security group of a VPC, which every VPC has. */
export function defaultSecurityGroupId(vpcId: string): string {
  return stableCloudId('sg', `default-sg/${vpcId}`);
}

/** A subnet as the simulated cloud needs to know it. */
export interface SubnetFacts {
  id: string;
  vpc: string;
  cidrBlock: string;
  availabilityZone: string;
  mapPublicIpOnLaunch: boolean;
}

/**
 * The default subnet of an availability zone: one /20 per zone of the
 * default VPC, assigning public IPs on launch.
 */
export function defaultSubnet(
  region: string,
  availabilityZone: string,
): SubnetFacts {
  const index = availabilityZones(region).indexOf(availabilityZone);
  return {
    id: stableCloudId('subnet', `default-subnet/${availabilityZone}`),
    vpc: defaultVpc(region).id,
    cidrBlock: `172.31.${index * 16}.0/20`,
    availabilityZone,
    mapPublicIpOnLaunch: true,
  };
}

/** True when the zone belongs to the region. */
export function zoneExists(region: string, zone: string): boolean {
  return availabilityZones(region).includes(zone);
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  instancePublicIp,
  resourceAddress,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { resourcesOfType } from './resources';
import { BaselineRule, BaselineViolation } from './types';

const REACH_PRIVATELY =
  'reach the instance through SSM Session Manager, a VPN or a bastion';

/** No EC2 instance with a public IP address, counting "unset" in an auto-assigning subnet and Elastic IPs. @internal */
export const noPublicIp: BaselineRule = {
  id: 'no-public-ip',
  title: 'EC2 instances have no public IP address',
  checkIds: ['CKV_AWS_88', 'AVD-AWS-0009', 'CKV_AWS_130', 'AVD-AWS-0164'],
  check({ plan }) {
    const fromInstances = resourcesOfType(plan, 'aws_instance').flatMap(
      (instance): BaselineViolation[] => {
        const ip = instancePublicIp(instance, plan);
        if (!ip.public) {
          return [];
        }
        const unset = instance.associatePublicIp === undefined;
        return [
          {
            address: resourceAddress(instance),
            field: 'associatePublicIp',
            message: `${resourceAddress(instance)} gets a public IP address: ${
              ip.reason
            }`,
            fix: `Set associatePublicIp: false and ${REACH_PRIVATELY}${
              unset
                ? ', or launch it in a subnet with mapPublicIpOnLaunch: false'
                : ''
            }`,
            checkIds: unset
              ? ['CKV_AWS_88', 'AVD-AWS-0009', 'CKV_AWS_130', 'AVD-AWS-0164']
              : ['CKV_AWS_88', 'AVD-AWS-0009'],
          },
        ];
      },
    );
    const fromElasticIps = resourcesOfType(plan, 'aws_eip').flatMap(
      (eip): BaselineViolation[] =>
        eip.instance
          ? [
              {
                address: resourceAddress(eip),
                field: 'instance',
                message: `${resourceAddress(eip)} gives ${
                  eip.instance
                } a public IP address`,
                fix: `Remove the Elastic IP and ${REACH_PRIVATELY}`,
                checkIds: ['CKV_AWS_88', 'AVD-AWS-0009'],
              },
            ]
          : [],
    );
    return [...fromInstances, ...fromElasticIps];
  },
};

const ADMIN_PORTS: Array<[number, string]> = [
  [22, '22 (SSH)'],
  [3389, '3389 (RDP)'],
];

/** The ports of a rule this baseline guards: all ports, or SSH and RDP. */
function guardedPorts(rule: SecurityGroupRule): string[] {
  if (rule.protocol === 'all') {
    return ['all ports'];
  }
  if (rule.protocol === 'icmp') {
    return [];
  }
  if (rule.fromPort <= 0 && rule.toPort >= 65535) {
    return ['all ports'];
  }
  return ADMIN_PORTS.filter(
    ([port]) => rule.fromPort <= port && port <= rule.toPort,
  ).map(([, label]) => label);
}

/** A CIDR block as a range of addresses, both ends included. */
interface AddressRange {
  first: bigint;
  last: bigint;
}

const FAMILIES = {
  4: { bits: 32, name: 'IPv4' },
  6: { bits: 128, name: 'IPv6' },
} as const;

function ipv4(address: string): bigint | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every(p => /^\d{1,3}$/.test(p))) {
    return undefined;
  }
  const octets = parts.map(Number);
  return octets.every(o => o <= 255)
    ? octets.reduce((value, o) => (value << 8n) | BigInt(o), 0n)
    : undefined;
}

function ipv6(address: string): bigint | undefined {
  const halves = address.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) {
    return undefined;
  }
  const all = [...head, ...Array(missing).fill('0'), ...tail];
  if (!all.every(g => /^[0-9a-f]{1,4}$/i.test(g))) {
    return undefined;
  }
  return all.reduce((value, g) => (value << 16n) | BigInt(`0x${g}`), 0n);
}

/** Parses a CIDR block of the family; undefined when it is not a valid one. */
function cidrRange(cidr: string, family: 4 | 6): AddressRange | undefined {
  const [address, prefix, ...rest] = cidr.trim().split('/');
  const { bits } = FAMILIES[family];
  if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) {
    return undefined;
  }
  const length = Number(prefix);
  const value = family === 4 ? ipv4(address) : ipv6(address);
  if (value === undefined || length > bits) {
    return undefined;
  }
  const size = 1n << BigInt(bits - length);
  const first = value - (value % size);
  return { first, last: first + size - 1n };
}

/** Sorts and merges ranges that overlap or touch. */
function mergeRanges(ranges: AddressRange[]): AddressRange[] {
  const sorted = [...ranges].sort((a, b) => {
    if (a.first === b.first) {
      return 0;
    }
    return a.first < b.first ? -1 : 1;
  });
  const merged: AddressRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1n) {
      if (range.last > last.last) {
        last.last = range.last;
      }
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

const size = (ranges: AddressRange[]) =>
  ranges.reduce((total, r) => total + (r.last - r.first + 1n), 0n);

/** How many addresses of merged `ranges` lie in merged `other`. */
function overlap(ranges: AddressRange[], other: AddressRange[]): bigint {
  let total = 0n;
  for (const a of ranges) {
    for (const b of other) {
      const first = a.first > b.first ? a.first : b.first;
      const last = a.last < b.last ? a.last : b.last;
      if (first <= last) {
        total += last - first + 1n;
      }
    }
  }
  return total;
}

/**
 * Addresses nobody on the internet can come from: private, shared (CGNAT),
 * loopback and link-local ranges. They do not count towards "open".
 */
const NON_PUBLIC: Record<4 | 6, AddressRange[]> = {
  4: mergeRanges(
    [
      '10.0.0.0/8',
      '100.64.0.0/10',
      '127.0.0.0/8',
      '169.254.0.0/16',
      '172.16.0.0/12',
      '192.168.0.0/16',
    ].map(cidr => cidrRange(cidr, 4)!),
  ),
  6: mergeRanges(
    ['::1/128', 'fc00::/7', 'fe80::/10'].map(cidr => cidrRange(cidr, 6)!),
  ),
};

/** A share of an address space for people: `all of`, `50%`, `0.391%`. */
function formatShare(covered: bigint, bits: number): string {
  if (covered === 1n << BigInt(bits)) {
    return 'all of';
  }
  // Six significant decimal digits are plenty for three shown.
  const scale = 10n ** 12n;
  const percent = Number((covered * 100n * scale) >> BigInt(bits)) / 1e12;
  return `${Number(percent.toPrecision(3))}% of`;
}

/**
 * Whether the CIDR blocks of one family, together, reach the internet widely
 * enough to count as "from anywhere": their union, without the non-public
 * ranges, holds at least as many addresses as one /`prefixLength` block of
 * the family (or every public address). Undefined when they do not; else
 * what to say about them. An invalid block counts as open (fail closed).
 */
function openSources(
  cidrs: string[],
  family: 4 | 6,
  prefixLength: number,
): string | undefined {
  if (cidrs.length === 0) {
    return undefined;
  }
  const { bits, name } = FAMILIES[family];
  const ranges: AddressRange[] = [];
  for (const cidr of cidrs) {
    const range = cidrRange(cidr, family);
    if (!range) {
      return `${cidrs.join(
        ', ',
      )} (${cidr.trim()} is not a valid CIDR block, so counted as open)`;
    }
    ranges.push(range);
  }
  const union = mergeRanges(ranges);
  const covered = size(union);
  const publicCovered = covered - overlap(union, NON_PUBLIC[family]);
  const publicTotal = (1n << BigInt(bits)) - size(NON_PUBLIC[family]);
  const block = 1n << BigInt(bits - Math.min(prefixLength, bits));
  const threshold = block < publicTotal ? block : publicTotal;
  if (publicCovered < threshold) {
    return undefined;
  }
  if (cidrs.length === 1 && cidrs[0].trim().endsWith('/0')) {
    return cidrs[0].trim();
  }
  return `${cidrs.map(c => c.trim()).join(', ')} (together ${formatShare(
    covered,
    bits,
  )} the ${name} address space)`;
}

/**
 * No SSH, RDP or all-ports ingress from anywhere: from 0.0.0.0/0 or ::/0,
 * and from any set of CIDR blocks that together cover as much of the
 * internet as one /`openIngressPrefixLength` block (default /8), such as
 * 0.0.0.0/1 plus 128.0.0.0/1. @internal
 */
export const noOpenIngress: BaselineRule = {
  id: 'no-open-ingress',
  title: 'No SSH, RDP or all-ports ingress from anywhere',
  checkIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277', 'AVD-AWS-0107'],
  check({ plan, limits }) {
    const prefixLength = limits.openIngressPrefixLength;
    return resourcesOfType(plan, 'aws_security_group').flatMap(group =>
      group.ingress.flatMap((rule, index) => {
        const ports = guardedPorts(rule);
        if (ports.length === 0) {
          return [];
        }
        const blocks = [
          ['cidrBlocks', rule.cidrBlocks, 4],
          ['ipv6CidrBlocks', rule.ipv6CidrBlocks, 6],
        ] as const;
        return blocks.flatMap(([field, cidrs, family]) => {
          const open = openSources(cidrs, family, prefixLength);
          return open === undefined
            ? []
            : [
                {
                  address: resourceAddress(group),
                  field: `ingress[${index}].${field}`,
                  message: `${resourceAddress(group)} allows ${ports.join(
                    ' and ',
                  )} from ${open}`,
                  fix: 'Allow only the addresses that need access, such as your own IP as 203.0.113.4/32',
                },
              ];
        });
      }),
    );
  },
};

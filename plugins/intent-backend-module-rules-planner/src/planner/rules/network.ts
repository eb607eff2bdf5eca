// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsInternetGateway,
  AwsRouteTable,
  AwsRouteTableAssociation,
  AwsSubnet,
  AwsVpc,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { assume, combine, Notes, NO_NOTES } from '../notes';
import { matchAll } from '../text';

/** CIDR block of a VPC created without one. @internal */
export const DEFAULT_VPC_CIDR = '10.0.0.0/16';

const CIDR = /(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/;
const VPC_CIDR = new RegExp(
  `\\bvpc\\b[^,;]{0,24}?${CIDR.source}|${CIDR.source}\\s*(?:vpc|network)\\b`,
);
const WANTS_VPC =
  /\b(?:new|own|dedicated|custom|separate|isolated|fresh|its own|a) vpc\b|\bvpc (?:with|of|cidr)\b/;
const SUBNET_CIDRS =
  /\bsubnets?\b[^;]{0,16}?((?:\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?:\s*(?:,|and|&)\s*)?)+)/;
const PUBLIC_SUBNET = /\bpublic subnets?\b|\bpublic and private subnets\b/;
const PRIVATE_SUBNET = /\bprivate subnets?\b|\bpublic and private subnets\b/;
const ANY_SUBNET = /\bsubnets?\b/;
const PUBLIC_IP_OFF =
  /\bno public ip\b|\bwithout (?:a )?public ip\b|\bprivate(?: ip)? only\b|\bnot public(?:ly)?(?: reachable| accessible)?\b|\bno internet access\b|\bprivate\s+(?:[\w.-]+\s+){0,3}?(?:instance|server|vm|box|machine|host)s?\b|\bmake (?:it|them) private\b|\binternal only\b/;
const PUBLIC_IP_ON =
  /\bpublic ip(?:v4)?(?: address)?\b|\bpublicly (?:reachable|accessible|available)\b|\binternet[- ]facing\b|\bpublic (?:instance|server|vm|box|machine|host)s?\b|\bmake (?:it|them) public\b|\bexposed? to the internet\b|\breachable from the internet\b/;

/**
 * Whether an instance should get a public IP: true, false, or undefined
 * when the text does not say (the subnet decides; policy treats that
 * conservatively).
 *
 * @internal
 */
export function matchPublicIp(text: string): boolean | undefined {
  if (PUBLIC_IP_OFF.test(text)) {
    return false;
  }
  return PUBLIC_IP_ON.test(text) ? true : undefined;
}

const DIFFERENT_ZONES =
  /\b(?:different|separate|two|multiple|several|2|3) (?:availability )?(?:zones|azs)\b|\bacross (?:\d+ )?(?:availability )?(?:zones|azs)\b|\bmulti-az\b/;

/** @internal */
export interface NetworkLayout {
  vpc?: AwsVpc;
  subnets: AwsSubnet[];
  /** Internet gateway, route table and associations of public subnets. */
  routing: Array<AwsInternetGateway | AwsRouteTable | AwsRouteTableAssociation>;
  notes: Notes;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function numberToIp(value: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(value / 2 ** shift) % 256)
    .join('.');
}

/**
 * The `index`-th /24 inside a VPC block (the VPC block itself when it is
 * a /24 or smaller).
 *
 * @internal
 */
export function subnetCidr(vpcCidr: string, index: number): string {
  const [ip, prefix] = vpcCidr.split('/');
  if (Number(prefix) >= 24) {
    return vpcCidr;
  }
  const base = ipToNumber(ip) - (ipToNumber(ip) % 2 ** (32 - Number(prefix)));
  return `${numberToIp(base + index * 256)}/24`;
}

/** Names for subnets with given blocks: public/private when said, else numbered. */
function givenSubnetName(
  count: number,
  index: number,
  wantsPublic: boolean,
  wantsPrivate: boolean,
): string {
  if (count === 1) {
    if (wantsPublic) {
      return 'public';
    }
    return wantsPrivate ? 'private' : 'main';
  }
  if (wantsPublic && wantsPrivate) {
    if (index === 0) {
      return 'public';
    }
    return index > 1 ? `private_${index}` : 'private';
  }
  return `subnet_${index + 1}`;
}

/**
 * The VPC and subnets a request asks for. Without any mention the plan
 * uses the region's default VPC and creates none. A subnet asked for
 * without a VPC gets one (10.0.0.0/16, said as an assumption).
 *
 * @internal
 */
export function matchNetwork(
  text: string,
  zone?: string,
  region?: string,
): NetworkLayout {
  const vpcCidr = text.match(VPC_CIDR);
  const explicitSubnets = text.match(SUBNET_CIDRS);
  const wantsPublic = PUBLIC_SUBNET.test(text);
  const wantsPrivate = PRIVATE_SUBNET.test(text);
  const wantsSubnet =
    ANY_SUBNET.test(text) && !/\bdefault (?:vpc|subnet)\b/.test(text);
  const wantsVpc = Boolean(vpcCidr) || WANTS_VPC.test(text) || wantsSubnet;
  if (!wantsVpc) {
    return { subnets: [], routing: [], notes: NO_NOTES };
  }
  const cidr = vpcCidr?.[1] ?? vpcCidr?.[2] ?? DEFAULT_VPC_CIDR;
  const notes: Notes[] = [];
  if (!vpcCidr) {
    notes.push(
      assume(
        'aws_vpc.main.cidrBlock',
        DEFAULT_VPC_CIDR,
        'A VPC was needed without a CIDR block; 10.0.0.0/16 leaves room for 256 /24 subnets',
      ),
    );
  }
  const vpc: AwsVpc = {
    type: 'aws_vpc',
    name: 'main',
    cidrBlock: cidr,
    tags: {},
  };
  const availabilityZone = zone && region ? `${region}${zone}` : undefined;
  const subnet = (
    name: string,
    cidrBlock: string,
    mapPublicIpOnLaunch: boolean,
  ): AwsSubnet => ({
    type: 'aws_subnet',
    name,
    vpc: 'aws_vpc.main',
    cidrBlock,
    ...(availabilityZone ? { availabilityZone } : {}),
    mapPublicIpOnLaunch,
    tags: {},
  });

  const given = explicitSubnets
    ? matchAll(explicitSubnets[1], CIDR).map(m => m[1])
    : [];
  const subnets: AwsSubnet[] = [];
  const each = eachSubnet(text, cidr);
  if (each.length > given.length) {
    // "two public subnets 10.1.1.0/24 and 10.1.2.0/24 and a private one 10.1.9.0/24"
    const zones = DIFFERENT_ZONES.test(text);
    const counts = { public: 0, private: 0 };
    const totals = {
      public: each.filter(e => e.isPublic).length,
      private: each.filter(e => !e.isPublic).length,
    };
    each.forEach(({ block, isPublic }) => {
      const kind = isPublic ? 'public' : 'private';
      counts[kind] += 1;
      const name = totals[kind] > 1 ? `${kind}_${counts[kind]}` : kind;
      const zoneLetter =
        zones && region ? 'abcdef'[counts[kind] - 1] : undefined;
      subnets.push({
        ...subnet(name, block, isPublic),
        ...(zoneLetter ? { availabilityZone: `${region}${zoneLetter}` } : {}),
      });
    });
    if (zones && region) {
      notes.push(
        assume(
          'aws_subnet.*.availabilityZone',
          `${region}a, ${region}b, ...`,
          'Different zones were asked for; the subnets of each kind are spread over the zones in order',
        ),
      );
    }
  } else if (given.length > 0) {
    given.forEach((block, index) => {
      const isPublic = wantsPublic && (!wantsPrivate || index === 0);
      subnets.push(
        subnet(
          givenSubnetName(given.length, index, wantsPublic, wantsPrivate),
          block,
          isPublic,
        ),
      );
    });
  } else {
    const layout: Array<[string, boolean]> = [];
    if (wantsPublic) {
      layout.push(['public', true]);
    }
    if (wantsPrivate) {
      layout.push(['private', false]);
    }
    if (layout.length === 0) {
      layout.push(['main', false]);
    }
    layout.forEach(([name, isPublic], index) => {
      const block = subnetCidr(cidr, index + 1);
      subnets.push(subnet(name, block, isPublic));
      notes.push(
        assume(
          `aws_subnet.${name}.cidrBlock`,
          block,
          `No CIDR block was named for the ${name} subnet; the next free /24 of the VPC`,
        ),
      );
    });
  }
  const routing = publicRouting(vpc, subnets);
  if (routing.length > 0) {
    notes.push(
      assume(
        'aws_internet_gateway.main',
        'internet gateway and public route table',
        'A public subnet needs a route to the internet: an internet gateway and a route table sending 0.0.0.0/0 to it are added for the public subnets (no NAT gateway: private subnets have no outbound internet)',
      ),
    );
  }
  return { vpc, subnets, routing, notes: combine(...notes) };
}

/** Every subnet CIDR with whether the words before it said public. */
function eachSubnet(
  text: string,
  vpcCidr: string,
): Array<{ block: string; isPublic: boolean }> {
  if (/\bpublic and private\b|\bprivate and public\b/.test(text)) {
    return [];
  }
  const found: Array<{ block: string; isPublic: boolean }> = [];
  let kind: boolean | undefined;
  for (const match of matchAll(
    text,
    /\b(public|private)\b|(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/,
  )) {
    if (match[1]) {
      kind = match[1] === 'public';
    } else if (match[2] !== vpcCidr && kind !== undefined) {
      found.push({ block: match[2], isPublic: kind });
    }
  }
  return found;
}

/**
 * What makes public subnets public: an internet gateway on the VPC, a
 * route table sending 0.0.0.0/0 to it and an association per subnet.
 *
 * @internal
 */
export function publicRouting(
  vpc: AwsVpc,
  subnets: AwsSubnet[],
): NetworkLayout['routing'] {
  const publics = subnets.filter(s => s.mapPublicIpOnLaunch);
  if (publics.length === 0) {
    return [];
  }
  const gateway: AwsInternetGateway = {
    type: 'aws_internet_gateway',
    name: vpc.name,
    vpc: `aws_vpc.${vpc.name}`,
    tags: {},
  };
  const table: AwsRouteTable = {
    type: 'aws_route_table',
    name: 'public',
    vpc: `aws_vpc.${vpc.name}`,
    routes: [
      {
        cidrBlock: '0.0.0.0/0',
        gateway: `aws_internet_gateway.${gateway.name}`,
      },
    ],
    tags: {},
  };
  return [
    gateway,
    table,
    ...publics.map(
      (s): AwsRouteTableAssociation => ({
        type: 'aws_route_table_association',
        name: s.name,
        subnet: `aws_subnet.${s.name}`,
        routeTable: 'aws_route_table.public',
      }),
    ),
  ];
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ExistingResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudExistingResource } from '@intent-sandboxes/backstage-plugin-intent-node';
import { createHash } from 'node:crypto';
import { availabilityZones } from './catalog';
import {
  defaultSecurityGroupId,
  defaultSubnet,
  defaultVpc,
  parseCidr,
  stableCloudId,
} from './network';
import {
  isUniqueViolation,
  NewResource,
  SimResource,
  SimulatedStore,
} from './store';

/** A stable, UUID-shaped request id for a seeded resource. */
function seedRequestId(region: string, id: string): string {
  const hex = createHash('sha256').update(`seed/${region}/${id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The key pair every simulated region starts with. */
export const SEEDED_KEY_PAIR = 'dev-laptop';

/**
 * What every region of the simulated cloud has before any session touches
 * it, as an AWS account has: the default VPC (172.31.0.0/16) with its
 * `default` security group and one default subnet per zone (public IPs on
 * launch), and a key pair `dev-laptop`. Stable ids, so every backend
 * instance seeds the same.
 */
function seedResources(region: string): NewResource[] {
  const vpc = defaultVpc(region);
  const keyId = stableCloudId('key', `seed-key/${region}/${SEEDED_KEY_PAIR}`);
  const base = (
    type: NewResource['type'],
    id: string,
    liveKey: string,
    attributes: Record<string, unknown>,
  ): NewResource => ({
    id,
    type,
    region,
    address: `data.${type}.seeded`,
    clientToken: `seed/${id}`,
    requestHash: `seed/${id}`,
    requestId: seedRequestId(region, id),
    liveKey,
    state: 'available',
    transitionAt: null,
    attributes,
    tags: {},
  });
  return [
    base('aws_vpc', vpc.id, `aws_vpc:${vpc.id}`, {
      cidrBlock: vpc.cidrBlock,
      isDefault: true,
      instanceTenancy: 'default',
      defaultSecurityGroup: defaultSecurityGroupId(vpc.id),
    }),
    ...availabilityZones(region).map(zone => {
      const subnet = defaultSubnet(region, zone);
      return base('aws_subnet', subnet.id, `aws_subnet:${subnet.id}`, {
        vpc: subnet.vpc,
        cidrBlock: subnet.cidrBlock,
        availabilityZone: subnet.availabilityZone,
        mapPublicIpOnLaunch: true,
        availableIpAddressCount: parseCidr(subnet.cidrBlock).size - 5,
        defaultForAz: true,
      });
    }),
    base(
      'aws_security_group',
      defaultSecurityGroupId(vpc.id),
      `aws_security_group:${vpc.id}:default`,
      {
        description: 'default VPC security group',
        vpc: vpc.id,
        groupName: 'default',
        ingress: [],
        egress: [
          {
            protocol: 'all',
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ['0.0.0.0/0'],
            ipv6CidrBlocks: [],
          },
        ],
      },
    ),
    base('aws_key_pair', keyId, `aws_key_pair:${region}:${SEEDED_KEY_PAIR}`, {
      keyName: SEEDED_KEY_PAIR,
      keyType: 'ed25519',
      keyFingerprint: `SHA256:${stableCloudId('fp', keyId).slice(4)}`,
    }),
  ];
}

/**
 * Stores the region's pre-existing resources unless they are there:
 * idempotent, and safe when two backends seed at once (each insert is
 * keyed by a stable client token; a name a session already took is left
 * to the session).
 */
export async function seedRegion(store: SimulatedStore, region: string) {
  if (await store.findLive(region, 'aws_vpc', defaultVpc(region).id)) {
    return;
  }
  const now = Date.now();
  for (const resource of seedResources(region)) {
    try {
      await store.transaction(trx => store.insert(trx, resource, now));
    } catch (e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
    }
  }
}

function only(rows: SimResource[]): SimResource | undefined {
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * Finds an existing resource of the region (seeding it first): by id, by
 * name (a key pair's name, a security group's name, a VPC's or subnet's
 * `Name` tag) or as the default (the default VPC; the default subnet of the
 * region's first zone). Exactly one match, or undefined.
 */
export async function findExisting(
  store: SimulatedStore,
  region: string,
  existing: ExistingResource,
): Promise<CloudExistingResource | undefined> {
  await seedRegion(store, region);
  const { type, lookup } = existing;
  let found: SimResource | undefined;
  if (lookup.id) {
    found = (await store.findLive(region, type, lookup.id)) ?? undefined;
  } else if (lookup.default) {
    let id: string | undefined;
    if (type === 'aws_vpc') {
      id = defaultVpc(region).id;
    } else if (type === 'aws_subnet') {
      id = defaultSubnet(region, availabilityZones(region)[0]).id;
    }
    found = id
      ? (await store.findLive(region, type, id)) ?? undefined
      : undefined;
  } else if (lookup.name) {
    const rows = await store.listLive(region, type);
    const name = lookup.name;
    found = only(
      rows.filter(row => {
        switch (type) {
          case 'aws_key_pair':
            return row.attributes.keyName === name;
          case 'aws_security_group':
            return row.attributes.groupName === name;
          default:
            return row.tags.Name === name;
        }
      }),
    );
  }
  return (
    found && {
      cloudId: found.id,
      attributes: { ...found.attributes, tags: found.tags },
    }
  );
}

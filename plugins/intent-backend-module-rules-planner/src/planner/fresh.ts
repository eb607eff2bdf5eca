// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  ExistingResource,
  AwsKeyPair,
  AwsS3Bucket,
  AwsSubnet,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { GroupEnvironment, planInstanceGroup } from './instances';
import { allocateNames } from './names';
import { ask, assume, combine, Notes } from './notes';
import { matchBucket } from './rules/bucket';
import { matchElasticIp } from './rules/eip';
import { matchExisting } from './rules/existing';
import { KeyPairMatch, matchKeyPair } from './rules/keyPair';
import { matchNetwork } from './rules/network';
import { matchDisks } from './rules/storage';
import { layoutOf } from './segments';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';

/** What a fresh plan is built against. @internal */
export interface FreshOptions {
  /** The normalised request. */
  text: string;
  /** The request as written, for case-sensitive values (public keys). */
  original: string;
  region: string;
  zone?: string;
  context?: PlannerContext;
  /** Resources the new ones must not clash with (a follow-up's plan). */
  existing?: PlanResource[];
}

/** @internal */
export interface FreshResult {
  resources: PlanResource[];
  /** Resources that already exist and that the new ones use (`data.*`). */
  existing: ExistingResource[];
  notes: Notes;
}

function takenNames(resources: PlanResource[]) {
  return (type: PlanResource['type']) =>
    new Set(resources.filter(r => r.type === type).map(r => r.name));
}

function existingNetwork(existing: PlanResource[]) {
  const subnets = existing.filter(
    (r): r is AwsSubnet => r.type === 'aws_subnet',
  );
  const vpc = existing.find(r => r.type === 'aws_vpc');
  return {
    subnets,
    vpc: vpc ? `aws_vpc.${vpc.name}` : undefined,
    vpcCidr: vpc?.type === 'aws_vpc' ? vpc.cidrBlock : undefined,
  };
}

/**
 * Builds the resources a request describes from scratch: machine groups
 * (with security groups, volumes, elastic IPs), buckets, a VPC with subnets
 * and a key pair, each default said as an assumption.
 *
 * @internal
 */
export function planFresh(options: FreshOptions): FreshResult {
  const { original, region, zone, context } = options;
  const existing = options.existing ?? [];
  // Existing cloud resources are read in new plans; follow-ups keep theirs.
  const found = existing.length === 0 ? matchExisting(options.text) : undefined;
  const text = found ? found.rest : options.text;
  const layout = layoutOf(text);
  const notes: Notes[] = found ? [found.notes] : [];
  const resources: PlanResource[] = [];
  const all = () => [...existing, ...resources];

  const network = (() => {
    if (existing.length > 0 && existing.some(r => r.type === 'aws_vpc')) {
      return {
        ...existingNetwork(existing),
        vpcResource: undefined,
        routing: [],
      };
    }
    if (found?.vpc || found?.subnet) {
      // An existing VPC or subnet: nothing to create.
      return {
        subnets: [],
        vpc: found.vpc,
        vpcCidr: undefined,
        vpcResource: undefined,
        routing: [],
      };
    }
    const layoutFound = matchNetwork(text, zone, region);
    notes.push(layoutFound.notes);
    return {
      subnets: layoutFound.subnets,
      vpc: layoutFound.vpc ? `aws_vpc.${layoutFound.vpc.name}` : undefined,
      vpcCidr: layoutFound.vpc?.cidrBlock,
      vpcResource: layoutFound.vpc,
      routing: layoutFound.routing,
    };
  })();
  if (network.vpcResource) {
    resources.push(
      network.vpcResource,
      ...network.subnets,
      ...(network.routing ?? []),
    );
  }

  const keyWish =
    found?.keyPair || found?.keyPairUnnamed
      ? ({ wish: 'none' } as KeyPairMatch)
      : matchKeyPair(text, original);
  const existingKey = existing.find(r => r.type === 'aws_key_pair');
  const keyName =
    keyWish.name ??
    existingKey?.name ??
    allocateNames('sandbox', 1, takenNames(all())('aws_key_pair'))[0];
  const keyAddress = `aws_key_pair.${keyName}`;

  const groups = layout.instances.map(({ anchor, own }) => {
    const env: GroupEnvironment = {
      region,
      zone,
      context,
      taken: takenNames(all()),
      subnets: network.subnets,
      vpcCidr: network.vpcCidr,
      vpc: network.vpc,
      keyPair:
        found?.keyPair ?? (keyWish.wish === 'none' ? undefined : keyAddress),
      subnet: found?.subnet,
      securityGroups: found?.securityGroups,
    };
    const group = planInstanceGroup(own, layout.shared, anchor, env);
    resources.push(...group.resources);
    notes.push(group.notes);
    return group;
  });

  const needsKey = groups.some(g => g.needsKey);
  // Machines added to a sandbox that has a key pair get it too.
  const wantsKey =
    keyWish.wish === 'wanted' ||
    (keyWish.wish === 'unsaid' && (needsKey || Boolean(existingKey)));
  const keyUsed = groups.length > 0 && wantsKey;
  if ((!wantsKey || groups.length === 0) && !found?.keyPair) {
    // Instances were given the key pair's address in case one is needed.
    for (const group of groups) {
      for (const instance of group.instances) {
        delete instance.keyPair;
      }
    }
  }
  if (
    (keyUsed || (keyWish.wish === 'wanted' && groups.length === 0)) &&
    !all().some(r => r.type === 'aws_key_pair' && r.name === keyName)
  ) {
    const keyPair: AwsKeyPair = {
      type: 'aws_key_pair',
      name: keyName,
      ...(keyWish.keyName && keyWish.name === keyName
        ? { keyName: keyWish.keyName }
        : {}),
      ...(keyWish.publicKey ? { publicKey: keyWish.publicKey } : {}),
      tags: {},
    };
    resources.push(keyPair);
    if (keyWish.wish === 'unsaid') {
      notes.push(
        assume(
          keyAddress,
          'generated',
          'ssh or rdp was asked for without a key pair; a new one is generated (say "no key pair" to skip it)',
        ),
      );
    } else if (!keyWish.publicKey) {
      notes.push(
        assume(
          `${keyAddress}.publicKey`,
          'generated',
          'No public key was given; the cloud generates the pair',
        ),
      );
    }
  }

  for (const { anchor, own } of layout.buckets) {
    const bucketFound = matchBucket(own);
    notes.push(bucketFound.notes);
    const count = anchor.count ?? 1;
    const names = allocateNames(
      bucketFound.name ?? 'bucket',
      count,
      takenNames(all())('aws_s3_bucket'),
    );
    for (const name of names) {
      const bucket: AwsS3Bucket = {
        type: 'aws_s3_bucket',
        name,
        ...bucketFound.bucket,
        ...(count > 1 ? { bucketName: undefined } : {}),
      };
      if (bucket.bucketName === undefined) {
        delete bucket.bucketName;
      }
      resources.push(bucket);
    }
  }

  if (layout.instances.length === 0) {
    resources.push(...standalone(text, region, zone, all(), notes));
  }
  return {
    resources,
    existing: found?.entries ?? [],
    notes: combine(...notes),
  };
}

/** Volumes or elastic IPs asked for without a machine. */
function standalone(
  text: string,
  region: string,
  zone: string | undefined,
  existing: PlanResource[],
  notes: Notes[],
): PlanResource[] {
  const resources: PlanResource[] = [];
  const taken = takenNames(existing);
  for (const disk of matchDisks(text).filter(d => d.sizeGb)) {
    const availabilityZone = `${region}${zone ?? 'a'}`;
    if (!zone) {
      notes.push(
        assume(
          'availabilityZone',
          availabilityZone,
          'A volume without a machine needs an availability zone',
        ),
      );
    }
    for (const name of allocateNames(
      disk.name ?? 'data',
      disk.count,
      taken('aws_ebs_volume'),
    )) {
      resources.push({
        type: 'aws_ebs_volume',
        name,
        sizeGb: disk.sizeGb!,
        volumeType: disk.volumeType ?? 'gp3',
        encrypted: disk.encrypted ?? true,
        ...(disk.iops ? { iops: disk.iops } : {}),
        availabilityZone,
        tags:
          disk.count === 1 && disk.cloudName ? { Name: disk.cloudName } : {},
      });
    }
  }
  if (matchElasticIp(text)) {
    resources.push({
      type: 'aws_eip',
      name: allocateNames('eip', 1, taken('aws_eip'))[0],
      tags: {},
    });
  }
  if (resources.length === 0 && existing.length === 0) {
    notes.push(
      ask(
        'What should the sandbox contain? Name a machine or a bucket, e.g. "a t3.micro with Ubuntu 24.04 for 4 hours"',
      ),
    );
  }
  return resources;
}

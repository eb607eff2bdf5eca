// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  lookupInstanceType,
  type Architecture,
  type InstanceImage,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';

/**
 * Looks an instance type up in the simulated catalog: the instance-type
 * catalogue of intent-common, which the price table and planners read too.
 *
 * @returns its architecture, or undefined when EC2 would not know the type.
 */
export function findInstanceType(
  instanceType: string,
): { architecture: Architecture } | undefined {
  const known = lookupInstanceType(instanceType);
  return known ? { architecture: known.architecture } : undefined;
}

/** One image of the simulated public catalog. */
export interface CatalogImage {
  imageId: string;
  name: string;
  platform: 'Linux/UNIX' | 'Windows';
  /** Size of the image's root snapshot: the smallest root volume EC2 accepts. */
  minRootGb: number;
  snapshotId: string;
}

type ImageFamily = {
  os: InstanceImage['os'];
  version: string;
  architectures: Architecture[];
  minRootGb: number;
  name: (architecture: Architecture) => string;
};

const debArch = (architecture: Architecture) =>
  architecture === 'x86_64' ? 'amd64' : 'arm64';

const IMAGES: ImageFamily[] = [
  {
    os: 'ubuntu',
    version: '22.04',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 8,
    name: a =>
      `ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-${debArch(a)}-server-20250112`,
  },
  {
    os: 'ubuntu',
    version: '24.04',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 8,
    name: a =>
      `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${debArch(
        a,
      )}-server-20250115`,
  },
  {
    os: 'amazon-linux',
    version: '2023',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 8,
    name: a => `al2023-ami-2023.6.20250115.0-kernel-6.1-${a}`,
  },
  {
    os: 'amazon-linux',
    version: '2',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 8,
    name: a => `amzn2-ami-kernel-5.10-hvm-2.0.20250115.0-${a}-gp2`,
  },
  {
    os: 'debian',
    version: '12',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 8,
    name: a => `debian-12-${debArch(a)}-20250112-1990`,
  },
  {
    os: 'rhel',
    version: '9',
    architectures: ['x86_64', 'arm64'],
    minRootGb: 10,
    name: a => `RHEL-9.5.0_HVM-20250115-${a}-0-Hourly2-GP3`,
  },
  {
    os: 'windows-server',
    version: '2022',
    architectures: ['x86_64'],
    minRootGb: 30,
    name: () => 'Windows_Server-2022-English-Full-Base-2025.01.15',
  },
];

/** A stable hex digest of `text`, `length` characters long. */
export function stableHex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * Resolves an image like EC2's public catalog would: a stable AMI id per
 * (region, os, version, architecture), or undefined when no such image exists
 * (there is no Windows Server for arm64, for example).
 */
export function findImage(
  region: string,
  image: InstanceImage,
): CatalogImage | undefined {
  const family = IMAGES.find(
    i =>
      i.os === image.os &&
      i.version === image.version &&
      i.architectures.includes(image.architecture),
  );
  if (!family) {
    return undefined;
  }
  const seed = `${region}/${image.os}/${image.version}/${image.architecture}`;
  return {
    imageId: `ami-0${stableHex(seed, 16)}`,
    name: family.name(image.architecture),
    platform: image.os === 'windows-server' ? 'Windows' : 'Linux/UNIX',
    minRootGb: family.minRootGb,
    snapshotId: `snap-0${stableHex(`snapshot/${seed}`, 16)}`,
  };
}

/**
 * Looks an image up by its id, as EC2's DescribeImages would: the image of
 * the simulated public catalog with this id in `region` and what it is (os,
 * version, architecture), or undefined when the region has no such image
 * (ids are per region, as AMI ids are).
 */
export function findImageById(
  region: string,
  imageId: string,
): (CatalogImage & { image: InstanceImage }) | undefined {
  for (const family of IMAGES) {
    for (const architecture of family.architectures) {
      const image = { os: family.os, version: family.version, architecture };
      const found = findImage(region, image);
      if (found?.imageId === imageId) {
        return { ...found, image };
      }
    }
  }
  return undefined;
}

/** The availability zones of a region: three, as in most EC2 regions. */
export function availabilityZones(region: string): string[] {
  return ['a', 'b', 'c'].map(zone => `${region}${zone}`);
}

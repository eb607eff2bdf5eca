// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Architecture,
  InstanceImage,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';

const BURSTABLE = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];
const BURSTABLE_ALL = [...BURSTABLE, '2xlarge'];
const STANDARD = [
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
  '24xlarge',
];
const GRAVITON = ['medium', ...STANDARD.slice(0, 7)];

/**
 * The instance families the simulated cloud offers, with their sizes and
 * architecture. A subset of EC2's, enough for sandboxes.
 */
const FAMILIES: Record<
  string,
  { sizes: string[]; architecture: Architecture }
> = {
  t2: { sizes: BURSTABLE_ALL, architecture: 'x86_64' },
  t3: { sizes: BURSTABLE_ALL, architecture: 'x86_64' },
  t3a: { sizes: BURSTABLE_ALL, architecture: 'x86_64' },
  t4g: { sizes: BURSTABLE_ALL, architecture: 'arm64' },
  m5: { sizes: [...STANDARD, 'metal'], architecture: 'x86_64' },
  m6i: { sizes: [...STANDARD, '32xlarge', 'metal'], architecture: 'x86_64' },
  m7i: { sizes: [...STANDARD, '48xlarge'], architecture: 'x86_64' },
  m7a: { sizes: ['medium', ...STANDARD], architecture: 'x86_64' },
  m6g: { sizes: GRAVITON, architecture: 'arm64' },
  m7g: { sizes: GRAVITON, architecture: 'arm64' },
  c5: { sizes: STANDARD, architecture: 'x86_64' },
  c6i: { sizes: STANDARD, architecture: 'x86_64' },
  c7i: { sizes: STANDARD, architecture: 'x86_64' },
  c6g: { sizes: GRAVITON, architecture: 'arm64' },
  c7g: { sizes: GRAVITON, architecture: 'arm64' },
  r5: { sizes: STANDARD, architecture: 'x86_64' },
  r6i: { sizes: STANDARD, architecture: 'x86_64' },
  r7g: { sizes: GRAVITON, architecture: 'arm64' },
  a1: {
    sizes: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', 'metal'],
    architecture: 'arm64',
  },
  g5: {
    sizes: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'],
    architecture: 'x86_64',
  },
  p5: { sizes: ['48xlarge'], architecture: 'x86_64' },
};

/**
 * Looks an instance type up in the simulated catalog.
 *
 * @returns its architecture, or undefined when EC2 would not know the type.
 */
export function findInstanceType(
  instanceType: string,
): { architecture: Architecture } | undefined {
  const [family, size, ...rest] = instanceType.split('.');
  const known = FAMILIES[family];
  if (rest.length > 0 || !known?.sizes.includes(size)) {
    return undefined;
  }
  return { architecture: known.architecture };
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

/** The availability zones of a region: three, as in most EC2 regions. */
export function availabilityZones(region: string): string[] {
  return ['a', 'b', 'c'].map(zone => `${region}${zone}`);
}

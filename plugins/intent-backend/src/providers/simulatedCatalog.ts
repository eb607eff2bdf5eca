// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Architecture,
  InstanceImage,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';

const BURSTABLE_SIZES = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
];
const STANDARD_SIZES = [
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
  '24xlarge',
];

const FAMILIES: Record<string, string[]> = {
  t2: BURSTABLE_SIZES,
  t3: BURSTABLE_SIZES,
  t3a: BURSTABLE_SIZES,
  t4g: BURSTABLE_SIZES,
  m5: STANDARD_SIZES,
  m6i: STANDARD_SIZES,
  m7i: STANDARD_SIZES,
  m6g: STANDARD_SIZES,
  m7g: STANDARD_SIZES,
  c5: STANDARD_SIZES,
  c6i: STANDARD_SIZES,
  c7i: STANDARD_SIZES,
  c6g: STANDARD_SIZES,
  c7g: STANDARD_SIZES,
  r5: STANDARD_SIZES,
  r6i: STANDARD_SIZES,
  r7g: STANDARD_SIZES,
  g5: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'],
  p5: ['48xlarge'],
};

/** The instance types the simulated cloud knows, with their architecture. */
export function simulatedInstanceType(
  instanceType: string,
): { architecture: Architecture } | undefined {
  const [family, size] = instanceType.split('.');
  if (!FAMILIES[family]?.includes(size)) {
    return undefined;
  }
  return { architecture: /\d+[a-z]*g/.test(family) ? 'arm64' : 'x86_64' };
}

const IMAGES: Array<
  Omit<InstanceImage, 'architecture'> & { architectures: Architecture[] }
> = [
  { os: 'ubuntu', version: '22.04', architectures: ['x86_64', 'arm64'] },
  { os: 'ubuntu', version: '24.04', architectures: ['x86_64', 'arm64'] },
  { os: 'amazon-linux', version: '2023', architectures: ['x86_64', 'arm64'] },
  { os: 'amazon-linux', version: '2', architectures: ['x86_64', 'arm64'] },
  { os: 'debian', version: '12', architectures: ['x86_64', 'arm64'] },
  { os: 'rhel', version: '9', architectures: ['x86_64', 'arm64'] },
  { os: 'windows-server', version: '2022', architectures: ['x86_64'] },
];

/**
 * Resolves an image like EC2's public catalog would: a stable AMI id per
 * (region, os, version, architecture), or undefined when no such image exists.
 */
export function simulatedImageId(
  region: string,
  image: InstanceImage,
): string | undefined {
  const known = IMAGES.find(
    i =>
      i.os === image.os &&
      i.version === image.version &&
      i.architectures.includes(image.architecture),
  );
  if (!known) {
    return undefined;
  }
  const digest = createHash('sha256')
    .update(`${region}/${image.os}/${image.version}/${image.architecture}`)
    .digest('hex');
  return `ami-0${digest.slice(0, 16)}`;
}

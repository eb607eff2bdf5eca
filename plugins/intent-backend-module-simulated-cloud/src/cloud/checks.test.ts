// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { planSchema } from '@intent-sandboxes/backstage-plugin-intent-common';
import { findImage } from './catalog';
import { checkPlan } from './checks';

const REGION = 'eu-west-1';
const x86 = findImage(REGION, {
  os: 'ubuntu',
  version: '24.04',
  architecture: 'x86_64',
})!.imageId;

const instance = (instanceType: string, imageId?: string) =>
  planSchema.parse({
    formatVersion: 1,
    region: REGION,
    resources: [
      {
        type: 'aws_instance',
        name: 'web',
        instanceType,
        image: {
          os: 'ubuntu',
          version: '24.04',
          architecture: 'x86_64',
          id: imageId,
        },
      },
    ],
  });

describe('checkPlan of the simulated cloud', () => {
  it('passes an offered type with a fitting image', () => {
    expect(checkPlan(instance('t3.micro', x86))).toEqual([]);
  });

  it('denies an x86_64 image on a Graviton type', () => {
    expect(checkPlan(instance('t4g.micro', x86))).toEqual([
      {
        id: 'image-architecture-mismatch',
        outcome: 'deny',
        address: 'aws_instance.web',
        field: 'image.architecture',
        message: 't4g.micro runs arm64 images, but the image is x86_64',
        fix: 'Pick an x86_64 instance type or an image for arm64',
      },
    ]);
  });

  it('asks for another type when the catalog lacks it, and denies an unknown image', () => {
    expect(
      checkPlan(instance('zz9.large', x86)).map(c => [c.id, c.outcome]),
    ).toEqual([['instance-type-not-offered', 'question']]);
    expect(
      checkPlan(instance('t3.micro', 'ami-0123456789abcdef0')).map(c => [
        c.id,
        c.outcome,
      ]),
    ).toEqual([['image-not-found', 'deny']]);
  });
});

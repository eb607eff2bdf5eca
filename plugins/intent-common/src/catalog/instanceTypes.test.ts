// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  INSTANCE_CATALOG_AS_OF,
  instanceFamilies,
  listInstanceTypes,
  lookupInstanceType,
} from './instanceTypes';

describe('instance-type catalogue', () => {
  it('is dated', () => {
    expect(INSTANCE_CATALOG_AS_OF).toMatch(/^\d{4}-\d{2}$/);
  });

  it('describes a type with its shape, architecture and prices', () => {
    expect(lookupInstanceType('t3.micro')).toEqual({
      instanceType: 't3.micro',
      family: 't3',
      size: 'micro',
      vcpus: 2,
      memoryGib: 1,
      architecture: 'x86_64',
      onDemandHourlyUsd: {
        'us-east-1': expect.closeTo(0.0104, 6),
        'eu-west-1': expect.closeTo(0.0114, 6),
      },
    });
    expect(lookupInstanceType('m7g.2xlarge')).toMatchObject({
      vcpus: 8,
      memoryGib: 32,
      architecture: 'arm64',
    });
  });

  it('writes out the shapes that are not linear', () => {
    expect(lookupInstanceType('t2.nano')).toMatchObject({ vcpus: 1 });
    expect(lookupInstanceType('c5.9xlarge')).toMatchObject({
      vcpus: 36,
      memoryGib: 72,
    });
    expect(lookupInstanceType('m5.metal')).toMatchObject({
      vcpus: 96,
      memoryGib: 384,
      onDemandHourlyUsd: {},
    });
    expect(lookupInstanceType('p5.48xlarge')).toMatchObject({
      vcpus: 192,
      memoryGib: 2048,
      onDemandHourlyUsd: { 'us-east-1': 55.04 },
    });
  });

  it('prefers a listed price over the linear one', () => {
    expect(lookupInstanceType('t2.small')?.onDemandHourlyUsd).toEqual({
      'us-east-1': 0.023,
      'eu-west-1': 0.025,
    });
  });

  it('knows types the price table does not price', () => {
    expect(lookupInstanceType('r7i.large')).toMatchObject({
      vcpus: 2,
      memoryGib: 16,
      onDemandHourlyUsd: {},
    });
    expect(lookupInstanceType('a1.metal')?.architecture).toBe('arm64');
  });

  it('knows nothing about unknown types or sizes a family lacks', () => {
    expect(lookupInstanceType('t5.micro')).toBeUndefined();
    expect(lookupInstanceType('c5.8xlarge')).toBeUndefined();
    expect(lookupInstanceType('m5.large.extra')).toBeUndefined();
  });

  it('lists each type once, with a consistent name', () => {
    const types = listInstanceTypes();
    expect(new Set(types.map(t => t.instanceType)).size).toBe(types.length);
    for (const t of types) {
      expect(t.instanceType).toBe(`${t.family}.${t.size}`);
      expect(t.vcpus).toBeGreaterThan(0);
      expect(t.memoryGib).toBeGreaterThan(0);
    }
  });

  it('lists families, or only the priced ones', () => {
    expect(instanceFamilies()).toEqual(
      expect.arrayContaining(['m7a', 'r7i', 'a1', 'p5']),
    );
    const priced = instanceFamilies({ priced: true });
    expect(priced).not.toContain('r7i');
    expect(priced).toEqual([
      't2',
      't3',
      't3a',
      't4g',
      'm5',
      'm6i',
      'm7i',
      'm6g',
      'm7g',
      'c5',
      'c6i',
      'c7i',
      'c6g',
      'c7g',
      'r5',
      'r6i',
      'r7g',
      'g5',
      'p4d',
      'p5',
    ]);
  });
});

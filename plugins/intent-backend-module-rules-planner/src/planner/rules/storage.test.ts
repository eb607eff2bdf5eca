// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchDisks, parseSizeGb } from './storage';

describe('parseSizeGb', () => {
  it.each([
    ['100', 'gb', 100],
    ['1', 'tb', 1024],
    ['1.5', 'tb', 1536],
    ['1/4', 'tb', 256],
    ['half a', 'terabyte', 512],
    ['a quarter of a', 'tb', 256],
    ['500', 'gigs', 500],
  ])('%s %s → %p GB', (amount, unit, gb) => {
    expect(parseSizeGb(amount, unit)).toBe(gb);
  });
});

describe('matchDisks', () => {
  it('reads the root disk', () => {
    expect(matchDisks('a t3.micro with a 100gb gp2 root disk')).toEqual([
      expect.objectContaining({
        kind: 'root',
        sizeGb: 100,
        volumeType: 'gp2',
        bare: false,
      }),
    ]);
  });

  it('reads a size without a disk as the root disk and marks it', () => {
    expect(matchDisks('t3.micro 50gb')).toEqual([
      expect.objectContaining({ kind: 'root', sizeGb: 50, bare: true }),
    ]);
  });

  it('tells the root disk from an extra volume', () => {
    const disks = matchDisks(
      'a 30 gb disk and an extra 500 gb st1 volume with 3000 iops',
    );
    expect(disks).toEqual([
      expect.objectContaining({ kind: 'root', sizeGb: 30 }),
      expect.objectContaining({
        kind: 'extra',
        sizeGb: 500,
        volumeType: 'st1',
        iops: 3000,
      }),
    ]);
  });

  it('reads counts and names of extra volumes', () => {
    expect(matchDisks('2 extra 100gb volumes')[0]).toMatchObject({
      kind: 'extra',
      count: 2,
    });
    expect(matchDisks('a 20gb volume named scratch')[0]).toMatchObject({
      name: 'scratch',
    });
  });

  it('does not read memory as a disk', () => {
    expect(matchDisks('16gb ram, 4 gb of memory, ram: 8gb')).toEqual([]);
  });

  it('does not read the version before a size as a count', () => {
    expect(matchDisks('ubuntu 22.04 with a 100gb volume')[0].count).toBe(1);
  });

  it('reads encryption and an extra volume without a size', () => {
    expect(matchDisks('an unencrypted disk')[0]).toMatchObject({
      kind: 'root',
      encrypted: false,
    });
    expect(matchDisks('an extra volume')[0]).toMatchObject({
      kind: 'extra',
      sizeGb: undefined,
    });
  });
});

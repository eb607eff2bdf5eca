// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchExisting } from './existing';

describe('matchExisting', () => {
  it('reads an existing key pair by name', () => {
    const found = matchExisting('use my key pair dev-laptop');
    expect(found.keyPair).toBe('data.aws_key_pair.dev_laptop');
    expect(found.entries).toEqual([
      {
        type: 'aws_key_pair',
        name: 'dev_laptop',
        lookup: { name: 'dev-laptop' },
      },
    ]);
  });

  it.each(['with my existing key', 'use the key pair that i made yesterday'])(
    'asks when %j names no key pair',
    text => {
      const found = matchExisting(text);
      expect(found.keyPair).toBeUndefined();
      expect(found.keyPairUnnamed).toBe(true);
      expect(found.notes.questions).toHaveLength(1);
    },
  );

  it('reads the default vpc, subnet and security group ids', () => {
    const found = matchExisting(
      'in the default vpc, in subnet subnet-0f1e2d3c, attach sg-0a1b2c3d',
    );
    expect(found.vpc).toBe('data.aws_vpc.default');
    expect(found.subnet).toBe('data.aws_subnet.subnet_0f1e2d3c');
    expect(found.securityGroups).toEqual([
      'data.aws_security_group.sg_0a1b2c3d',
    ]);
    expect(found.rest).not.toMatch(/subnet-0f1e2d3c/);
  });

  it('finds nothing in a plain request', () => {
    expect(matchExisting('a t3.micro with ssh').entries).toEqual([]);
  });
});

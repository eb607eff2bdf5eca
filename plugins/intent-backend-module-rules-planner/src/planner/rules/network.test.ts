// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchNetwork, matchPublicIp, subnetCidr } from './network';

describe('matchPublicIp', () => {
  it.each([
    ['with a public ip', true],
    ['make it public', true],
    ['internet-facing', true],
    ['no public ip', false],
    ['a private instance', false],
    ['two private m5.large app servers', false],
    ['in a public subnet', undefined],
    ['a t3.micro', undefined],
  ])('%j → %p', (text, value) => {
    expect(matchPublicIp(text)).toBe(value);
  });
});

describe('subnetCidr', () => {
  it('numbers /24 blocks inside the VPC block', () => {
    expect(subnetCidr('10.0.0.0/16', 1)).toBe('10.0.1.0/24');
    expect(subnetCidr('10.20.0.0/16', 3)).toBe('10.20.3.0/24');
    expect(subnetCidr('172.16.0.0/12', 256)).toBe('172.17.0.0/24');
    expect(subnetCidr('10.0.5.0/24', 2)).toBe('10.0.5.0/24');
  });
});

describe('matchNetwork', () => {
  it('uses the default VPC when none is asked for', () => {
    expect(matchNetwork('a t3.micro')).toEqual({
      subnets: [],
      routing: [],
      notes: expect.anything(),
    });
  });

  it('creates a VPC with the named block and subnets', () => {
    const layout = matchNetwork(
      'vpc 10.9.0.0/16 with subnets 10.9.1.0/24 and 10.9.2.0/24',
    );
    expect(layout.vpc).toMatchObject({
      name: 'main',
      cidrBlock: '10.9.0.0/16',
    });
    expect(layout.subnets.map(s => [s.name, s.cidrBlock])).toEqual([
      ['subnet_1', '10.9.1.0/24'],
      ['subnet_2', '10.9.2.0/24'],
    ]);
    expect(layout.notes.assumptions).toEqual([]);
  });

  it('lays out public and private subnets and says which blocks it chose', () => {
    const layout = matchNetwork('public and private subnets', 'b', 'eu-west-1');
    expect(layout.vpc?.cidrBlock).toBe('10.0.0.0/16');
    expect(layout.subnets).toEqual([
      expect.objectContaining({
        name: 'public',
        cidrBlock: '10.0.1.0/24',
        mapPublicIpOnLaunch: true,
        availabilityZone: 'eu-west-1b',
      }),
      expect.objectContaining({
        name: 'private',
        cidrBlock: '10.0.2.0/24',
        mapPublicIpOnLaunch: false,
      }),
    ]);
    expect(layout.notes.assumptions.map(a => a.field)).toEqual([
      'aws_vpc.main.cidrBlock',
      'aws_subnet.public.cidrBlock',
      'aws_subnet.private.cidrBlock',
      'aws_internet_gateway.main',
    ]);
  });

  it('creates nothing for "the default subnet"', () => {
    expect(matchNetwork('in the default subnet').vpc).toBeUndefined();
  });
});

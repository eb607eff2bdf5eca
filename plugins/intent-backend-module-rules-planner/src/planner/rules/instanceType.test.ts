// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { architectureOf, isGravitonType, switchArchitecture } from './arch';
import {
  fitSize,
  matchInstanceType,
  stepSize,
  typeForCapacity,
} from './instanceType';

describe('matchInstanceType', () => {
  it.each([
    ['a t3.micro', 't3.micro'],
    ['an m7g.2xlarge', 'm7g.2xlarge'],
    ['a small instance', 't3.small'],
    ['a big ubuntu server', 't3.large'],
    ['something medium', 't3.medium'],
    ['a beefy machine', 't3.xlarge'],
    ['a tiny vm', 't3.nano'],
    ['a compute-optimized box', 'c7i.large'],
    ['a memory optimised server', 'r7i.large'],
    ['a gpu box', 'g5.xlarge'],
    ['an m5', 'm5.large'],
    ['a small m5 instance', 'm5.large'],
    ['a c7g', 'c7g.medium'],
    ['2 vcpus and 4gb ram', 't3.medium'],
    ['8 cores, 16 gigs of ram', 't3.2xlarge'],
    ['16 gb of memory', 'r7i.large'],
  ])('%j → %s', (text, type) => {
    expect(matchInstanceType(text).instanceType).toBe(type);
  });

  it('states the mapping of size words', () => {
    expect(
      matchInstanceType('a small instance').notes.assumptions[0].reason,
    ).toContain('small: small');
  });

  it('says when a family cannot be that small', () => {
    expect(
      matchInstanceType('a small m5 instance').notes.assumptions[0].reason,
    ).toContain('m5 starts at large');
  });

  it('does not read a disk size as a machine size', () => {
    expect(matchInstanceType('a large disk').instanceType).toBeUndefined();
  });

  it('asks about families it does not know', () => {
    expect(matchInstanceType('t9.micro').notes.questions[0]).toContain(
      't9.micro',
    );
  });

  it('asks when no type is big enough', () => {
    expect(
      matchInstanceType('a machine with 4096 gb ram').notes.questions[0],
    ).toContain('4096 GiB memory');
  });
});

describe('sizes', () => {
  it('steps within the family and stops at its ends', () => {
    expect(stepSize('t3.micro', 1)).toBe('t3.small');
    expect(stepSize('t3.micro', -1)).toBe('t3.nano');
    expect(stepSize('t3.nano', -1)).toBeUndefined();
    expect(stepSize('m5.large', -1)).toBeUndefined();
    expect(stepSize('m5.24xlarge', 1)).toBeUndefined();
  });

  it('raises a size to the family minimum', () => {
    expect(fitSize('c5', 'micro')).toEqual({
      instanceType: 'c5.large',
      raised: true,
    });
    expect(fitSize('t4g', 'micro')).toEqual({
      instanceType: 't4g.micro',
      raised: false,
    });
  });

  it('finds the cheapest type for a capacity', () => {
    expect(typeForCapacity(2, 1)).toBe('t3.micro');
    expect(typeForCapacity(undefined, 64)).toBe('r7i.2xlarge');
    expect(typeForCapacity(128, undefined)).toBeUndefined();
  });

  it('reads vCPUs and memory from the instance-type catalogue', () => {
    expect(typeForCapacity(2, 16)).toBe('r7i.large');
    expect(typeForCapacity(4, 8)).toBe('t3.xlarge');
    expect(typeForCapacity(16, 33)).toBe('m7i.4xlarge');
    expect(typeForCapacity(64, 256)).toBe('m7i.16xlarge');
    expect(typeForCapacity(64, 257)).toBeUndefined();
  });
});

describe('architecture', () => {
  it.each([
    ['t4g.micro', true],
    ['m7g.large', true],
    ['c7gn.xlarge', true],
    ['x2gd.large', true],
    ['g5.xlarge', false],
    ['t3.micro', false],
  ])('%s is Graviton: %p', (type, graviton) => {
    expect(isGravitonType(type)).toBe(graviton);
    expect(architectureOf(type)).toBe(graviton ? 'arm64' : 'x86_64');
  });

  it('switches to the counterpart family, keeping the size', () => {
    expect(switchArchitecture('t3.large', 'arm64')).toBe('t4g.large');
    expect(switchArchitecture('m7g.xlarge', 'x86_64')).toBe('m7i.xlarge');
    expect(switchArchitecture('t3.large', 'x86_64')).toBe('t3.large');
    expect(switchArchitecture('g5.xlarge', 'arm64')).toBeUndefined();
  });
});

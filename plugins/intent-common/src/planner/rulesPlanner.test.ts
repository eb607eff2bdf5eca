// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { planWithRules } from './rulesPlanner';
import { validateIntentText } from './types';

describe('planWithRules', () => {
  it('plans the article example: a t3.micro instance with Ubuntu', () => {
    const result = planWithRules('t3.micro instance with Ubuntu');
    expect(result.plan).toEqual({
      formatVersion: 1,
      region: 'us-east-1',
      tags: {},
      resources: [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
          securityGroups: [],
          rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: true },
          metadataHttpTokens: 'required',
          tags: {},
        },
      ],
    });
    expect(result.assumptions.map(a => a.field)).toEqual([
      'region',
      'aws_instance.sandbox.image',
    ]);
    expect(result.questions).toEqual([]);
  });

  it.each([
    ['Ubuntu 22.04 on a t3.small', 't3.small', 'ubuntu', '22.04'],
    ['jammy box, m5.large', 'm5.large', 'ubuntu', '22.04'],
    ['I need an Amazon Linux 2 machine', 't3.micro', 'amazon-linux', '2'],
    ['debian server c6i.xlarge', 'c6i.xlarge', 'debian', '12'],
    ['RHEL 9 vm', 't3.micro', 'rhel', '9'],
    ['Windows Server 2022 on t3.large', 't3.large', 'windows-server', '2022'],
  ])('reads %j', (intent, instanceType, os, version) => {
    const [resource] = planWithRules(intent).plan.resources;
    expect(resource).toMatchObject({ instanceType, image: { os, version } });
  });

  it('derives arm64 from Graviton types', () => {
    const [resource] = planWithRules('an m7g.large with ubuntu').plan.resources;
    expect(resource).toMatchObject({ image: { architecture: 'arm64' } });
  });

  it('asks instead of guessing when ARM is requested on an x86 type', () => {
    expect(planWithRules('t3.micro on arm').questions[0]).toContain('Graviton');
  });

  it('takes the region and the name from the request', () => {
    const result = planWithRules('a t3.micro named build-box in eu-west-1');
    expect(result.plan.region).toBe('eu-west-1');
    expect(result.plan.resources[0].name).toBe('build_box');
    expect(result.assumptions.map(a => a.field)).not.toContain('region');
  });

  it('asks what to create when the request names no resource', () => {
    const result = planWithRules('hello there');
    expect(result.plan.resources).toEqual([]);
    expect(result.questions).toHaveLength(1);
  });

  it('lists what is not a resource instead of dropping it', () => {
    const result = planWithRules('install docker');
    expect(result.plan.resources).toEqual([]);
    expect(result.outOfScope[0]).toContain('install docker');
  });
});

describe('validateIntentText', () => {
  it.each([undefined, '', '   ', 42, null])('refuses %p', value => {
    expect(validateIntentText(value)).toContain('Describe what you need');
  });

  it('refuses oversize intents with the length', () => {
    expect(validateIntentText('x'.repeat(2001))).toContain('2001 characters');
  });

  it('accepts a normal intent', () => {
    expect(validateIntentText('a t3.micro')).toBeUndefined();
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parsePlan, resourceAddress } from './schema';

const instance = {
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
};

describe('parsePlan', () => {
  it('accepts a valid plan', () => {
    const result = parsePlan({
      formatVersion: 1,
      region: 'eu-west-1',
      resources: [instance],
    });
    expect(result.ok).toBe(true);
  });

  it('names the field and the fix for each problem', () => {
    const result = parsePlan({
      formatVersion: 1,
      region: 'Europe',
      resources: [{ ...instance, instanceType: 'huge' }],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'region: Expected an AWS region code such as eu-west-1',
        'resources.0.instanceType: Expected an EC2 instance type such as t3.micro',
      ],
    });
  });

  it('refuses duplicate addresses', () => {
    const result = parsePlan({
      formatVersion: 1,
      region: 'eu-west-1',
      resources: [instance, instance],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringContaining('Duplicate resource address aws_instance.web'),
      ],
    });
  });

  it('refuses unknown resource types and format versions', () => {
    expect(
      parsePlan({ formatVersion: 2, region: 'eu-west-1', resources: [] }).ok,
    ).toBe(false);
    expect(
      parsePlan({
        formatVersion: 1,
        region: 'eu-west-1',
        resources: [{ type: 'aws_lambda' }],
      }).ok,
    ).toBe(false);
  });
});

describe('resourceAddress', () => {
  it('joins type and name like Terraform', () => {
    expect(resourceAddress({ type: 'aws_instance', name: 'web' })).toBe(
      'aws_instance.web',
    );
  });
});

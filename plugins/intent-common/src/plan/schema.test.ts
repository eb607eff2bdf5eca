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

  it('takes a pinned image id shaped like an AMI id, and nothing else', () => {
    const withId = (id: string) =>
      parsePlan({
        formatVersion: 1,
        region: 'eu-west-1',
        resources: [{ ...instance, image: { ...instance.image, id } }],
      });
    expect(withId('ami-0123456789abcdef0')).toMatchObject({
      ok: true,
      plan: { resources: [{ image: { id: 'ami-0123456789abcdef0' } }] },
    });
    expect(withId('ami-12345678').ok).toBe(true);
    expect(withId('ubuntu-24.04')).toEqual({
      ok: false,
      problems: [
        'resources.0.image.id: Expected an AMI id such as ami-0123456789abcdef0',
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

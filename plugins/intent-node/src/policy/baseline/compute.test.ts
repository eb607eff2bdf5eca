// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { check, instance, makePlan } from '../__testUtils__/fixtures';
import {
  allowedInstanceTypes,
  encryptedVolumes,
  imdsv2Required,
  maxInstances,
} from './compute';

describe('imdsv2-required', () => {
  it('flags an instance that allows IMDSv1', () => {
    const plan = makePlan([
      instance('web', { metadataHttpTokens: 'optional' }),
    ]);
    expect(check(imdsv2Required, plan)).toEqual([
      {
        address: 'aws_instance.web',
        field: 'metadataHttpTokens',
        message:
          'aws_instance.web allows IMDSv1: metadataHttpTokens is optional',
        fix: 'Set metadataHttpTokens: required',
      },
    ]);
  });

  it('accepts the default, which requires tokens', () => {
    expect(check(imdsv2Required, makePlan([instance('web')]))).toEqual([]);
  });
});

describe('encrypted-volumes', () => {
  it('flags an unencrypted root volume and an unencrypted EBS volume', () => {
    const plan = makePlan([
      instance('web', {
        rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: false },
      }),
      { type: 'aws_ebs_volume', name: 'data', sizeGb: 100, encrypted: false },
    ]);
    expect(check(encryptedVolumes, plan)).toEqual([
      {
        address: 'aws_instance.web',
        field: 'rootVolume.encrypted',
        message: 'The root volume of aws_instance.web is not encrypted',
        fix: 'Set rootVolume.encrypted: true',
        checkIds: ['CKV_AWS_8', 'AVD-AWS-0131'],
      },
      {
        address: 'aws_ebs_volume.data',
        field: 'encrypted',
        message: 'aws_ebs_volume.data is not encrypted',
        fix: 'Set encrypted: true',
        checkIds: ['CKV_AWS_3', 'AVD-AWS-0026'],
      },
    ]);
  });

  it('accepts encrypted volumes (the defaults)', () => {
    const plan = makePlan([
      instance('web'),
      { type: 'aws_ebs_volume', name: 'data', sizeGb: 100 },
    ]);
    expect(check(encryptedVolumes, plan)).toEqual([]);
  });
});

describe('allowed-instance-types', () => {
  const plan = makePlan([
    instance('a', { instanceType: 't3.micro' }),
    instance('b', { instanceType: 't3a.large' }),
    instance('c', { instanceType: 'm7g.large' }),
  ]);
  const flagged = (allowed: string[]) =>
    check(allowedInstanceTypes, plan, {
      limits: { allowedInstanceTypes: allowed },
    }).map(f => f.address);

  it('matches families exactly, so t3 does not allow t3a', () => {
    expect(flagged(['t3', 'm7g'])).toEqual(['aws_instance.b']);
  });

  it('matches exact types and patterns', () => {
    expect(flagged(['t3.micro', '*.large'])).toEqual([]);
    expect(flagged(['t3*.*'])).toEqual(['aws_instance.c']);
  });

  it('names the type and the allowed list', () => {
    expect(
      check(
        allowedInstanceTypes,
        makePlan([instance('gpu', { instanceType: 'p5.48xlarge' })]),
        {
          limits: { allowedInstanceTypes: ['t3', 't4g'] },
        },
      ),
    ).toEqual([
      {
        address: 'aws_instance.gpu',
        field: 'instanceType',
        message:
          'aws_instance.gpu uses p5.48xlarge, which is not an allowed instance type',
        fix: 'Use one of t3, t4g',
      },
    ]);
  });

  it('allows every priced family by default, and nothing else', () => {
    expect(check(allowedInstanceTypes, plan)).toEqual([]);
    expect(
      check(
        allowedInstanceTypes,
        makePlan([instance('x', { instanceType: 'x2iedn.32xlarge' })]),
      ),
    ).toHaveLength(1);
  });
});

describe('max-instances', () => {
  const plan = makePlan([instance('a'), instance('b'), instance('c')]);

  it('flags more instances than allowed', () => {
    expect(check(maxInstances, plan, { limits: { maxInstances: 2 } })).toEqual([
      {
        field: 'resources',
        message: 'The plan has 3 instances; a session may have at most 2',
        fix: 'Remove 1 instance(s) or split the work into more sessions',
      },
    ]);
  });

  it('accepts exactly the maximum', () => {
    expect(check(maxInstances, plan, { limits: { maxInstances: 3 } })).toEqual(
      [],
    );
  });
});

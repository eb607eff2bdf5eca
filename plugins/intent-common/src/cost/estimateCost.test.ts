// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { instance, makePlan } from '../testUtils';
import { estimateCost } from './estimateCost';

describe('estimateCost', () => {
  it('prices an instance with its root volume, per hour and per 730-hour month', () => {
    const cost = estimateCost(makePlan([instance('web')]));
    // t3.micro $0.0104/h + 8 GB gp3 × $0.08 / 730 h
    const hourly = 0.0104 + (8 * 0.08) / 730;
    expect(cost.hourlyUsd).toBeCloseTo(hourly, 6);
    expect(cost.monthlyUsd).toBeCloseTo(hourly * 730, 4);
    expect(cost.unknown).toEqual([]);
    expect(cost.pricesAsOf).toBe('2025-06');
    expect(cost.perResource).toEqual([
      {
        address: 'aws_instance.web',
        hourlyUsd: expect.closeTo(hourly, 6),
        basis:
          't3.micro $0.0104/h on-demand Linux + root 8 GB gp3 $0.6400/month',
      },
    ]);
  });

  it('uses the region of the plan', () => {
    const us = estimateCost(makePlan([instance('web')]));
    const eu = estimateCost(
      makePlan([instance('web')], { region: 'eu-west-1' }),
    );
    const sydney = estimateCost(
      makePlan([instance('web')], { region: 'ap-southeast-2' }),
    );
    expect(eu.hourlyUsd).toBeCloseTo(0.0114 + (8 * 0.088) / 730, 6);
    expect(sydney.hourlyUsd).toBeCloseTo(us.hourlyUsd * 1.25, 6);
    expect(sydney.perResource[0].basis).toContain(
      'us-east-1 price × 1.25 regional factor',
    );
  });

  it('adds public IPv4 to an instance that gets a public IP, unless an Elastic IP replaces it', () => {
    const open = estimateCost(
      makePlan([instance('web', { associatePublicIp: undefined })]),
    );
    const closed = estimateCost(makePlan([instance('web')]));
    expect(open.hourlyUsd - closed.hourlyUsd).toBeCloseTo(0.005, 6);
    expect(open.perResource[0].basis).toContain('public IPv4 $0.0050/h');

    const withEip = estimateCost(
      makePlan([
        instance('web', { associatePublicIp: true }),
        { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
      ]),
    );
    expect(withEip.perResource.map(r => r.hourlyUsd)).toEqual([
      closed.perResource[0].hourlyUsd,
      0.005,
    ]);
  });

  it('prices EBS volumes by size, type and provisioned IOPS', () => {
    const cost = estimateCost(
      makePlan([
        { type: 'aws_ebs_volume', name: 'a', sizeGb: 100 },
        { type: 'aws_ebs_volume', name: 'b', sizeGb: 100, iops: 5000 },
        {
          type: 'aws_ebs_volume',
          name: 'c',
          sizeGb: 100,
          volumeType: 'io2',
          iops: 1000,
        },
      ]),
    );
    expect(cost.perResource.map(r => r.hourlyUsd)).toEqual([
      expect.closeTo(8 / 730, 6),
      expect.closeTo((8 + 2000 * 0.005) / 730, 6),
      expect.closeTo((12.5 + 1000 * 0.065) / 730, 6),
    ]);
    expect(cost.perResource[1].basis).toBe(
      'volume 100 GB gp3 + 2000 provisioned IOPS $18.00/month',
    );
  });

  it('assumes a nominal amount of S3 storage and says so', () => {
    const cost = estimateCost(
      makePlan([{ type: 'aws_s3_bucket', name: 'data' }]),
    );
    expect(cost.perResource[0]).toEqual({
      address: 'aws_s3_bucket.data',
      hourlyUsd: expect.closeTo((10 * 0.023) / 730, 6),
      basis: expect.stringMatching(/^assumes 10 GB in S3 Standard/),
    });
  });

  it('lists every resource, the free ones at zero', () => {
    const cost = estimateCost(
      makePlan([
        { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
        { type: 'aws_security_group', name: 'sg' },
        { type: 'aws_key_pair', name: 'key' },
      ]),
    );
    expect(cost.perResource).toEqual([
      { address: 'aws_vpc.main', hourlyUsd: 0, basis: 'no charge' },
      { address: 'aws_security_group.sg', hourlyUsd: 0, basis: 'no charge' },
      { address: 'aws_key_pair.key', hourlyUsd: 0, basis: 'no charge' },
    ]);
    expect(cost.hourlyUsd).toBe(0);
  });

  it('lists unknown instance types once, sorted, and never prices them at zero silently', () => {
    const cost = estimateCost(
      makePlan([
        instance('a', { instanceType: 'z1d.large' }),
        instance('b', { instanceType: 'x2iedn.32xlarge' }),
        instance('c', { instanceType: 'z1d.large' }),
        instance('d'),
      ]),
    );
    expect(cost.unknown).toEqual(['x2iedn.32xlarge', 'z1d.large']);
    expect(cost.perResource[0].basis).toContain(
      'z1d.large: no price in the table, not included',
    );
    expect(cost.perResource[0].hourlyUsd).toBeCloseTo((8 * 0.08) / 730, 6);
  });

  it('says when an OS licence is not included', () => {
    const cost = estimateCost(
      makePlan([
        instance('win', {
          image: {
            os: 'windows-server',
            version: '2022',
            architecture: 'x86_64',
          },
        }),
      ]),
    );
    expect(cost.perResource[0].basis).toContain(
      'windows-server licence not included',
    );
  });
});

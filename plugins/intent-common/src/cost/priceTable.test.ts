// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  ebsGbMonthPrice,
  ebsIopsMonthPrice,
  instanceHourlyPrice,
  pricedInstanceFamilies,
  regionPricing,
  s3GbMonthPrice,
} from './priceTable';

const usd = (region: string, type: string) =>
  instanceHourlyPrice(region, type)?.usd;

describe('instanceHourlyPrice', () => {
  it('prices every size of a family linearly from its large size', () => {
    expect(usd('us-east-1', 't3.nano')).toBeCloseTo(0.0052, 6);
    expect(usd('us-east-1', 't3.micro')).toBeCloseTo(0.0104, 6);
    expect(usd('us-east-1', 't3.medium')).toBeCloseTo(0.0416, 6);
    expect(usd('us-east-1', 't3.2xlarge')).toBeCloseTo(0.3328, 6);
    expect(usd('us-east-1', 'm5.24xlarge')).toBeCloseTo(4.608, 6);
    expect(usd('us-east-1', 'c5.9xlarge')).toBeCloseTo(1.53, 6);
    expect(usd('us-east-1', 'm7g.medium')).toBeCloseTo(0.0408, 6);
  });

  it('uses the listed price where the published one rounds differently, and for GPUs', () => {
    expect(usd('us-east-1', 't2.small')).toBe(0.023);
    expect(usd('us-east-1', 'g5.xlarge')).toBe(1.006);
    expect(usd('us-east-1', 'g5.16xlarge')).toBe(4.096);
    expect(usd('us-east-1', 'p5.48xlarge')).toBe(55.04);
  });

  it('reads the eu-west-1 table there, with factor 1', () => {
    expect(instanceHourlyPrice('eu-west-1', 't3.micro')).toEqual({
      usd: 0.0114,
      group: 'eu-west-1',
      factor: 1,
    });
  });

  it('gives us-east-2 and us-west-2 the us-east-1 prices', () => {
    expect(instanceHourlyPrice('us-west-2', 'm5.large')).toEqual({
      usd: 0.096,
      group: 'us-east-1',
      factor: 1,
    });
  });

  it('scales us-east-1 prices by the regional factor elsewhere', () => {
    const price = instanceHourlyPrice('eu-central-1', 'm5.large');
    expect(price).toEqual({
      usd: expect.any(Number),
      group: 'us-east-1',
      factor: 1.2,
    });
    expect(price?.usd).toBeCloseTo(0.1152, 6);
  });

  it('falls back to the scaled us-east-1 price for types the eu-west-1 table lacks', () => {
    expect(instanceHourlyPrice('eu-west-1', 'p4d.24xlarge')).toEqual({
      usd: expect.closeTo(21.96 * 1.11, 6),
      group: 'us-east-1',
      factor: 1.11,
    });
  });

  it('uses the most expensive factor for a region it does not know', () => {
    expect(regionPricing('mars-north-1')).toEqual({
      group: undefined,
      factor: 1.6,
    });
    expect(usd('mars-north-1', 'm5.large')).toBeCloseTo(0.1536, 6);
  });

  it('knows nothing about unknown types or sizes a family does not offer', () => {
    expect(instanceHourlyPrice('us-east-1', 'x2iedn.32xlarge')).toBeUndefined();
    expect(instanceHourlyPrice('us-east-1', 'm5.nano')).toBeUndefined();
    expect(instanceHourlyPrice('us-east-1', 'c5.8xlarge')).toBeUndefined();
    expect(instanceHourlyPrice('us-east-1', 't3.metal')).toBeUndefined();
  });
});

describe('storage prices', () => {
  it('prices EBS per GB-month by type and region', () => {
    expect(ebsGbMonthPrice('us-east-1', 'gp3')?.usd).toBe(0.08);
    expect(ebsGbMonthPrice('eu-west-1', 'gp2')?.usd).toBe(0.11);
    expect(ebsGbMonthPrice('us-east-1', 'nvme')).toBeUndefined();
  });

  it('prices provisioned IOPS only for the types that charge them', () => {
    expect(ebsIopsMonthPrice('us-east-1', 'io2').usd).toBe(0.065);
    expect(ebsIopsMonthPrice('us-east-1', 'gp2').usd).toBe(0);
  });

  it('prices S3 Standard storage', () => {
    expect(s3GbMonthPrice('eu-west-1').usd).toBe(0.023);
  });
});

describe('pricedInstanceFamilies', () => {
  it('lists every family with a price, GPUs included', () => {
    const families = pricedInstanceFamilies();
    expect(families).toEqual(
      expect.arrayContaining([
        't2',
        't3',
        't3a',
        't4g',
        'm5',
        'r7g',
        'g5',
        'p4d',
        'p5',
      ]),
    );
    expect(new Set(families).size).toBe(families.length);
  });
});

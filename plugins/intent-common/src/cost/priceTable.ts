// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * The price table of intent sandboxes: AWS on-demand list prices in USD.
 *
 * As of:  2025-06 (after AWS's June 2025 on-demand reduction for P4d and P5).
 * Source: the AWS pricing pages, Linux/UNIX, shared tenancy, no Savings Plans:
 *         EC2 https://aws.amazon.com/ec2/pricing/on-demand/
 *         EBS https://aws.amazon.com/ebs/pricing/
 *         public IPv4 https://aws.amazon.com/vpc/pricing/ ($0.005/h since 2024-02-01)
 *         S3  https://aws.amazon.com/s3/pricing/ (S3 Standard, first 50 TB)
 * Refresh from the AWS Price List API (service code AmazonEC2, operatingSystem
 * Linux, tenancy Shared, preInstalledSw NA, capacitystatus Used) and move the
 * date above.
 *
 * Within an EC2 family AWS prices every size linearly in vCPUs, so a family
 * is written as the price of its `large` size plus the sizes it offers:
 * nano = 1/16, micro = 1/8, small = 1/4, medium = 1/2, large = 1,
 * xlarge = 2 and Nxlarge = 2N large units. GPU types are not linear and are
 * listed one by one, as are the few published prices that round differently.
 */

/** Month length used to turn hourly into monthly prices (AWS's own convention). @public */
export const HOURS_PER_MONTH = 730;

/** When the price table was taken from AWS's pricing pages. @public */
export const PRICES_AS_OF = '2025-06';

/** Regions whose prices the table lists; others are priced from us-east-1. @public */
export type PriceRegionGroup = 'us-east-1' | 'eu-west-1';

const REGION_GROUPS: Record<string, PriceRegionGroup> = {
  // us-east-2 and us-west-2 publish the same prices as us-east-1 for these families.
  'us-east-1': 'us-east-1',
  'us-east-2': 'us-east-1',
  'us-west-2': 'us-east-1',
  'eu-west-1': 'eu-west-1',
};

/**
 * Price of a region relative to us-east-1, for regions without their own
 * table: the ratio of m5.large's on-demand price there to us-east-1's
 * ($0.096), rounded to two decimals. eu-west-1 uses its factor only for the
 * types its table does not list.
 */
const REGIONAL_FACTORS: Record<string, number> = {
  'us-west-1': 1.17,
  'ca-central-1': 1.11,
  'eu-west-1': 1.11,
  'eu-west-2': 1.16,
  'eu-west-3': 1.17,
  'eu-central-1': 1.2,
  'eu-north-1': 1.06,
  'eu-south-1': 1.17,
  'ap-south-1': 1.05,
  'ap-southeast-1': 1.25,
  'ap-southeast-2': 1.25,
  'ap-northeast-1': 1.29,
  'ap-northeast-2': 1.23,
  'sa-east-1': 1.59,
};

/**
 * Factor for a region the table does not know: the most expensive listed
 * factor, so that cost limits err on the side of caution.
 */
const UNLISTED_REGION_FACTOR = 1.6;

const BURSTABLE_SIZES = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
];
const X86_SIZES = [
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
  '24xlarge',
];
const C5_SIZES = [
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '9xlarge',
  '12xlarge',
  '18xlarge',
  '24xlarge',
];
const GRAVITON_SIZES = [
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
];

interface FamilyPrices {
  sizes: string[];
  /** USD per hour of the family's `large` size. */
  large: Record<PriceRegionGroup, number>;
}

const family = (
  sizes: string[],
  usEast1: number,
  euWest1: number,
): FamilyPrices => ({
  sizes,
  large: { 'us-east-1': usEast1, 'eu-west-1': euWest1 },
});

/** Family: sizes offered, price of `large` in us-east-1, in eu-west-1. */
const FAMILIES: Record<string, FamilyPrices> = {
  t2: family(BURSTABLE_SIZES, 0.0928, 0.1008),
  t3: family(BURSTABLE_SIZES, 0.0832, 0.0912),
  t3a: family(BURSTABLE_SIZES, 0.0752, 0.0816),
  t4g: family(BURSTABLE_SIZES, 0.0672, 0.0736),
  m5: family(X86_SIZES, 0.096, 0.107),
  m6i: family(X86_SIZES, 0.096, 0.107),
  m7i: family(X86_SIZES, 0.1008, 0.1124),
  m6g: family(GRAVITON_SIZES, 0.077, 0.086),
  m7g: family(GRAVITON_SIZES, 0.0816, 0.0911),
  c5: family(C5_SIZES, 0.085, 0.096),
  c6i: family(X86_SIZES, 0.085, 0.096),
  c7i: family(X86_SIZES, 0.08925, 0.1008),
  c6g: family(GRAVITON_SIZES, 0.068, 0.0768),
  c7g: family(GRAVITON_SIZES, 0.0725, 0.0819),
  r5: family(X86_SIZES, 0.126, 0.141),
  r6i: family(X86_SIZES, 0.126, 0.141),
  r7g: family(GRAVITON_SIZES, 0.1071, 0.1198),
};

/** Types priced one by one: GPU instances and published prices that round differently. */
const LISTED_TYPES: Record<PriceRegionGroup, Record<string, number>> = {
  'us-east-1': {
    't2.small': 0.023,
    'g5.xlarge': 1.006,
    'g5.2xlarge': 1.212,
    'g5.4xlarge': 1.624,
    'g5.8xlarge': 2.448,
    'g5.12xlarge': 5.672,
    'g5.16xlarge': 4.096,
    'g5.24xlarge': 8.144,
    'g5.48xlarge': 16.288,
    'p4d.24xlarge': 21.96,
    'p5.48xlarge': 55.04,
  },
  'eu-west-1': {
    't2.small': 0.025,
    'g5.xlarge': 1.123,
    'g5.2xlarge': 1.353,
    'g5.4xlarge': 1.813,
    'g5.8xlarge': 2.733,
    'g5.12xlarge': 6.332,
    'g5.16xlarge': 4.573,
    'g5.24xlarge': 9.092,
    'g5.48xlarge': 18.184,
  },
};

/** EBS storage, USD per GB-month, by volume type. */
const EBS_GB_MONTH: Record<PriceRegionGroup, Record<string, number>> = {
  'us-east-1': {
    gp3: 0.08,
    gp2: 0.1,
    io1: 0.125,
    io2: 0.125,
    st1: 0.045,
    sc1: 0.015,
    standard: 0.05,
  },
  'eu-west-1': {
    gp3: 0.088,
    gp2: 0.11,
    io1: 0.138,
    io2: 0.138,
    st1: 0.05,
    sc1: 0.0168,
    standard: 0.055,
  },
};

/**
 * Provisioned IOPS, USD per IOPS-month: every IOPS of io1/io2 (io2's first
 * tier), and the IOPS of gp3 above the 3000 it includes.
 */
const EBS_IOPS_MONTH: Record<PriceRegionGroup, Record<string, number>> = {
  'us-east-1': { io1: 0.065, io2: 0.065, gp3: 0.005 },
  'eu-west-1': { io1: 0.072, io2: 0.072, gp3: 0.0055 },
};

/** IOPS a gp3 volume includes in its storage price. @public */
export const GP3_INCLUDED_IOPS = 3000;

/** A public IPv4 address (Elastic IP or auto-assigned), USD per hour, in every region. @public */
export const PUBLIC_IPV4_HOURLY_USD = 0.005;

/** S3 Standard storage, USD per GB-month. */
const S3_STANDARD_GB_MONTH: Record<PriceRegionGroup, number> = {
  'us-east-1': 0.023,
  'eu-west-1': 0.023,
};

/**
 * What a sandbox bucket is assumed to hold: a plan cannot say how much data
 * will be put into it. Requests and transfer are not estimated.
 *
 * @public
 */
export const S3_NOMINAL_STORAGE_GB = 10;

/**
 * Where a price comes from: the region's own table, or us-east-1's price
 * times the region's factor.
 *
 * @public
 */
export interface PriceSource {
  /** The table the price was read from. */
  group: PriceRegionGroup;
  /** 1 when the region's own table holds the price. */
  factor: number;
}

/** @public */
export interface Price extends PriceSource {
  usd: number;
}

/**
 * The region group whose table a region reads, and the factor applied to
 * us-east-1 prices when that table has no entry.
 *
 * @public
 */
export function regionPricing(region: string): {
  group: PriceRegionGroup | undefined;
  factor: number;
} {
  return {
    group: REGION_GROUPS[region],
    factor:
      REGIONAL_FACTORS[region] ??
      (REGION_GROUPS[region] ? 1 : UNLISTED_REGION_FACTOR),
  };
}

function sizeUnits(size: string): number | undefined {
  const fixed: Record<string, number> = {
    nano: 1 / 16,
    micro: 1 / 8,
    small: 1 / 4,
    medium: 1 / 2,
    large: 1,
    xlarge: 2,
  };
  if (size in fixed) {
    return fixed[size];
  }
  const multiple = /^(\d+)xlarge$/.exec(size);
  return multiple ? 2 * Number(multiple[1]) : undefined;
}

function tablePrice(
  group: PriceRegionGroup,
  instanceType: string,
): number | undefined {
  const listed = LISTED_TYPES[group][instanceType];
  if (listed !== undefined) {
    return listed;
  }
  const [familyName, size] = instanceType.split('.');
  const prices = FAMILIES[familyName];
  if (!prices || !prices.sizes.includes(size)) {
    return undefined;
  }
  const units = sizeUnits(size);
  return units === undefined ? undefined : prices.large[group] * units;
}

function lookup(
  region: string,
  read: (group: PriceRegionGroup) => number | undefined,
): Price | undefined {
  const { group, factor } = regionPricing(region);
  const own = group ? read(group) : undefined;
  if (group && own !== undefined) {
    return { usd: own, group, factor: 1 };
  }
  const base = read('us-east-1');
  return base === undefined
    ? undefined
    : { usd: base * factor, group: 'us-east-1', factor };
}

/**
 * On-demand Linux price of an EC2 instance type in a region, USD per hour,
 * or undefined when the table does not know the type.
 *
 * @public
 */
export function instanceHourlyPrice(
  region: string,
  instanceType: string,
): Price | undefined {
  return lookup(region, group => tablePrice(group, instanceType));
}

/** EBS storage price of a volume type, USD per GB-month. @public */
export function ebsGbMonthPrice(
  region: string,
  volumeType: string,
): Price | undefined {
  return lookup(region, group => EBS_GB_MONTH[group][volumeType]);
}

/** Provisioned IOPS price of a volume type, USD per IOPS-month (0 when it has none). @public */
export function ebsIopsMonthPrice(region: string, volumeType: string): Price {
  return lookup(region, group => EBS_IOPS_MONTH[group][volumeType] ?? 0)!;
}

/** S3 Standard storage price, USD per GB-month. @public */
export function s3GbMonthPrice(region: string): Price {
  return lookup(region, group => S3_STANDARD_GB_MONTH[group])!;
}

/**
 * Every instance type the table prices, for allow-lists and documentation.
 *
 * @public
 */
export function pricedInstanceFamilies(): string[] {
  const listed = Object.keys(LISTED_TYPES['us-east-1']).map(
    t => t.split('.')[0],
  );
  return [...new Set([...Object.keys(FAMILIES), ...listed])];
}

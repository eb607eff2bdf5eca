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
 * EC2 instance prices live in the instance-type catalogue
 * (../catalog/instanceTypes.ts, dated INSTANCE_CATALOG_AS_OF); this file adds
 * the regions, EBS, public IPv4 and S3.
 */

import {
  INSTANCE_CATALOG_AS_OF,
  instanceFamilies,
  lookupInstanceType,
  type PriceRegionGroup,
} from '../catalog/instanceTypes';

export type { PriceRegionGroup };

/** Month length used to turn hourly into monthly prices (AWS's own convention). @public */
export const HOURS_PER_MONTH = 730;

/** When the price table was taken from AWS's pricing pages. @public */
export const PRICES_AS_OF = INSTANCE_CATALOG_AS_OF;

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

function tablePrice(
  group: PriceRegionGroup,
  instanceType: string,
): number | undefined {
  return lookupInstanceType(instanceType)?.onDemandHourlyUsd[group];
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
  return instanceFamilies({ priced: true });
}

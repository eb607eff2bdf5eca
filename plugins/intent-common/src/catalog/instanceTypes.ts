// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * The EC2 instance-type catalogue of intent sandboxes: every type the price
 * table, the planners and the simulated cloud know, with its vCPUs, memory,
 * architecture and AWS on-demand list price. One list, read by all of them.
 *
 * As of:  2025-06 (after AWS's June 2025 on-demand reduction for P4d and P5).
 * Source: the AWS pricing pages, Linux/UNIX, shared tenancy, no Savings Plans
 *         (https://aws.amazon.com/ec2/pricing/on-demand/), and the EC2
 *         instance-type pages for vCPUs and memory
 *         (https://aws.amazon.com/ec2/instance-types/).
 * Refresh prices from the AWS Price List API (service code AmazonEC2,
 * operatingSystem Linux, tenancy Shared, preInstalledSw NA, capacitystatus
 * Used) and move the date above.
 *
 * Within an EC2 family AWS prices and sizes every size linearly in vCPUs, so
 * a family is written as its `large` size (vCPUs, GiB, price) plus the sizes
 * it offers: nano = 1/16, micro = 1/8, small = 1/4, medium = 1/2, large = 1,
 * xlarge = 2 and Nxlarge = 2N large units. Burstable families keep 2 vCPUs up
 * to `large`, `metal` sizes and GPU types are not linear and are written out.
 */

import type { Architecture } from '../plan';

/** When the catalogue (and its prices) were taken from AWS's pages. @public */
export const INSTANCE_CATALOG_AS_OF = '2025-06';

/** Regions whose prices the catalogue lists; others are priced from us-east-1. @public */
export type PriceRegionGroup = 'us-east-1' | 'eu-west-1';

/**
 * One EC2 instance type of the catalogue.
 *
 * @public
 */
export interface InstanceTypeInfo {
  /** `family.size`, for example `t3.micro`. */
  instanceType: string;
  family: string;
  size: string;
  vcpus: number;
  memoryGib: number;
  architecture: Architecture;
  /**
   * On-demand Linux list price, USD per hour, by price region group. A group
   * without an entry is priced from us-east-1 (see `instanceHourlyPrice`);
   * no entry at all means the price table does not price the type yet.
   */
  onDemandHourlyUsd: Partial<Record<PriceRegionGroup, number>>;
}

type Prices = Partial<Record<PriceRegionGroup, number>>;

interface FamilySpec {
  architecture: Architecture;
  /** vCPUs and GiB of the `large` size; other sizes scale linearly. */
  large: [vcpus: number, memoryGib: number];
  /** Sizes priced linearly from `largeUsd` (all offered sizes when unpriced). */
  sizes: readonly string[];
  /** USD per hour of the `large` size; absent when the family is not priced. */
  largeUsd?: Prices;
  /** Sizes EC2 offers that the price table does not price. */
  unpricedSizes?: readonly string[];
  /** Sizes whose vCPUs/GiB are not linear: `metal`, burstable small sizes. */
  shapes?: Record<string, [vcpus: number, memoryGib: number]>;
  /** Sizes priced one by one: GPUs, and published prices that round differently. */
  listedUsd?: Record<string, Prices>;
}

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

/** t3, t3a and t4g: 2 vCPUs up to large (memory is linear). */
const BURSTABLE_2_VCPU: FamilySpec['shapes'] = {
  nano: [2, 0.5],
  micro: [2, 1],
  small: [2, 2],
  medium: [2, 4],
};

const usd = (usEast1: number, euWest1?: number): Prices =>
  euWest1 === undefined
    ? { 'us-east-1': usEast1 }
    : { 'us-east-1': usEast1, 'eu-west-1': euWest1 };

const GENERAL: [number, number] = [2, 8];
const COMPUTE: [number, number] = [2, 4];
const MEMORY: [number, number] = [2, 16];

/** Family → spec, in the order the price table lists families. */
const FAMILIES: Record<string, FamilySpec> = {
  t2: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: BURSTABLE_SIZES,
    largeUsd: usd(0.0928, 0.1008),
    shapes: {
      nano: [1, 0.5],
      micro: [1, 1],
      small: [1, 2],
      medium: [2, 4],
    },
    listedUsd: { small: usd(0.023, 0.025) },
  },
  t3: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: BURSTABLE_SIZES,
    largeUsd: usd(0.0832, 0.0912),
    shapes: BURSTABLE_2_VCPU,
  },
  t3a: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: BURSTABLE_SIZES,
    largeUsd: usd(0.0752, 0.0816),
    shapes: BURSTABLE_2_VCPU,
  },
  t4g: {
    architecture: 'arm64',
    large: GENERAL,
    sizes: BURSTABLE_SIZES,
    largeUsd: usd(0.0672, 0.0736),
    shapes: BURSTABLE_2_VCPU,
  },
  m5: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: X86_SIZES,
    largeUsd: usd(0.096, 0.107),
    unpricedSizes: ['metal'],
    shapes: { metal: [96, 384] },
  },
  m6i: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: X86_SIZES,
    largeUsd: usd(0.096, 0.107),
    unpricedSizes: ['32xlarge', 'metal'],
    shapes: { metal: [128, 512] },
  },
  m7i: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: X86_SIZES,
    largeUsd: usd(0.1008, 0.1124),
    unpricedSizes: ['48xlarge'],
  },
  m7a: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: ['medium', ...X86_SIZES],
  },
  m6g: {
    architecture: 'arm64',
    large: GENERAL,
    sizes: GRAVITON_SIZES,
    largeUsd: usd(0.077, 0.086),
  },
  m7g: {
    architecture: 'arm64',
    large: GENERAL,
    sizes: GRAVITON_SIZES,
    largeUsd: usd(0.0816, 0.0911),
  },
  c5: {
    architecture: 'x86_64',
    large: COMPUTE,
    sizes: C5_SIZES,
    largeUsd: usd(0.085, 0.096),
  },
  c6i: {
    architecture: 'x86_64',
    large: COMPUTE,
    sizes: X86_SIZES,
    largeUsd: usd(0.085, 0.096),
  },
  c7i: {
    architecture: 'x86_64',
    large: COMPUTE,
    sizes: X86_SIZES,
    largeUsd: usd(0.08925, 0.1008),
  },
  c6g: {
    architecture: 'arm64',
    large: COMPUTE,
    sizes: GRAVITON_SIZES,
    largeUsd: usd(0.068, 0.0768),
  },
  c7g: {
    architecture: 'arm64',
    large: COMPUTE,
    sizes: GRAVITON_SIZES,
    largeUsd: usd(0.0725, 0.0819),
  },
  r5: {
    architecture: 'x86_64',
    large: MEMORY,
    sizes: X86_SIZES,
    largeUsd: usd(0.126, 0.141),
  },
  r6i: {
    architecture: 'x86_64',
    large: MEMORY,
    sizes: X86_SIZES,
    largeUsd: usd(0.126, 0.141),
  },
  r7i: {
    architecture: 'x86_64',
    large: MEMORY,
    sizes: X86_SIZES,
  },
  r7g: {
    architecture: 'arm64',
    large: MEMORY,
    sizes: GRAVITON_SIZES,
    largeUsd: usd(0.1071, 0.1198),
  },
  a1: {
    architecture: 'arm64',
    large: COMPUTE,
    sizes: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', 'metal'],
    shapes: { metal: [16, 32] },
  },
  g5: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: [],
    listedUsd: {
      xlarge: usd(1.006, 1.123),
      '2xlarge': usd(1.212, 1.353),
      '4xlarge': usd(1.624, 1.813),
      '8xlarge': usd(2.448, 2.733),
      '12xlarge': usd(5.672, 6.332),
      '16xlarge': usd(4.096, 4.573),
      '24xlarge': usd(8.144, 9.092),
      '48xlarge': usd(16.288, 18.184),
    },
  },
  p4d: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: [],
    shapes: { '24xlarge': [96, 1152] },
    listedUsd: { '24xlarge': usd(21.96) },
  },
  p5: {
    architecture: 'x86_64',
    large: GENERAL,
    sizes: [],
    shapes: { '48xlarge': [192, 2048] },
    listedUsd: { '48xlarge': usd(55.04) },
  },
};

/**
 * How many `large` units a size is, or undefined for sizes that are not
 * linear (`metal`).
 */
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

function linearPrices(spec: FamilySpec, units: number): Prices {
  const prices: Prices = {};
  for (const [group, large] of Object.entries(spec.largeUsd ?? {})) {
    prices[group as PriceRegionGroup] = large * units;
  }
  return prices;
}

function buildFamily(family: string, spec: FamilySpec): InstanceTypeInfo[] {
  const sizes = [
    ...new Set([
      ...spec.sizes,
      ...Object.keys(spec.listedUsd ?? {}),
      ...(spec.unpricedSizes ?? []),
    ]),
  ];
  return sizes.map(size => {
    const units = sizeUnits(size);
    const shape =
      spec.shapes?.[size] ??
      (units === undefined
        ? undefined
        : ([spec.large[0] * units, spec.large[1] * units] as const));
    if (!shape) {
      throw new Error(
        `Instance catalogue: no vCPUs/memory for ${family}.${size}`,
      );
    }
    const listed = spec.listedUsd?.[size];
    const linear =
      spec.sizes.includes(size) && units !== undefined
        ? linearPrices(spec, units)
        : {};
    return {
      instanceType: `${family}.${size}`,
      family,
      size,
      vcpus: shape[0],
      memoryGib: shape[1],
      architecture: spec.architecture,
      onDemandHourlyUsd: { ...linear, ...listed },
    };
  });
}

const CATALOG: readonly InstanceTypeInfo[] = Object.entries(FAMILIES).flatMap(
  ([family, spec]) => buildFamily(family, spec),
);

const BY_NAME = new Map(CATALOG.map(t => [t.instanceType, t]));

/**
 * Every instance type of the catalogue, family by family, smallest size first.
 *
 * @public
 */
export function listInstanceTypes(): readonly InstanceTypeInfo[] {
  return CATALOG;
}

/**
 * An instance type of the catalogue (`t3.micro`), or undefined when the
 * catalogue does not know it.
 *
 * @public
 */
export function lookupInstanceType(
  instanceType: string,
): InstanceTypeInfo | undefined {
  return BY_NAME.get(instanceType);
}

/**
 * The families of the catalogue, in catalogue order; with `priced`, only the
 * families the price table prices.
 *
 * @public
 */
export function instanceFamilies(options?: { priced?: boolean }): string[] {
  const types = options?.priced
    ? CATALOG.filter(t => Object.keys(t.onDemandHourlyUsd).length > 0)
    : CATALOG;
  return [...new Set(types.map(t => t.family))];
}

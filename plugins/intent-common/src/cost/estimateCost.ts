// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AwsInstance, Plan, PlanResource, resourceAddress } from '../plan';
import { instancePublicIp } from '../plan/publicIp';
import {
  ebsGbMonthPrice,
  ebsIopsMonthPrice,
  GP3_INCLUDED_IOPS,
  HOURS_PER_MONTH,
  instanceHourlyPrice,
  Price,
  PRICES_AS_OF,
  PUBLIC_IPV4_HOURLY_USD,
  S3_NOMINAL_STORAGE_GB,
  s3GbMonthPrice,
} from './priceTable';

/**
 * The estimated cost of one resource of a plan.
 *
 * @public
 */
export interface ResourceCost {
  address: string;
  /** USD per hour; only the parts with a known price when `basis` says a price is unknown. */
  hourlyUsd: number;
  /** How the figure was made, e.g. `t3.micro $0.0104/h + root 8 GB gp3 $0.0009/h`. */
  basis: string;
}

/**
 * The estimated on-demand cost of a plan while it runs. When `unknown` is not
 * empty the totals leave those instance types out and are a lower bound.
 *
 * @public
 */
export interface CostEstimate {
  hourlyUsd: number;
  /** `hourlyUsd` times 730 hours. */
  monthlyUsd: number;
  perResource: ResourceCost[];
  /** Instance types the price table does not know, sorted, without duplicates. */
  unknown: string[];
  /** Date of the price table, e.g. `2025-06`. */
  pricesAsOf: string;
}

interface Part {
  usd: number;
  text: string;
  unknownType?: string;
}

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

function money(usd: number): string {
  const digits = usd >= 1 ? 2 : 4;
  return `$${usd.toFixed(digits)}`;
}

function where(price: Price): string {
  return price.factor === 1
    ? ''
    : ` (us-east-1 price × ${price.factor} regional factor)`;
}

function volumePart(
  region: string,
  label: string,
  volume: { sizeGb: number; volumeType: string; iops?: number },
): Part {
  const storage = ebsGbMonthPrice(region, volume.volumeType);
  const iopsPrice = ebsIopsMonthPrice(region, volume.volumeType);
  const billedIops =
    volume.volumeType === 'gp3'
      ? Math.max(0, (volume.iops ?? 0) - GP3_INCLUDED_IOPS)
      : volume.iops ?? 0;
  if (!storage) {
    return {
      usd: 0,
      text: `${label} ${volume.volumeType}: no price for this volume type, not included`,
    };
  }
  const monthly = volume.sizeGb * storage.usd + billedIops * iopsPrice.usd;
  const iopsText = billedIops > 0 ? ` + ${billedIops} provisioned IOPS` : '';
  return {
    usd: monthly / HOURS_PER_MONTH,
    text: `${label} ${volume.sizeGb} GB ${volume.volumeType}${iopsText} ${money(
      monthly,
    )}/month${where(storage)}`,
  };
}

function instanceParts(
  instance: AwsInstance,
  plan: Plan,
  hasElasticIp: boolean,
): Part[] {
  const price = instanceHourlyPrice(plan.region, instance.instanceType);
  const licence =
    instance.image.os === 'windows-server' || instance.image.os === 'rhel'
      ? `, ${instance.image.os} licence not included`
      : '';
  const parts: Part[] = [
    price
      ? {
          usd: price.usd,
          text: `${instance.instanceType} ${money(
            price.usd,
          )}/h on-demand Linux${where(price)}${licence}`,
        }
      : {
          usd: 0,
          text: `${instance.instanceType}: no price in the table, not included`,
          unknownType: instance.instanceType,
        },
    volumePart(plan.region, 'root', instance.rootVolume),
  ];
  if (!hasElasticIp && instancePublicIp(instance, plan).public) {
    parts.push({
      usd: PUBLIC_IPV4_HOURLY_USD,
      text: `public IPv4 ${money(PUBLIC_IPV4_HOURLY_USD)}/h`,
    });
  }
  return parts;
}

function resourceParts(
  resource: PlanResource,
  plan: Plan,
  elasticIpTargets: Set<string>,
): Part[] {
  switch (resource.type) {
    case 'aws_instance':
      return instanceParts(
        resource,
        plan,
        elasticIpTargets.has(resourceAddress(resource)),
      );
    case 'aws_ebs_volume':
      return [volumePart(plan.region, 'volume', resource)];
    case 'aws_eip':
      return [
        {
          usd: PUBLIC_IPV4_HOURLY_USD,
          text: `public IPv4 ${money(
            PUBLIC_IPV4_HOURLY_USD,
          )}/h, attached or not`,
        },
      ];
    case 'aws_s3_bucket': {
      const price = s3GbMonthPrice(plan.region);
      const monthly = S3_NOMINAL_STORAGE_GB * price.usd;
      return [
        {
          usd: monthly / HOURS_PER_MONTH,
          text: `assumes ${S3_NOMINAL_STORAGE_GB} GB in S3 Standard ${money(
            monthly,
          )}/month${where(price)}; requests and transfer not included`,
        },
      ];
    }
    default:
      return [{ usd: 0, text: 'no charge' }];
  }
}

/**
 * Estimates what a plan costs per hour and per month while it runs, from the
 * dated on-demand price table of this package (Linux prices; data transfer,
 * requests and OS licences are not included). Instance types the table does
 * not know are listed in `unknown` and named in their resource's `basis`,
 * never silently priced at zero.
 *
 * @public
 */
export function estimateCost(plan: Plan): CostEstimate {
  const elasticIpTargets = new Set(
    plan.resources.flatMap(r =>
      r.type === 'aws_eip' && r.instance ? [r.instance] : [],
    ),
  );
  const unknown = new Set<string>();
  let hourly = 0;
  const perResource = plan.resources.map(resource => {
    const parts = resourceParts(resource, plan, elasticIpTargets);
    parts.forEach(part => part.unknownType && unknown.add(part.unknownType));
    const resourceHourly = parts.reduce((sum, part) => sum + part.usd, 0);
    hourly += resourceHourly;
    return {
      address: resourceAddress(resource),
      hourlyUsd: round(resourceHourly),
      basis: parts.map(part => part.text).join(' + '),
    };
  });
  return {
    hourlyUsd: round(hourly),
    monthlyUsd: round(hourly * HOURS_PER_MONTH),
    perResource,
    unknown: [...unknown].sort(),
    pricesAsOf: PRICES_AS_OF,
  };
}

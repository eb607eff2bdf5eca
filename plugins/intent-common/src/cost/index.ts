// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { estimateCost } from './estimateCost';
export type { CostEstimate, ResourceCost } from './estimateCost';
export { accruedCostUsd, livePeriods } from './accrued';
export type {
  AccruedCostOperation,
  AccruedCostRevision,
  LivePeriod,
} from './accrued';
export {
  GP3_INCLUDED_IOPS,
  HOURS_PER_MONTH,
  PRICES_AS_OF,
  PUBLIC_IPV4_HOURLY_USD,
  S3_NOMINAL_STORAGE_GB,
  ebsGbMonthPrice,
  ebsIopsMonthPrice,
  instanceHourlyPrice,
  pricedInstanceFamilies,
  regionPricing,
  s3GbMonthPrice,
} from './priceTable';
export type { Price, PriceRegionGroup, PriceSource } from './priceTable';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { CostChart } from './CostChart';
export { accruedCost } from './costModel';
export type { Accrued } from './costModel';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { SimulatedCloudProvider } from './SimulatedCloudProvider';
export type {
  SimulatedCloudCounts,
  SimulatedCloudOptions,
  SimulatedDrift,
  SimulatedFailure,
} from './SimulatedCloudProvider';
export { SimulatedCloudError } from './SimulatedCloudError';

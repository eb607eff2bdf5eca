// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export {
  INSTANCE_CATALOG_AS_OF,
  instanceFamilies,
  listInstanceTypes,
  lookupInstanceType,
} from './instanceTypes';
export type { InstanceTypeInfo } from './instanceTypes';

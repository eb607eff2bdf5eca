// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export {
  describeByIds,
  describeMany,
  ID_BATCH,
  idsInMessage,
} from './describeByIds';
export {
  describeByFilters,
  describeByTags,
  findCreated,
} from './describeByTags';

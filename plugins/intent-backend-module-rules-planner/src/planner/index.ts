// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export type { PlanRequest } from './types';
export {
  planWithRules,
  DEFAULT_REGION,
  DEFAULT_INSTANCE_TYPE,
  RULES_PLANNER_ID,
} from './rulesPlanner';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { diffPlans } from './diff';
export type {
  ChangeAction,
  DiffablePlan,
  FieldChange,
  PlanDiff,
  ResourceChange,
} from './diff';
export { applySteps } from './steps';
export type { ApplyStep } from './steps';

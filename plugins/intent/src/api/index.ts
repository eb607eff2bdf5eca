// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export {
  intentApiRef,
  type IntentApi,
  type OperationStarted,
  type PolicyWhatIfResult,
  type PolicyWhatIfSession,
} from './IntentApi';
export { IntentClient } from './IntentClient';

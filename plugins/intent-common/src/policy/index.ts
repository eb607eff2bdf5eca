// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export * from './IntentPolicyEntity';
export * from './baselineConfig';
export * from './findings';
export * from './session';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export * from './IntentPolicyEntity';
export * from './appliesTo';
export * from './baseline';
export * from './baselineConfig';
export * from './cel';
export * from './compilePolicy';
export * from './evaluatePolicies';
export * from './findings';
export * from './matching';
export * from './publicIp';
export * from './session';
export * from './summarizeGuardrails';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export * from './appliesTo';
export * from './baseline';
export * from './cel';
export * from './compilePolicy';
export * from './evaluatePolicies';
export * from './matching';
export * from './summarizeGuardrails';
export * from './validateIntentPolicyEntity';

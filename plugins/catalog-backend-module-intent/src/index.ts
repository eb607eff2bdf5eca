// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The IntentPolicy catalog kind of Intent sandboxes: validation of the spec
 * and the ownership relations of each policy.
 *
 * @packageDocumentation
 */

export { catalogModuleIntent as default } from './module';
export { IntentPolicyProcessor, InvalidIntentPolicyError } from './processor';

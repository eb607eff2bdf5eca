// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The simulated cloud for the intent backend: the embedded default, so the
 * portal works with no cloud account.
 *
 * @packageDocumentation
 */

export { intentModuleSimulatedCloud as default } from './module';
export * from './cloud';

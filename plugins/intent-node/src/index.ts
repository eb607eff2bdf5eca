// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The contract for extending the intent backend: cloud providers and planners.
 *
 * @packageDocumentation
 */

export * from './cloud';
export * from './planner';
export * from './extensions';
export * from './simulated';

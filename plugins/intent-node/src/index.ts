// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The contract for extending the intent backend (cloud providers and planners,
 * their extension points and errors) and the backend logic shared by the
 * plugin and its modules: the policy engine.
 *
 * @packageDocumentation
 */

export * from './cloud';
export * from './cloudError';
export * from './planner';
export * from './extensions';
export * from './openapi';
export * from './policy';
export * from './terraform';

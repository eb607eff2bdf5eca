// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The Anthropic (Claude) planner for the intent backend.
 *
 * @packageDocumentation
 */

export { intentModuleAnthropicPlanner as default } from './module';
export * from './planner';

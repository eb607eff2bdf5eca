// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The offline rules planner for the intent backend: the embedded default.
 *
 * @packageDocumentation
 */

export { intentModuleRulesPlanner as default } from './module';
export { RulesPlanner } from './RulesPlanner';
export { planWithRules, RULES_PLANNER_ID } from './planner';

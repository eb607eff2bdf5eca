// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export {
  AnthropicPlanner,
  AnthropicPlannerError,
  type AnthropicPlannerOptions,
} from './AnthropicPlanner';
export {
  createAnthropicPlannerFromConfig,
  DEFAULT_ANTHROPIC_MODEL,
} from './createAnthropicPlannerFromConfig';

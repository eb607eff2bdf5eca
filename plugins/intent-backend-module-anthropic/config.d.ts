// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export interface Config {
  intent?: {
    planner?: {
      /**
       * The Anthropic planner: Claude plans with tool use against the plan's
       * JSON schema. Enabled when an API key is set.
       */
      anthropic?: {
        /**
         * Anthropic API key.
         * @visibility secret
         */
        apiKey?: string;
        /**
         * The Claude model id.
         * @default claude-sonnet-4-6
         */
        model?: string;
        /** Another endpoint than https://api.anthropic.com (a proxy or gateway). */
        baseUrl?: string;
        /**
         * Timeout of one request attempt, in milliseconds.
         * @default 30000
         */
        timeoutMillis?: number;
        /**
         * Retries of timeouts, 429 and 5xx answers, with exponential backoff.
         * @default 2
         */
        maxRetries?: number;
      };
    };
  };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export interface Config {
  /** Configuration of the intent sandboxes backend plugin. */
  intent?: {
    /**
     * The cloud new sessions are created in: `simulated` (embedded, nothing
     * real is created) or the id of a provider added by a backend module.
     * @default simulated
     */
    provider?: string;
    planner?: {
      /**
       * The planner that turns intents into plans: `rules` (offline,
       * deterministic) or the id of a planner added by a backend module.
       * @default rules
       */
      default?: string;
    };
    /** The simulated cloud. */
    simulated?: {
      /**
       * How long a simulated instance stays `pending` before it is `running`,
       * in milliseconds.
       * @default 1500
       */
      bootMillis?: number;
    };
  };
}

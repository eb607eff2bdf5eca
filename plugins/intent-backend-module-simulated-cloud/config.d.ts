// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export interface Config {
  intent?: {
    /** The simulated cloud. */
    simulated?: {
      /**
       * How long a simulated instance stays `pending` before it is `running`,
       * in milliseconds.
       * @default 1500
       */
      bootMillis?: number;
      /**
       * Extra latency of every simulated cloud call, in milliseconds (to see
       * parallel applies at work, or to demo progress).
       * @default 0
       */
      latencyMillis?: number;
    };
  };
}

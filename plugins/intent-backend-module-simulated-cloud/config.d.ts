// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { HumanDuration } from '@backstage/types';

export interface Config {
  intent?: {
    /** The simulated cloud. */
    simulated?: {
      /**
       * How long a simulated instance stays `pending` before it is `running`,
       * such as `1.5s` or `{ milliseconds: 1500 }`.
       * @default 1500ms
       */
      boot?: HumanDuration | string;
      /**
       * Extra latency of every simulated cloud call (to see parallel applies
       * at work, or to demo progress), such as `200ms`.
       * @default 0ms
       */
      latency?: HumanDuration | string;
      /**
       * How long a simulated instance stays `pending`, in milliseconds. Used
       * only when `boot` is not set.
       * @deprecated use `boot`; read for one more release.
       */
      bootMillis?: number;
      /**
       * Extra latency of every simulated cloud call, in milliseconds. Used
       * only when `latency` is not set.
       * @deprecated use `latency`; read for one more release.
       */
      latencyMillis?: number;
    };
  };
}

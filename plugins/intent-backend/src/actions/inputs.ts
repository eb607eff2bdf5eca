// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { MAX_INTENT_LENGTH } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { Zod } from './summaries';

/** Input fields several actions share, with the REST API's limits. */

export const intentInput = (z: Zod) =>
  z
    // The length is checked by the planner, with a message that says what to do.
    .string()
    .describe(
      `What the sandbox should be, in the user\u2019s words: machines, sizes, operating system, region, open ports, storage, how long it should live (at most ${MAX_INTENT_LENGTH} characters)`,
    );

export const sessionIdInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(64)
    .describe('The session id, as returned by create-session or list-sessions');

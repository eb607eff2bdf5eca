// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The session a plan belongs to, as policies see it (the `session` variable
 * of CEL rules).
 *
 * @public
 */
export interface PolicySession {
  /** Entity ref of the user who owns the session, e.g. `user:default/jane`. */
  owner: string;
  /** Entity ref of the owner's team, e.g. `group:default/payments`. */
  team?: string | null;
  /** Region the session runs in. */
  region: string;
  /** The session's time to live, in hours. */
  ttlHours: number;
}

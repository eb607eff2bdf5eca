// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { canonicalJson } from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The identity of a plan: what an apply request must quote. */
export function planHash(plan: unknown): string {
  return sha256(canonicalJson(plan));
}

/**
 * The idempotency token of one create: the same (session, address, revision)
 * always yields the same token, so a retried create returns the first result.
 * 64 hex characters, the longest EC2 accepts.
 */
export function clientToken(sessionId: string, address: string, seq: number) {
  return sha256(`${sessionId}/${address}/${seq}`);
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createHash } from 'node:crypto';

function compareKeys(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** JSON with object keys sorted, so equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

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

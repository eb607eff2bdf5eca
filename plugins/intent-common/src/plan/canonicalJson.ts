// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

function compareKeys(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * `JSON.stringify` with object keys sorted (by UTF-16 code unit, whatever the
 * locale), so equal values always serialise alike: what plan hashes,
 * idempotency keys and "same value?" checks are computed from. Like
 * `JSON.stringify`, it leaves out object entries whose value is undefined,
 * writes an undefined array element as `null`, and returns undefined for
 * undefined itself (so undefined and null stay different).
 *
 * @public
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(v => canonicalJson(v) ?? 'null').join(',')}]`;
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

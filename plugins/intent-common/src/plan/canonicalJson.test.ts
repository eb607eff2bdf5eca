// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('serialises equal values alike, whatever their key order', () => {
    const a = { region: 'eu-west-1', resources: [{ type: 't', name: 'n' }] };
    const b = { resources: [{ name: 'n', type: 't' }], region: 'eu-west-1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('sorts by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4 })).toBe(
      '{"B":2,"_":4,"a":3,"b":1}',
    );
  });

  it('treats undefined as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(canonicalJson(undefined)).not.toBe(canonicalJson(null));
  });

  it('is JSON.stringify of the value with its keys sorted', () => {
    const value = { z: [{ b: [true, null], a: 'x' }], y: { d: 1.5, c: -2 } };
    const sorted = { y: { c: -2, d: 1.5 }, z: [{ a: 'x', b: [true, null] }] };
    expect(canonicalJson(value)).toBe(JSON.stringify(sorted));
  });

  it('matches JSON.stringify on scalars, escapes included', () => {
    for (const value of ['a"b\n', 0, -1.5, true, null, 'ü']) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value));
    }
    expect(canonicalJson({ 'we"ird': 1 })).toBe('{"we\\"ird":1}');
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Architecture } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Graviton families carry a `g` after the generation digit: t4g, m7g, c7gn,
 * x2gd. `g5` (a GPU family) has no `g` after the digit.
 *
 * @internal
 */
export function isGravitonType(instanceType: string): boolean {
  const family = instanceType.split('.')[0];
  return /^[a-z]+\d+[a-z]*g[a-z]*$/.test(family);
}

/** @internal */
export function architectureOf(instanceType: string): Architecture {
  return isGravitonType(instanceType) ? 'arm64' : 'x86_64';
}

/** @internal */
export const WANTS_ARM = /\b(?:arm|arm64|aarch64|graviton\d?)\b/;
/** @internal */
export const WANTS_X86 = /\b(?:x86|x86_64|x64|amd64|intel)\b/;

/** Graviton counterparts of the common x86 families, and back. */
const TO_GRAVITON: Record<string, string> = {
  t2: 't4g',
  t3: 't4g',
  t3a: 't4g',
  m5: 'm7g',
  m5a: 'm7g',
  m6i: 'm7g',
  m6a: 'm7g',
  m7i: 'm7g',
  m7a: 'm7g',
  c5: 'c7g',
  c5a: 'c7g',
  c6i: 'c7g',
  c6a: 'c7g',
  c7i: 'c7g',
  c7a: 'c7g',
  r5: 'r7g',
  r6i: 'r7g',
  r7i: 'r7g',
};
const TO_X86: Record<string, string> = {
  t4g: 't3',
  m6g: 'm6i',
  m7g: 'm7i',
  m8g: 'm7i',
  c6g: 'c6i',
  c7g: 'c7i',
  c8g: 'c7i',
  r6g: 'r6i',
  r7g: 'r7i',
  r8g: 'r7i',
};

/**
 * The same size in the other architecture's usual family (`t3.large` ↔
 * `t4g.large`), or undefined when there is no obvious counterpart.
 *
 * @internal
 */
export function switchArchitecture(
  instanceType: string,
  to: Architecture,
): string | undefined {
  const [family, size] = instanceType.split('.');
  if (architectureOf(instanceType) === to) {
    return instanceType;
  }
  const target = (to === 'arm64' ? TO_GRAVITON : TO_X86)[family];
  if (!target) {
    return undefined;
  }
  return `${target}.${size}`;
}

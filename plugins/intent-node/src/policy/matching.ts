// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Whether a value matches a pattern in which `*` stands for any characters,
 * e.g. `eu-*` or `t3.*`. Case-insensitive, anchored at both ends.
 *
 * @public
 */
export function matchesPattern(value: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(value);
}

/**
 * Whether an EC2 instance type is in an allow-list whose entries are a type
 * (`t3.micro`), a family (`t3`, every size of t3 but not t3a) or a pattern
 * (`t3*.*`, `*.large`).
 *
 * @public
 */
export function instanceTypeAllowed(
  instanceType: string,
  allowed: readonly string[],
): boolean {
  const family = instanceType.split('.')[0];
  return allowed.some(entry =>
    entry.includes('.') || entry.includes('*')
      ? matchesPattern(instanceType, entry)
      : entry.toLowerCase() === family.toLowerCase(),
  );
}

/**
 * Completes a short entity ref to `kind:namespace/name`, lowercased, so that
 * refs written as `platform-team`, `group:platform-team` and
 * `Group:default/platform-team` compare equal.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: string,
  defaults: { kind: string; namespace: string },
): string {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : defaults.kind;
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : defaults.namespace;
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

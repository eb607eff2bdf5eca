// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable prefer-template -- XML is assembled from small pieces here */

/* The EC2 Query protocol of the fake: form-encoded lists in, XML out. */

export type Tags = Record<string, string>;

export const esc = (s: unknown) =>
  String(s).replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`);

export function el(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${
    typeof value === 'string' && value.startsWith('<') ? value : esc(value)
  }</${name}>`;
}

export const items = (list: string[]) =>
  list.map(i => `<item>${i}</item>`).join('');
export const tagSet = (tags: Tags) =>
  `<tagSet>${items(
    Object.entries(tags).map(([k, v]) => el('key', k) + el('value', v)),
  )}</tagSet>`;

/** `Prefix.1`, `Prefix.2`… values; `Prefix.N.Sub…` groups. */
export function listOf(params: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i++)
    out.push(params.get(`${prefix}.${i}`)!);
  return out;
}
export function groupsOf(
  params: URLSearchParams,
  prefix: string,
): URLSearchParams[] {
  const out: URLSearchParams[] = [];
  for (let i = 1; ; i++) {
    const p = `${prefix}.${i}.`;
    const sub = new URLSearchParams();
    for (const [k, v] of params)
      if (k.startsWith(p)) sub.set(k.slice(p.length), v);
    if ([...sub.keys()].length === 0) return out;
    out.push(sub);
  }
}
export function tagsOf(
  params: URLSearchParams,
  prefix = 'TagSpecification',
): Tags {
  const tags: Tags = {};
  for (const spec of groupsOf(params, prefix)) {
    for (const tag of groupsOf(spec, 'Tag'))
      tags[tag.get('Key')!] = tag.get('Value') ?? '';
  }
  return tags;
}
/** One `Filter.N` of a describe call. */
export type Ec2Filter = { name: string; values: string[] };

export function filtersOf(params: URLSearchParams): Ec2Filter[] {
  return groupsOf(params, 'Filter').map(f => ({
    name: f.get('Name')!,
    values: listOf(f, 'Value'),
  }));
}
export function matches(
  filters: Ec2Filter[],
  tags: Tags,
  fields: Record<string, string | undefined>,
) {
  return filters.every(({ name, values }) => {
    if (name.startsWith('tag:')) return values.includes(tags[name.slice(4)]);
    if (name === 'tag-key') return values.some(v => v in tags);
    if (name in fields) return values.includes(String(fields[name]));
    return true;
  });
}

export class Ec2Error extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

/** The entries of these ids; an unknown id fails the call like EC2 does. */
export function byIds<T>(
  map: Map<string, T>,
  ids: string[],
  notFound: string,
): T[] {
  const missing = ids.filter(id => !map.has(id));
  if (missing.length > 0) {
    throw new Ec2Error(
      notFound,
      `The ID '${missing.join(', ')}' does not exist`,
    );
  }
  return ids.map(id => map.get(id)!);
}

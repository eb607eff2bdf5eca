// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchAll, toResourceName } from './text';

const NAMED =
  /\b(?:named|called|name it|name them|name:|with the name|hostname|(?:call|name) (?:the|this|my|that) (?:instance|vm|server|machine|box|host)|name of (?:the|this|my) (?:instance|vm|server|machine|box|host) (?:should|must|will|shall) be|(?:the|this|my) (?:instance|vm|server|machine|box|host)(?:'s)? name (?:should|must|will|shall) be|(?:instance|vm|server|machine|box|host) name\s*[:=]?)\s+[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})/;
const NOT_A_NAME =
  /^(?:it|them|the|a|an|after|something|anything|whatever|that|this|which|what|my|your|our|their|its|one|some|and|or|like|as|for|with|by)$/;
/** Nouns that own a "named ..." phrase that follows them. */
const NOUN =
  /\b(?:instances?|vms?|servers?|machines?|box(?:es)?|hosts?|nodes?|ec2|[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+)\b|\b(buckets?|volumes?|disks?|key ?pairs?|keys?|security groups?|vpcs?|subnets?|elastic ips?|eips?)\b/;

/**
 * The name a text gives the machine it describes ("named build-box",
 * "called web"), skipping names that belong to a bucket, volume or key pair
 * mentioned just before.
 *
 * @internal
 */
export function matchInstanceName(text: string): string | undefined {
  const raw = matchInstanceNames(text)[0];
  return raw ? toResourceName(raw) : undefined;
}

/** Words that go on with the request, not with a list of plain names. */
const NOT_A_PLAIN_NAME =
  /^(?:ssh|https?|rdp|icmp|ping|ports?|open|opens|allow|access|expose|install|add|attach|use|using|give|make|put|run|running|both|each|all|ubuntu|debian|windows|linux|rhel|amazon|nginx|docker|apache|git|python3?|java)$/;

/** A name list after "named": "qa-1, qa-2 and qa-3". */
const MORE_NAMES =
  /^(?:\s*(?:,|and|,\s*and|&)\s*[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})[`"'\u2019\u201d]?)/;

/**
 * The cloud names a text gives its machines, exactly as written: one for
 * "called build-box-7", several for "named qa-1, qa-2 and qa-3".
 *
 * @internal
 */
export function matchInstanceNames(text: string, expected?: number): string[] {
  for (const match of matchAll(text, NAMED)) {
    const before = text.slice(0, match.index);
    const owner = matchAll(before, NOUN).pop();
    if (owner?.[1]) {
      continue;
    }
    const raw = match[1].replace(/[.-]+$/, '');
    if (NOT_A_NAME.test(raw)) {
      continue;
    }
    const names = [raw];
    // Plain words ("named web and worker") are names only when they are as
    // many as the machines asked for; "qa-1, qa-2" look like names anyway.
    const plain = [raw];
    let rest = text
      .slice(match.index! + match[0].length)
      .replace(/^[`"'\u2019\u201d]/, '');
    for (;;) {
      const more = rest.match(MORE_NAMES);
      const next = more?.[1]?.replace(/[.-]+$/, '');
      if (
        !more ||
        !next ||
        NOT_A_NAME.test(next) ||
        (!/\d|-|_/.test(next) && NOT_A_PLAIN_NAME.test(next))
      ) {
        break;
      }
      if (plain.length === names.length && /\d|-|_/.test(next)) {
        names.push(next);
      }
      plain.push(next);
      rest = rest.slice(more[0].length);
      if (/\band\b|&/.test(more[0])) {
        break; // "x, y and z": the list ends with its "and"
      }
    }
    return expected !== undefined &&
      names.length !== expected &&
      plain.length === expected
      ? plain
      : names;
  }
  return [];
}

/**
 * Names for `count` resources based on `base` that are not in `taken`:
 * one gets `base` (or `base_2`, ... when taken); several get `base_1`,
 * `base_2`, ... continuing after the ones that exist.
 *
 * @internal
 */
export function allocateNames(
  base: string,
  count: number,
  taken: ReadonlySet<string>,
): string[] {
  const names: string[] = [];
  const used = new Set(taken);
  const take = (name: string) => {
    used.add(name);
    names.push(name);
  };
  if (count === 1 && !used.has(base) && !used.has(`${base}_1`)) {
    take(base);
    return names;
  }
  let index = count > 1 && !used.has(base) && !used.has(`${base}_1`) ? 1 : 2;
  while (names.length < count) {
    const name = `${base}_${index}`.slice(0, 63);
    if (!used.has(name)) {
      take(name);
    }
    index += 1;
  }
  return names;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { INSTANCE_TYPE_TOKEN } from './rules/instanceType';
import { matchAll } from './text';

/**
 * Where a request starts to describe one machine (or a group of identical
 * machines): "a t3.micro", "2x m7g.large", "three web servers".
 *
 * @internal
 */
export interface Anchor {
  kind: 'instance' | 'bucket';
  start: number;
  end: number;
  /** How many were asked for; undefined when the count is vague ("some"). */
  count?: number;
  /** The role that names the group: "web" in "two web servers". */
  role?: string;
}

/** The request cut into the parts that describe each resource group. @internal */
export interface Layout {
  instances: Array<{ anchor: Anchor; own: string }>;
  buckets: Array<{ anchor: Anchor; own: string }>;
  /** Words that apply to every instance: before the first one, or "all"/"both". */
  shared: string;
}

const MACHINE_NOUN =
  '(?:instances?|vms?|virtual machines?|servers?|machines?|box(?:es)?|ec2s?|hosts?|nodes?|workers?|bastions?|computers?|desktops?|agents?|runners?)';
/** A count is not a version: "debian 12 t3.small" is one machine. */
const NOT_A_VERSION =
  '(?<!(?:ubuntu|debian|rhel|windows|server|linux|win|al|version|v)\\s)(?<![.\\d])';
const DETERMINER = `${NOT_A_VERSION}(an?|another|one more|\\d{1,3}|some|several|a few|multiple|few)`;
const MIDDLE_WORD =
  '(?!(?:and|with|from|to|for|in|on|plus|also|that|which|running)\\b)[a-z0-9.\\-/]+';
const NOUN_ANCHOR = new RegExp(
  `\\b${DETERMINER}\\s+((?:${MIDDLE_WORD}\\s+){0,4}?)${MACHINE_NOUN}\\b`,
);
const TYPE_ANCHOR = new RegExp(
  `(?:${NOT_A_VERSION}\\b(an?|another|\\d{1,3})\\s*(?:x\\s*)?)?${INSTANCE_TYPE_TOKEN.source}(?:\\s*(?:x|\\*)\\s*(\\d{1,3})\\b)?`,
);
/** A bare family with an article: "an m5", "2 c7g". */
const FAMILY_ANCHOR =
  /(?<![.\d])\b(an?|another|\d{1,3})\s*x?\s+((?:t[234]|m[5-8]|c[5-8]|r[5-8]|g[4-6]|p[3-5])[a-z]{0,3})\b(?!\.)/;
const BUCKET_ANCHOR = new RegExp(
  `\\b(?:(an?|another|\\d{1,2})\\s+)?((?:${MIDDLE_WORD}\\s+){0,3}?)(?:s3\\s+)?buckets?\\b`,
);
const SPEC_WORDS =
  /\b(?:gb|gib|tb|vcpus?|cpus?|cores?|ram|memory|hours?|days?|weeks?)\b|\d+(?:gb|tb|g)\b/;
const SEPARATOR = /[,;]|\.(?:\s|$)|\b(?:and|plus|also|as well as|then)\b/;
const STRONG_SEPARATOR = /;|\.(?:\s|$)|\b(?:and|plus|also|as well as|then)\b/;
const SHARED_CLAUSE = /\b(?:all|both|each|every|them|they|everything)\b/;
const BUCKET_WORDS =
  /\bbuckets?\b|\bname\b|\bversion|\bkms\b|\bwebsite\b|\bstatic site\b|\bpublic\b|\bprivate\b|\bencrypt|\bnamed\b|\bcalled\b|\bs3\b/;

/** Roles that name a machine group: "a web server" is `web`. */
const ROLE_WORDS: Record<string, string> = {
  web: 'web',
  webserver: 'web',
  app: 'app',
  api: 'api',
  db: 'db',
  database: 'db',
  build: 'build',
  ci: 'ci',
  test: 'test',
  testing: 'test',
  dev: 'dev',
  staging: 'staging',
  bastion: 'bastion',
  jump: 'bastion',
  worker: 'worker',
  cache: 'cache',
  proxy: 'proxy',
  game: 'game',
  minecraft: 'minecraft',
  gpu: 'gpu',
  ml: 'ml',
  frontend: 'frontend',
  backend: 'backend',
  monitoring: 'monitoring',
  grafana: 'grafana',
  jenkins: 'jenkins',
  runner: 'runner',
  gitlab: 'gitlab',
  mail: 'mail',
  vpn: 'vpn',
  log: 'logs',
  logging: 'logs',
  batch: 'batch',
  demo: 'demo',
  k8s: 'k8s',
};

/** Signs of a machine in a request that has no "a ..." phrase for it. */
const MACHINE_SIGNAL = new RegExp(
  `\\b${MACHINE_NOUN}\\b|\\bubuntu\\b|\\bdebian\\b|\\bwindows\\b|\\brhel\\b|\\bamazon linux\\b|\\blinux\\b|\\bgraviton\\b|\\bv?cpus?\\b|\\bcores?\\b|\\bram\\b|${INSTANCE_TYPE_TOKEN.source}`,
);

/** "count=3", "3 copies": a count said apart from the machine. */
const COUNT_SPEC =
  /\b(?:count|quantity|instances)\s*[:=]\s*(\d{1,3})\b|\b(\d{1,3}) (?:copies|of them|identical ones)\b/;
const VAGUE = /^(?:some|several|a few|multiple|few)$/;

function countOf(word: string | undefined): number | undefined {
  if (!word) {
    return 1;
  }
  if (VAGUE.test(word)) {
    return undefined;
  }
  return /^\d+$/.test(word) ? Number(word) : 1;
}

/** The role word closest to the end: "a demo web server" is `web`. */
function roleIn(words: string): string | undefined {
  return words
    .split(/[\s-]+/)
    .map(w => ROLE_WORDS[w])
    .filter(Boolean)
    .at(-1);
}

/** An anchor while anchors are collected and merged. */
interface Found extends Anchor {
  /** It names an instance type ("t3.micro", "an m5"). */
  typed: boolean;
  /** It starts with an article or a count ("a", "2x"), not a bare type. */
  determined: boolean;
}

function instanceAnchors(text: string): Anchor[] {
  const found: Found[] = [];
  for (const match of matchAll(text, NOUN_ANCHOR)) {
    const [phrase, determiner, middle] = match;
    if (/^\d/.test(determiner) && SPEC_WORDS.test(middle)) {
      continue;
    }
    const noun = phrase.slice(determiner.length + 1 + middle.length);
    found.push({
      kind: 'instance',
      start: match.index!,
      end: match.index! + phrase.length,
      count: countOf(determiner),
      role: roleIn(`${middle} ${noun.replace(/s$/, '')}`),
      typed: TYPE_ANCHOR.test(middle) || FAMILY_ANCHOR.test(phrase),
      determined: true,
    });
  }
  for (const match of matchAll(text, FAMILY_ANCHOR)) {
    found.push({
      kind: 'instance',
      start: match.index!,
      end: match.index! + match[0].length,
      count: countOf(match[1]),
      typed: true,
      determined: true,
    });
  }
  for (const match of matchAll(text, TYPE_ANCHOR)) {
    const count = match[4] ? Number(match[4]) : countOf(match[1]);
    const end = match.index! + match[0].length;
    // "a t3.medium gitlab runner", "bastion t3.nano": a role next to the type names it.
    const following = text.slice(end).match(/^\s+([a-z]+)(?:\s+([a-z]+))?/);
    const preceding = match[1]
      ? undefined
      : text.slice(0, match.index).match(/(?:^|[\s,;(])([a-z]+)\s+$/);
    found.push({
      kind: 'instance',
      start: match.index!,
      end,
      count,
      role:
        roleIn(`${following?.[1] ?? ''} ${following?.[2] ?? ''}`) ??
        roleIn(preceding?.[1] ?? ''),
      typed: true,
      determined: Boolean(match[1] || match[4]),
    });
  }
  const merged = mergeAnchors(
    text,
    found.sort((a, b) => a.start - b.start),
  );
  return dropContext(text, merged).map(
    ({ typed: _typed, determined: _determined, ...anchor }) => anchor,
  );
}

/** Words that ask for something; a sentence without them only sets the scene. */
const REQUEST =
  /\b(?:need|needs|want|wants|give|get|create|spin|launch|provision|set up|setup|start|like|love|can|could|would|make|deploy|run|please|add|i'd|we'd)\b/;

/**
 * "I'm building a demo web server. Can you give me a t3.small ...": a
 * machine mentioned in a sentence that asks for nothing, followed by one
 * that is asked for, is the same machine; its role names the one asked for.
 */
function dropContext(text: string, anchors: Found[]): Found[] {
  return anchors.flatMap((anchor, index) => {
    const next = anchors[index + 1];
    if (!next || anchor.typed) {
      return [anchor];
    }
    const sentenceEnd = text.slice(anchor.end).search(/[.!?](?:\s|$)/);
    const sentenceStart = Math.max(
      text.lastIndexOf('. ', anchor.start),
      text.lastIndexOf('! ', anchor.start),
      text.lastIndexOf('? ', anchor.start),
      -1,
    );
    const endsBeforeNext =
      sentenceEnd >= 0 && anchor.end + sentenceEnd < next.start;
    const sentence = text.slice(
      sentenceStart + 1,
      anchor.end + Math.max(sentenceEnd, 0),
    );
    if (!endsBeforeNext || REQUEST.test(sentence)) {
      return [anchor];
    }
    next.role = next.role ?? anchor.role;
    return [];
  });
}

/**
 * One machine described twice is one anchor: "a t3.micro ubuntu box", "a
 * web server, t3.large". A bare type after a comma describes the machine
 * before it; "and", "plus", ";" or a sentence end start a new one.
 */
function mergeAnchors(text: string, anchors: Found[]): Found[] {
  const merged: Found[] = [];
  for (const anchor of anchors) {
    const last = merged[merged.length - 1];
    const between = last ? text.slice(last.end, anchor.start) : '';
    const describesLast =
      last &&
      !anchor.determined &&
      !last.typed &&
      !STRONG_SEPARATOR.test(between);
    if (
      last &&
      (anchor.start < last.end || !SEPARATOR.test(between) || describesLast)
    ) {
      if (between.includes(':') && last.count !== 1 && !last.typed) {
        // "3 instances: a t3.micro, ..." announces the list that follows.
        merged[merged.length - 1] = anchor;
        continue;
      }
      const counts = [last.count, anchor.count];
      merged[merged.length - 1] = {
        kind: 'instance',
        start: last.start,
        end: Math.max(last.end, anchor.end),
        count: counts.includes(undefined)
          ? counts.find(c => c !== undefined && c > 1)
          : Math.max(last.count!, anchor.count!),
        role: last.role ?? anchor.role,
        typed: last.typed || anchor.typed,
        determined: true,
      };
      continue;
    }
    merged.push(anchor);
  }
  return merged;
}

/** "an S3 website": a bucket named by what it hosts. */
const SITE_BUCKET = /\b(an?)\s+(?:public\s+)?s3 (?:static )?web ?site\b/;

function bucketAnchors(text: string): Anchor[] {
  const anchors = matchAll(text, BUCKET_ANCHOR)
    .filter(
      (match, index) =>
        // "..., bucket name: acme-logs" names the bucket before it.
        !(
          index > 0 &&
          !match[1] &&
          /^\s*(?:name|named|called)\b/.test(
            text.slice(match.index! + match[0].length),
          )
        ),
    )
    .map(match => ({
      kind: 'bucket' as const,
      start: match.index!,
      end: match.index! + match[0].length,
      count: countOf(match[1]),
    }));
  if (anchors.length === 0) {
    const site = text.match(SITE_BUCKET);
    if (site) {
      anchors.push({
        kind: 'bucket',
        start: site.index!,
        end: site.index! + site[0].length,
        count: 1,
      });
    }
  }
  return anchors;
}

/** Where a bucket's own words end: the first clause that is not about it. */
function bucketEnd(text: string, anchor: Anchor, limit: number): number {
  const rest = text.slice(anchor.end, limit);
  for (const match of rest.matchAll(new RegExp(SEPARATOR.source, 'g'))) {
    const nextBreak = rest
      .slice(match.index + match[0].length)
      .search(SEPARATOR);
    const clause = rest.slice(
      match.index + match[0].length,
      nextBreak < 0 ? undefined : match.index + match[0].length + nextBreak,
    );
    if (!BUCKET_WORDS.test(clause)) {
      return anchor.end + match.index;
    }
  }
  return limit;
}

/**
 * Moves a clause that names another group's role ("..., web open 443") from
 * the group it follows to that group.
 */
function routeByRole(parts: Array<{ anchor: Anchor; own: string }>): void {
  for (const part of parts) {
    const clauses = part.own.split(/(?=[,;])/);
    const kept = clauses.filter((clause, index) => {
      if (index === 0) {
        return true;
      }
      const role = roleIn(clause.replace(/^[,;]\s*/, '').split(/\s+/)[0] ?? '');
      const owner = parts.find(
        p => p !== part && role && p.anchor.role === role,
      );
      if (!owner || role === part.anchor.role) {
        return true;
      }
      owner.own += ` ${clause}`;
      return false;
    });
    part.own = kept.join('');
  }
}

/**
 * Cuts a request into what it says about each machine group and each
 * bucket. Words before the first machine, and clauses that say "all" or
 * "both", apply to every machine.
 *
 * @internal
 */
export function layoutOf(text: string): Layout {
  const buckets = bucketAnchors(text);
  let instances = instanceAnchors(text).filter(
    i => !buckets.some(b => i.start >= b.start && i.end <= b.end),
  );
  const anchors = [...instances, ...buckets].sort((a, b) => a.start - b.start);
  const ownText = (anchor: Anchor) => {
    const next = anchors.find(a => a.start > anchor.start);
    return next ? next.start : text.length;
  };

  const leftovers: Array<{ at: number; text: string }> = [];
  const bucketParts = buckets.map(anchor => {
    const limit = ownText(anchor);
    const end = bucketEnd(text, anchor, limit);
    if (end < limit) {
      leftovers.push({ at: end, text: text.slice(end, limit) });
    }
    return { anchor, own: text.slice(anchor.start, end) };
  });

  if (instances.length === 0) {
    const outside = bucketParts.reduce(
      (rest, part) => rest.replace(part.own, ' '),
      text,
    );
    if (MACHINE_SIGNAL.test(outside)) {
      instances = [{ kind: 'instance', start: 0, end: 0, count: 1 }];
    }
  }

  const counted = text.match(COUNT_SPEC);
  if (counted && instances.length === 1 && instances[0].count === 1) {
    instances[0] = { ...instances[0], count: Number(counted[1] ?? counted[2]) };
  }
  const firstStart = anchors[0]?.start ?? text.length;
  let shared = instances[0]?.start === 0 ? '' : text.slice(0, firstStart);
  const instanceParts = instances.map(anchor => {
    const own =
      anchor.end === 0 && anchors.length === buckets.length
        ? [text.slice(0, buckets[0]?.start ?? text.length)]
        : [text.slice(anchor.start, ownText(anchor))];
    for (const leftover of leftovers) {
      const owner = [...instances].reverse().find(i => i.start <= leftover.at);
      if (owner === anchor) {
        own.push(leftover.text);
      }
    }
    return { anchor, own: own.join(' ') };
  });
  if (instances.length === 0) {
    shared = [shared, ...leftovers.map(l => l.text)].join(' ');
  } else if (instances.length > 1) {
    routeByRole(instanceParts);
    for (const part of instanceParts) {
      const clauses = part.own.split(/(?=[,;])|(?<=[,;])/);
      const keep = clauses.filter(c => !SHARED_CLAUSE.test(c));
      if (keep.length < clauses.length) {
        shared += ` ${clauses.filter(c => SHARED_CLAUSE.test(c)).join(' ')}`;
        part.own = keep.join('');
      }
    }
  }
  return {
    instances: instanceParts,
    buckets: bucketParts,
    shared: shared.trim(),
  };
}

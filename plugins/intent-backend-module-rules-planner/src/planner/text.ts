// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { correctSpelling } from './spelling';

/**
 * Misspellings seen in real requests, mapped to the word the rules know.
 * Word-level only: a typo inside a longer word is left alone.
 */
const TYPOS: Record<string, string> = {
  mcro: 'micro',
  mirco: 'micro',
  micor: 'micro',
  smal: 'small',
  samll: 'small',
  meduim: 'medium',
  medum: 'medium',
  lrage: 'large',
  larg: 'large',
  dsik: 'disk',
  dyas: 'days',
  dayz: 'days',
  huors: 'hours',
  prot: 'port',
  wrold: 'world',
  wolrd: 'world',
  versoined: 'versioned',
  versiond: 'versioned',
  sinagpore: 'singapore',
  singapur: 'singapore',
  weekedn: 'weekend',
  weeknd: 'weekend',
  ubunut: 'ubuntu',
  ubunto: 'ubuntu',
  ubntu: 'ubuntu',
  ubuntoo: 'ubuntu',
  ubutnu: 'ubuntu',
  debain: 'debian',
  debina: 'debian',
  widnows: 'windows',
  windwos: 'windows',
  windoes: 'windows',
  isntance: 'instance',
  instnace: 'instance',
  insatnce: 'instance',
  intance: 'instance',
  instace: 'instance',
  instence: 'instance',
  instanse: 'instance',
  servr: 'server',
  sever: 'server',
  serer: 'server',
  mahcine: 'machine',
  machien: 'machine',
  secuirty: 'security',
  securty: 'security',
  volmue: 'volume',
  voluem: 'volume',
  vlume: 'volume',
  volum: 'volume',
  bukcet: 'bucket',
  bucekt: 'bucket',
  buckt: 'bucket',
  bcuket: 'bucket',
  reigon: 'region',
  regoin: 'region',
  frankfort: 'frankfurt',
  irleand: 'ireland',
  elastc: 'elastic',
  elastik: 'elastic',
  encrpyted: 'encrypted',
  encryped: 'encrypted',
  encrytped: 'encrypted',
  pubilc: 'public',
  pulbic: 'public',
  privte: 'private',
  htpps: 'https',
  htps: 'https',
  shh: 'ssh',
  disc: 'disk',
  discs: 'disks',
  hrs: 'hours',
  hr: 'hour',
  mins: 'minutes',
  min: 'minutes',
  wk: 'week',
  wks: 'weeks',
  frday: 'friday',
  firday: 'friday',
  fridya: 'friday',
  tommorow: 'tomorrow',
  tomorow: 'tomorrow',
  tmrw: 'tomorrow',
  versionning: 'versioning',
  verisoning: 'versioning',
  gravitron: 'graviton',
  amazn: 'amazon',
  linx: 'linux',
  lunix: 'linux',
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

const PHRASES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201b`]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/[\u2013\u2014]/g, '-'],
  [/\u00d7/g, 'x'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/(?=\s)/g, 'with'],
  [/\s[&+]\s/g, ' and '],
  [/\ba (?:couple|pair) of\b/g, '2'],
  [/\bhalf a dozen\b/g, '6'],
  [/\ba dozen\b/g, '12'],
  [/\bplease\b|\bpls\b|\bplz\b|\bkindly\b/g, ''],
  // "rhel9", "debian12", "ubuntu22.04" → "rhel 9", ...; "ubuntu 2204" → "ubuntu 22.04".
  [/\b(ubuntu|debian|rhel|centos|windows)(\d)/g, '$1 $2'],
  [/\bubuntu (\d{2})(04|10)\b/g, 'ubuntu $1.$2'],
  // "t3 micro", "t3-micro" → "t3.micro"; `ec2 small` is not a type.
  [
    /\b(?!ec2\b)([a-z]{1,3}\d[a-z0-9]{0,3})[ -](nano|micro|small|medium|large|\d{0,2}xlarge|metal)\b/g,
    '$1.$2',
  ],
];

/**
 * Lower-cases the request and irons out what does not change its meaning:
 * typographic quotes, list bullets, number words, frequent typos. Line breaks
 * and bullets become `;` so a list reads like a sentence of clauses.
 *
 * @internal
 */
export function normaliseIntent(intent: string): string {
  let text = intent
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^\s*(?:[-*\u2022]|\d+[.)])\s+/gm, '')
    .replace(/\s*\r?\n\s*/g, '; ');
  for (const [pattern, replacement] of PHRASES) {
    text = text.replace(pattern, replacement);
  }
  text = text.replace(/[a-z]+/g, word => {
    if (word in TYPOS) {
      return TYPOS[word];
    }
    return word in NUMBER_WORDS
      ? String(NUMBER_WORDS[word])
      : correctSpelling(word);
  });
  return text.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Every match of a global pattern with its position, for matchers that need
 * to know what came first.
 *
 * @internal
 */
export function matchAll(text: string, pattern: RegExp): RegExpExecArray[] {
  const flags = pattern.flags.includes('g')
    ? pattern.flags
    : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}

/**
 * A resource name the plan schema accepts, made from free text: `build-box`
 * → `build_box`. Returns undefined when nothing usable is left.
 *
 * @internal
 */
export function toResourceName(text: string): string | undefined {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 63)
    .replace(/_+$/, '');
  return name.length > 0 ? name : undefined;
}

/** Splits a text into clauses at `,`, `;`, `.` followed by a space, and "and". @internal */
export const CLAUSE_BREAK = /[,;]|\.(?:\s|$)|\s(?:and|plus|also|then)\s/;

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { volumeTypes } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { AwsEbsVolume } from '@intent-sandboxes/backstage-plugin-intent-common';
import { CLAUSE_BREAK, toResourceName } from '../text';

type VolumeType = AwsEbsVolume['volumeType'];

const GB_PER_TB = 1024;

/** "100gb", "100 GB", "1.5 TB", "1/4 TB", "half a terabyte", "500 gigs". */
const SIZE =
  /(\d+(?:\.\d+)?|\d+\/\d+|half an?|half|a quarter(?: of an?)?|quarter(?: of an?)?)\s*-?\s*(gb|gib|gigs?|gigabytes?|tb|tib|terabytes?|tera)\b/;

/** @internal */
export function parseSizeGb(amount: string, unit: string): number {
  let count: number;
  if (/^half/.test(amount)) {
    count = 0.5;
  } else if (/quarter/.test(amount)) {
    count = 0.25;
  } else if (amount.includes('/')) {
    const [numerator, denominator] = amount.split('/').map(Number);
    count = numerator / denominator;
  } else {
    count = Number(amount);
  }
  const perUnit = /^t/.test(unit) ? GB_PER_TB : 1;
  return Math.round(count * perUnit);
}

const TYPE_WORDS: Array<[RegExp, VolumeType]> = [
  [/\bio2\b|\bprovisioned iops\b/, 'io2'],
  [/\bio1\b/, 'io1'],
  [/\bgp2\b/, 'gp2'],
  [/\bgp3\b|\bssd\b|\bgeneral purpose\b/, 'gp3'],
  [/\bst1\b|\bhdd\b|\bthroughput optimi[sz]ed\b/, 'st1'],
  [/\bsc1\b|\bcold\b/, 'sc1'],
  [/\bmagnetic\b|\bstandard\b/, 'standard'],
];

const UNENCRYPTED =
  /\bunencrypted\b|\bnot encrypted\b|\bno encryption\b|\bwithout encryption\b|\bdisable encryption\b/;
const ENCRYPTED = /\bencrypt(?:ed|ion)?\b/;
const IOPS = /\b(\d{3,6})\s*(?:provisioned\s+)?iops\b/;
const RAM_AFTER = /^\s*(?:of\s+)?(?:ram|memory|mem)\b/;
const RAM_BEFORE = /\b(?:ram|memory|mem)\s*[:=]?\s*(?:of\s+)?$/;
const EXTRA =
  /\b(?:extra|additional|second|data|another|separate|secondary|external|scratch|attached?)\b|\bvolumes?\b|\bebs\b/;
const ROOT = /\b(?:root|boot|os|system|main)\b/;
const DISK_NOUN = /\b(?:disks?|drives?|storage|ssd|hdd|volumes?|ebs|space)\b/;
/** "Name of the volume should be `scratch-vol`", said apart from its size. */
const VOLUME_NAME_APART =
  /\b(?:name of the (?:extra |data |ebs )?(?:volume|disk) (?:should|must|will) be|(?:volume|disk)(?:'s)? name (?:should|must|will) be|(?:volume|disk) name\s*[:=])\s*[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})|\b(?:volume|disk) (?:named|called)\s+[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})/;

/** The cloud name a text gives its one extra volume. @internal */
export function matchVolumeName(text: string): string | undefined {
  const match = text.match(VOLUME_NAME_APART);
  return (match?.[1] ?? match?.[2])?.replace(/[.-]+$/, '');
}

const VOLUME_NAME =
  /\b(?:named|called|name of the (?:volume|disk) (?:should|must|will) be|(?:volume|disk)(?:'s)? name (?:should|must|will) be|(?:volume|disk) name\b\s*[:=]?)\s*[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})/;
const COUNT_BEFORE =
  /(?:^|[^.\d])(\d{1,2})\s*x?\s+(?:(?:extra|additional|more|new|separate|data|ebs)\s+)*$|(?:^|[^.\d])(\d{1,2})x?$/;

/** @internal */
export interface DiskRequest {
  kind: 'root' | 'extra';
  sizeGb?: number;
  volumeType?: VolumeType;
  encrypted?: boolean;
  iops?: number;
  /** "two 100 GB volumes". */
  count: number;
  /** The size was given without saying which disk; read as the root disk. */
  bare: boolean;
  /** "a 100 GB volume named logs". */
  name?: string;
  /** The volume's cloud name as written ("scratch-vol"). */
  cloudName?: string;
  said: string;
}

function volumeTypeOf(text: string): VolumeType | undefined {
  return TYPE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

function encryptionOf(text: string): boolean | undefined {
  if (UNENCRYPTED.test(text)) {
    return false;
  }
  return ENCRYPTED.test(text) ? true : undefined;
}

/**
 * The disks one clause describes: a size with its unit, or a disk noun with
 * a volume type or encryption. "50 GB root disk" and "a 100 GB gp3 volume"
 * are different disks: the root volume versus an extra EBS volume.
 */
function diskInClause(clause: string): DiskRequest | undefined {
  const size = clause.match(SIZE);
  const noun = clause.match(DISK_NOUN);
  const anchor = size ?? noun;
  if (!anchor) {
    return undefined;
  }
  const before = clause.slice(0, anchor.index);
  const after = clause.slice(anchor.index! + anchor[0].length);
  if (size && (RAM_AFTER.test(after) || RAM_BEFORE.test(before))) {
    return undefined;
  }
  // The words around the disk: what the disk is, not what the instance is.
  const window = [
    before.split(/\s+/).slice(-4).join(' '),
    anchor[0],
    after.split(/\s+/).slice(0, 6).join(' '),
  ].join(' ');
  const volumeType = volumeTypeOf(window);
  const encrypted = encryptionOf(window);
  const extraNoun =
    !size &&
    /\bvolumes?\b/.test(anchor[0]) &&
    /\b(?:extra|additional|second|data|another|separate|secondary|ebs)\b/.test(
      window,
    );
  if (!size && !volumeType && encrypted === undefined && !extraNoun) {
    return undefined;
  }
  if (/\bbuckets?\b/.test(window)) {
    return undefined;
  }
  const hasNoun = DISK_NOUN.test(window);
  const root = ROOT.test(window);
  const extra = !root && EXTRA.test(window);
  const counted = before.match(COUNT_BEFORE);
  const count = Number(counted?.[1] ?? counted?.[2] ?? 1);
  const iops = window.match(IOPS);
  const named = after.match(VOLUME_NAME);
  return {
    kind: extra ? 'extra' : 'root',
    sizeGb: size ? parseSizeGb(size[1], size[2]) : undefined,
    volumeType,
    encrypted,
    iops: iops ? Number(iops[1]) : undefined,
    count: extra && count > 1 && count <= 16 ? count : 1,
    bare: !hasNoun && !root,
    said: clause.trim(),
    ...(extra && named
      ? {
          name: toResourceName(named[1].replace(/[.-]+$/, '')),
          cloudName: named[1].replace(/[.-]+$/, ''),
        }
      : {}),
  };
}

/**
 * Every disk an instance's text asks for, root volume first.
 *
 * @internal
 */
export function matchDisks(text: string): DiskRequest[] {
  const clauses = text.split(new RegExp(CLAUSE_BREAK.source, 'g'));
  const disks = clauses.flatMap(clause => {
    const disk = diskInClause(clause);
    return disk ? [disk] : [];
  });
  const roots = disks.filter(d => d.kind === 'root');
  // Several root mentions ("100gb, gp3, encrypted root disk") describe one disk.
  const root = roots.length
    ? [
        roots.reduce((merged, disk) => ({
          ...merged,
          sizeGb: merged.sizeGb ?? disk.sizeGb,
          volumeType: merged.volumeType ?? disk.volumeType,
          encrypted: merged.encrypted ?? disk.encrypted,
          iops: merged.iops ?? disk.iops,
          bare: merged.bare && disk.bare,
        })),
      ]
    : [];
  return [...root, ...disks.filter(d => d.kind === 'extra')];
}

/** @internal */
export const VOLUME_TYPES: readonly string[] = volumeTypes;

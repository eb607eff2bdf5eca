// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { lookupInstanceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes, NO_NOTES } from '../notes';

/** Instance type used when a request names none. @public */
export const DEFAULT_INSTANCE_TYPE = 't3.micro';

/** An EC2 instance type token anywhere in a text (`t3.micro`, `m7g.2xlarge`). @internal */
export const INSTANCE_TYPE_TOKEN =
  /\b([a-z]{1,4}\d[a-z0-9-]{0,4})\.(nano|micro|small|medium|large|metal|\d{0,2}xlarge)\b/g;

/** Sizes from smallest to largest, as EC2 names them. @internal */
export const SIZES = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
  '24xlarge',
  'metal',
] as const;

/** Families the price table and the people asking usually mean. */
const KNOWN_FAMILY =
  /^(t2|t3a?|t4g|m[5-8][a-z]{0,3}|c[5-8][a-z]{0,3}|r[5-8][a-z]{0,3}|x[12][a-z]{0,4}|i[34][a-z]{0,3}|im4gn|is4gen|z1d|g[4-6][a-z]{0,3}|p[3-5][a-z]{0,2}|inf[12]|trn1n?|hpc[67][a-z]?|d3e?n?|mac[12]?)$/;

/**
 * The stated mapping from words to types, so "a small instance" is never a
 * silent guess. Burstable t3 is the family for everyday sandboxes.
 */
const SIZE_WORDS: Array<[RegExp, string]> = [
  [/^(?:tiny|nano)$/, 'nano'],
  [/^micro$/, 'micro'],
  [/^small$/, 'small'],
  [/^(?:medium|mid|medium-sized|mid-sized)$/, 'medium'],
  [/^(?:large|big)$/, 'large'],
  [/^(?:xlarge|xl|extra[- ]large|huge|beefy|powerful|very large)$/, 'xlarge'],
];

const MACHINE = '(?:instance|vm|server|machine|box|host|node|ec2|one|graviton)';

const SIZE_WORD = new RegExp(
  `\\b(tiny|nano|micro|small|medium(?:-sized)?|mid(?:-sized)?|large|big|xlarge|xl|extra[- ]large|very large|huge|beefy|powerful)\\s+(?:[a-z0-9.]+\\s+){0,3}?${MACHINE}s?\\b|\\b(?:size\\s*[:=]?|something|anything)\\s*(tiny|nano|micro|small|medium|large|big|xlarge|huge)\\b`,
);

/** Families people describe by their purpose. */
const FAMILY_WORDS: Array<[RegExp, string, string]> = [
  [
    /\bcompute[- ]optimi[sz]ed\b|\bcpu[- ](?:heavy|optimi[sz]ed|intensive)\b/,
    'c7i',
    'compute optimised',
  ],
  [
    /\bmemory[- ](?:optimi[sz]ed|heavy|intensive)\b|\bhigh[- ]memory\b/,
    'r7i',
    'memory optimised',
  ],
  [/\bgpu\b/, 'g5', 'GPU'],
  [/\bgeneral[- ]purpose\b|\bburstable\b/, 't3', 'general purpose'],
];

/** A bare family named without a size: "an m5", "a small c7g box". */
const FAMILY_ONLY = /(?:^|[\s,(])([tmcrgp][2-8][a-z]{0,3})(?=$|[\s,;)])/;

/**
 * The smallest size a family offers, so that "a small m5" becomes m5.large
 * and says so.
 *
 * @internal
 */
export function minimumSize(family: string): (typeof SIZES)[number] {
  if (/^t/.test(family)) {
    return 'nano';
  }
  if (/^[gp]\d/.test(family)) {
    return 'xlarge';
  }
  return /^[mcr][6-8]g/.test(family) ? 'medium' : 'large';
}

/** The default size of a family when only the family was named. */
function defaultSize(family: string): string {
  return /^t/.test(family) ? 'micro' : minimumSize(family);
}

/** Fits a size into a family, raising it to the family's minimum. @internal */
export function fitSize(
  family: string,
  size: string,
): { instanceType: string; raised: boolean } {
  const minimum = minimumSize(family);
  const raised =
    SIZES.indexOf(size as (typeof SIZES)[number]) < SIZES.indexOf(minimum);
  return {
    instanceType: `${family}.${raised ? minimum : size}`,
    raised,
  };
}

/**
 * The types a vCPU/memory request can resolve to, cheapest first: everyday
 * burstable t3, then memory (r7i), compute (c7i) and general (m7i) types.
 */
const CAPACITY_CANDIDATES = [
  't3.nano',
  't3.micro',
  't3.small',
  't3.medium',
  't3.large',
  'r7i.large',
  't3.xlarge',
  'c7i.xlarge',
  'r7i.xlarge',
  't3.2xlarge',
  'c7i.2xlarge',
  'r7i.2xlarge',
  'c7i.4xlarge',
  'm7i.4xlarge',
  'r7i.4xlarge',
  'm7i.8xlarge',
  'r7i.8xlarge',
  'm7i.16xlarge',
];

/** The candidates with their vCPUs and memory (GiB) from the instance-type catalogue. */
const BY_CAPACITY: Array<[string, number, number]> = CAPACITY_CANDIDATES.map(
  name => {
    const type = lookupInstanceType(name);
    if (!type) {
      throw new Error(`${name} is not in the instance-type catalogue`);
    }
    return [name, type.vcpus, type.memoryGib];
  },
);

const CPUS = /\b(\d{1,3})\s*-?\s*(?:v?cpus?|vcores?|cores?|processors?)\b/;
const MEMORY =
  /\b(\d{1,4}(?:\.\d+)?)\s*(?:gb|gib|gigs?|g)\s*(?:of\s+)?(?:ram|memory|mem)\b|\b(?:ram|memory)\s*[:=]?\s*(?:of\s+)?(\d{1,4}(?:\.\d+)?)\s*(?:gb|gib|g)\b/;

/** The smallest type with at least this many vCPUs and GiB. @internal */
export function typeForCapacity(
  cpus: number | undefined,
  memoryGb: number | undefined,
): string | undefined {
  return BY_CAPACITY.find(
    ([, c, m]) => c >= (cpus ?? 0) && m >= (memoryGb ?? 0),
  )?.[0];
}

/** @internal */
export interface InstanceTypeMatch {
  instanceType?: string;
  notes: Notes;
}

function matchExplicit(text: string): InstanceTypeMatch | undefined {
  const token = text.match(new RegExp(INSTANCE_TYPE_TOKEN.source));
  if (!token) {
    return undefined;
  }
  const family = token[1];
  return {
    instanceType: token[0],
    notes: KNOWN_FAMILY.test(family)
      ? NO_NOTES
      : ask(
          `${token[0]} is not an instance family I know: check the type (for example t3.micro or m7g.large)`,
        ),
  };
}

function matchCapacity(text: string): InstanceTypeMatch | undefined {
  const cpus = text.match(CPUS)?.[1];
  const memory = text.match(MEMORY);
  const memoryGb = memory ? Number(memory[1] ?? memory[2]) : undefined;
  if (cpus === undefined && memoryGb === undefined) {
    return undefined;
  }
  const wanted = [
    cpus && `${cpus} vCPUs`,
    memoryGb !== undefined && `${memoryGb} GiB memory`,
  ]
    .filter(Boolean)
    .join(' and ');
  const instanceType = typeForCapacity(
    cpus ? Number(cpus) : undefined,
    memoryGb,
  );
  if (!instanceType) {
    return {
      notes: ask(
        `No sandbox instance type offers ${wanted}: name an instance type`,
      ),
    };
  }
  return {
    instanceType,
    notes: assume(
      'instanceType',
      instanceType,
      `${instanceType} is the cheapest type with ${wanted}`,
    ),
  };
}

function matchWords(text: string): InstanceTypeMatch | undefined {
  const sizeMatch = text.match(SIZE_WORD);
  const sizeWord = sizeMatch?.[1] ?? sizeMatch?.[2];
  const size = sizeWord
    ? SIZE_WORDS.find(([pattern]) => pattern.test(sizeWord))?.[1]
    : undefined;
  const family = FAMILY_WORDS.find(([pattern]) => pattern.test(text));
  const bare = text.match(FAMILY_ONLY)?.[1];
  if (!size && !family && !bare) {
    return undefined;
  }
  const familyName = bare ?? family?.[1] ?? 't3';
  const fitted = fitSize(familyName, size ?? defaultSize(familyName));
  const said = [sizeWord, bare ?? family?.[2]].filter(Boolean).join(' ');
  let reason = `"${said}" maps to ${fitted.instanceType} (tiny: nano, small: small, medium: medium, large/big: large, huge/xl: xlarge; t3 unless a family is named)`;
  if (fitted.raised) {
    reason = `${familyName} starts at ${minimumSize(
      familyName,
    )}, so "${said}" became ${fitted.instanceType}`;
  } else if (!sizeWord) {
    reason = `"${said}" without a size: ${fitted.instanceType} is the usual starting size`;
  }
  return {
    instanceType: fitted.instanceType,
    notes: assume('instanceType', fitted.instanceType, reason),
  };
}

/**
 * The instance type a request asks for: an explicit type, a vCPU/memory
 * size, or words ("a small graviton", "a compute-optimised box") mapped
 * through a stated table. Undefined when the request says nothing about it.
 *
 * @internal
 */
export function matchInstanceType(text: string): InstanceTypeMatch {
  return (
    matchExplicit(text) ??
    matchCapacity(text) ??
    matchWords(text) ?? { notes: NO_NOTES }
  );
}

/**
 * The type a request gets when it names none.
 *
 * @internal
 */
export function defaultInstanceType(address: string): {
  instanceType: string;
  notes: Notes;
} {
  return {
    instanceType: DEFAULT_INSTANCE_TYPE,
    notes: assume(
      `${address}.instanceType`,
      DEFAULT_INSTANCE_TYPE,
      'No instance type was named; the smallest general-purpose type is the default',
    ),
  };
}

/** One size up or down in the same family ("bigger", "smaller"). @internal */
export function stepSize(
  instanceType: string,
  direction: 1 | -1,
): string | undefined {
  const [family, size] = instanceType.split('.');
  const index = SIZES.indexOf(size as (typeof SIZES)[number]);
  const next = SIZES[index + direction];
  if (index < 0 || !next || next === 'metal') {
    return undefined;
  }
  if (SIZES.indexOf(next) < SIZES.indexOf(minimumSize(family))) {
    return undefined;
  }
  return `${family}.${next}`;
}

/** Re-labels an instance-type assumption with the resource it belongs to. @internal */
export function forAddress(found: Notes, address: string): Notes {
  return combine({
    ...found,
    assumptions: found.assumptions.map(a =>
      a.field === 'instanceType'
        ? { ...a, field: `${address}.instanceType` }
        : a,
    ),
  });
}

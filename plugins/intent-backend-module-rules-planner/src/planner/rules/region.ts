// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { isKnownAwsRegion } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes, NO_NOTES } from '../notes';

/** Region used when a request names none. @public */
export const DEFAULT_REGION = 'us-east-1';

const REGION_CODE =
  /\b([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2})([a-f])?\b/;

/**
 * Places people name instead of region codes. The first pattern that matches
 * wins, so specific names ("northern california") come before broad ones.
 */
const PLACES: Array<[RegExp, string]> = [
  [/\bosaka\b/, 'ap-northeast-3'],
  [/\bcalgary\b/, 'ca-west-1'],
  [/\bhyderabad\b/, 'ap-south-2'],
  [/\bmelbourne\b/, 'ap-southeast-4'],
  [/\b(?:n(?:orth(?:ern)?)?\.? virginia|virginia)\b/, 'us-east-1'],
  [/\bohio\b/, 'us-east-2'],
  [/\b(?:n(?:orth(?:ern)?)?\.? california|california)\b/, 'us-west-1'],
  [/\boregon\b/, 'us-west-2'],
  [/\b(?:us east|east coast)\b/, 'us-east-1'],
  [/\b(?:us west|west coast)\b/, 'us-west-2'],
  [/\b(?:ireland|dublin)\b/, 'eu-west-1'],
  [/\b(?:london|uk|united kingdom|england|britain)\b/, 'eu-west-2'],
  [/\b(?:paris|france)\b/, 'eu-west-3'],
  [/\b(?:frankfurt|germany)\b/, 'eu-central-1'],
  [/\b(?:zurich|switzerland)\b/, 'eu-central-2'],
  [/\b(?:stockholm|sweden|nordics?)\b/, 'eu-north-1'],
  [/\b(?:milan|italy)\b/, 'eu-south-1'],
  [/\b(?:spain|madrid|aragon)\b/, 'eu-south-2'],
  [/\b(?:tokyo|japan)\b/, 'ap-northeast-1'],
  [/\b(?:seoul|korea)\b/, 'ap-northeast-2'],
  [/\bsingapore\b/, 'ap-southeast-1'],
  [/\b(?:sydney|australia)\b/, 'ap-southeast-2'],
  [/\b(?:jakarta|indonesia)\b/, 'ap-southeast-3'],
  [/\b(?:mumbai|india)\b/, 'ap-south-1'],
  [/\bhong kong\b/, 'ap-east-1'],
  [/\b(?:taipei|taiwan)\b/, 'ap-east-2'],
  [/\b(?:bangkok|thailand)\b/, 'ap-southeast-7'],
  [/\b(?:kuala lumpur|malaysia)\b/, 'ap-southeast-5'],
  [/\b(?:auckland|new zealand)\b/, 'ap-southeast-6'],
  [/\b(?:mexico|queretaro|querétaro)\b/, 'mx-central-1'],
  [/\b(?:canada|montreal|toronto)\b/, 'ca-central-1'],
  [/\b(?:sao paulo|são paulo|brazil)\b/, 'sa-east-1'],
  [/\bbahrain\b/, 'me-south-1'],
  [/\b(?:uae|dubai|emirates)\b/, 'me-central-1'],
  [/\b(?:cape town|south africa)\b/, 'af-south-1'],
  [/\b(?:tel aviv|israel)\b/, 'il-central-1'],
];

/** Continents: a region is picked, and the pick is said out loud. */
const BROAD: Array<[RegExp, string, string]> = [
  [/\b(?:in )?(?:europe|the eu)\b/, 'eu-west-1', 'Europe'],
  [/\bin (?:the )?(?:us|usa|states|america)\b/, 'us-east-1', 'the US'],
  [/\b(?:in )?asia\b/, 'ap-southeast-1', 'Asia'],
];

/** @internal */
export interface RegionMatch {
  region?: string;
  /** The availability zone letter when a zone was named (`eu-west-1b`). */
  zone?: string;
  /** A region-shaped code that is not a known region. */
  unknown?: string;
  notes: Notes;
}

/** The zone letter of "zone b", "az c", "availability zone a". */
const ZONE_LETTER = /\b(?:availability zone|az|zone)\s+([a-f])\b/;

/**
 * Finds the region (a code, a zone, a city or a country) and an availability
 * zone in a request. Nothing found: `region` is undefined, the caller decides.
 *
 * @internal
 */
export function matchRegion(text: string): RegionMatch {
  const code = text.match(REGION_CODE);
  const zone = code?.[2] ?? text.match(ZONE_LETTER)?.[1];
  if (code && !isKnownAwsRegion(code[1])) {
    return {
      unknown: code[1],
      notes: ask(
        `${code[1]} is not an AWS region this planner knows: which region did you mean (e.g. eu-west-1, ap-southeast-7)?`,
      ),
    };
  }
  if (code) {
    return { region: code[1], zone, notes: NO_NOTES };
  }
  const place = PLACES.find(([pattern]) => pattern.test(text));
  if (place) {
    return { region: place[1], zone, notes: NO_NOTES };
  }
  const broad = BROAD.find(([pattern]) => pattern.test(text));
  if (broad) {
    return {
      region: broad[1],
      zone,
      notes: assume(
        'region',
        broad[1],
        `"${broad[2]}" covers several regions; ${broad[1]} is the usual choice`,
      ),
    };
  }
  return { zone, notes: NO_NOTES };
}

/**
 * The region of a new plan: the named one, or the default with an assumption.
 *
 * @internal
 */
export function planRegion(text: string): {
  region: string;
  zone?: string;
  notes: Notes;
} {
  const found = matchRegion(text);
  if (found.region) {
    return { region: found.region, zone: found.zone, notes: found.notes };
  }
  if (found.unknown) {
    return {
      region: DEFAULT_REGION,
      zone: found.zone,
      notes: combine(
        found.notes,
        assume(
          'region',
          DEFAULT_REGION,
          `${found.unknown} is not a known region; the plan shows ${DEFAULT_REGION} until you name one`,
        ),
      ),
    };
  }
  return {
    region: DEFAULT_REGION,
    zone: found.zone,
    notes: combine(
      found.notes,
      assume('region', DEFAULT_REGION, 'No region was named'),
    ),
  };
}

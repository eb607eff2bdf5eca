// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchAll } from '../text';

const PAIR = /\b([A-Za-z][\w.:/-]{0,63}?)\s*=\s*([\w.@/+&-]{1,128})/;
const TAGGED =
  /\btag(?:ged|s)?(?: (?:it|them|everything|all))?(?: with| as)?\s*:?\s*((?:[A-Za-z][\w./-]{0,63}\s*[:=]\s*[\w.@/+&-]{1,128}(?:\s*(?:,|and)\s*)?)+)/i;
const TAG_ITEM = /([A-Za-z][\w./-]{0,63})\s*[:=]\s*([\w.@/+&-]{1,128})/;
/** The backend owns these; a request cannot set them. */
const RESERVED = /^(?:intent:|aws:)/i;
/** `region=eu-west-1` in a list is a setting, not a tag. */
const SETTINGS =
  /^(?:region|type|instance|instance[_-]?type|os|image|ttl|size|disk|root|az|zone|name|count|arch|architecture|ports?|cidr|vpc|subnet|key|key[_-]?pair|ami|volume|bucket)$/i;

/**
 * Tags for every resource, from `key=value` pairs anywhere and `key: value`
 * lists after "tag". Read from the original text so values keep their case.
 *
 * @internal
 */
export function matchTags(original: string): Record<string, string> {
  const tags: Record<string, string> = {};
  const tagged = original.match(TAGGED);
  if (tagged) {
    for (const item of matchAll(tagged[1], TAG_ITEM)) {
      tags[item[1]] = item[2];
    }
  }
  for (const pair of matchAll(original, PAIR)) {
    tags[pair[1]] = pair[2];
  }
  return Object.fromEntries(
    Object.entries(tags).filter(
      ([key]) => !RESERVED.test(key) && !SETTINGS.test(key),
    ),
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Words the rules depend on and people misspell. Only words of six letters
 * or more: shorter ones are too close to ordinary words ("paris", "pairs").
 */
const VOCABULARY = [
  'ubuntu',
  'debian',
  'windows',
  'amazon',
  'graviton',
  'instance',
  'instances',
  'server',
  'machine',
  'bucket',
  'buckets',
  'volume',
  'subnet',
  'security',
  'elastic',
  'public',
  'private',
  'encrypted',
  'versioned',
  'versioning',
  'website',
  'weekend',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
  'overnight',
  'frankfurt',
  'ireland',
  'london',
  'stockholm',
  'singapore',
  'sydney',
  'virginia',
  'oregon',
  'california',
  'mumbai',
  'canada',
  'zurich',
  'jakarta',
  'melbourne',
  'hyderabad',
  'bahrain',
  'germany',
  'sweden',
  'australia',
  'brazil',
  'minutes',
  'anywhere',
  'everyone',
  'internet',
];

const KNOWN = new Set(VOCABULARY);

/** The places of the vocabulary: the only targets for five-letter words. */
const PLACES = VOCABULARY.slice(
  VOCABULARY.indexOf('frankfurt'),
  VOCABULARY.indexOf('brazil') + 1,
);

/** Optimal string alignment distance (a transposition counts as one edit). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j++) {
    rows[0][j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        rows[i - 1][j] + 1,
        rows[i][j - 1] + 1,
        rows[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) {
      return limit + 1;
    }
  }
  return rows[a.length][b.length];
}

/** Inflections and negations of a known word are not typos: "machines", "publicly", "unencrypted". */
function inflects(word: string): boolean {
  return VOCABULARY.some(known => {
    const at = word.indexOf(known);
    return (
      at >= 0 &&
      /^(?:un|non|de|re)?$/.test(word.slice(0, at)) &&
      /^(?:s|es|ed|ing|ly|ally)?$/.test(word.slice(at + known.length))
    );
  });
}

/**
 * The known word a misspelled word was meant to be, or the word itself:
 * one edit allowed up to eight letters, two from nine ("stockhlom" →
 * "stockholm", "singpaore" → "singapore"); five-letter words only become
 * places ("londn" → "london").
 *
 * @internal
 */
export function correctSpelling(word: string): string {
  const short = word.length === 5;
  if (word.length < 5 || KNOWN.has(word) || inflects(word)) {
    return word;
  }
  const limit = word.length >= 9 ? 2 : 1;
  let best: { known: string; edits: number } | undefined;
  // Five-letter words are only read as a place with a letter missing ("londn").
  for (const known of short ? PLACES : VOCABULARY) {
    if (known[0] !== word[0] && known[1] !== word[1]) {
      continue;
    }
    const edits = distance(word, known, limit);
    if (edits <= limit && (!best || edits < best.edits)) {
      best = { known, edits };
    }
  }
  return best?.known ?? word;
}

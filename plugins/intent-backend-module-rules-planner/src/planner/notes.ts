// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PlanAssumption } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * What a matcher has to say besides its value: assumptions it made,
 * questions it cannot answer, parts of the request that are not resources.
 *
 * @internal
 */
export interface Notes {
  assumptions: PlanAssumption[];
  questions: string[];
  outOfScope: string[];
}

/** @internal */
export const NO_NOTES: Notes = Object.freeze({
  assumptions: [],
  questions: [],
  outOfScope: [],
}) as Notes;

/** @internal */
export function notes(partial: Partial<Notes>): Notes {
  return {
    assumptions: partial.assumptions ?? [],
    questions: partial.questions ?? [],
    outOfScope: partial.outOfScope ?? [],
  };
}

/** @internal */
export function assume(field: string, value: string, reason: string): Notes {
  return notes({ assumptions: [{ field, value, reason }] });
}

/** @internal */
export function ask(question: string): Notes {
  return notes({ questions: [question] });
}

/** Concatenates notes, dropping repeated questions and out-of-scope items. @internal */
export function combine(...list: Notes[]): Notes {
  const seen = new Set<string>();
  const assumptions = list.flatMap(n => n.assumptions);
  return {
    assumptions: assumptions.filter(a => {
      const key = `${a.field}\u0000${a.value}`;
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    }),
    questions: [...new Set(list.flatMap(n => n.questions))],
    outOfScope: [...new Set(list.flatMap(n => n.outOfScope))],
  };
}

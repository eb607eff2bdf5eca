// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, combine, Notes } from '../notes';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';
import { addResourcesFrom, isAddition } from './additions';
import { elasticIps, keyPairs, volumes } from './attachEdits';
import { buckets } from './bucketEdits';
import { Edit, EditEnv, EditState } from './edit';
import { ingress } from './ingressEdits';
import { placement } from './networkEdits';
import { changeOs, publicIp, rename, resize, rootDisk } from './instanceEdits';
import { addTags, lifetime, region } from './planEdits';
import { removals } from './removals';
import { software } from './softwareEdits';

/** Words that start a new instruction in a follow-up. */
const VERB =
  '(?:make|change|resize|upgrade|downgrade|switch|move|migrate|open|close|allow|block|revoke|restrict|limit|lock|only|remove|delete|drop|destroy|get rid|terminate|kill|rename|call|name|extend|keep|attach|detach|add|also|plus|encrypt|enable|disable|turn|give|increase|grow|expand|shrink|bump|scale|set|use|tag|another|one more|\\d+ more|create|launch|spin|put|expose|i need|we need|let|can you|could you)';
const HARD_BREAK = /;|\.(?:\s|$)|\bthen\b/;
const SOFT_BREAK = new RegExp(
  `(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+also\\s+)(?=(?:then\\s+)?${VERB}\\b)`,
);

/**
 * Cuts a follow-up into instructions: at sentence ends, and at commas or
 * "and" when a new verb follows ("make it a t3.large and open 443"), never
 * inside a list ("ssh and http from my IP").
 *
 * @internal
 */
export function splitInstructions(text: string): string[] {
  const parts = text
    .split(new RegExp(HARD_BREAK.source, 'g'))
    .flatMap(part => part.split(new RegExp(SOFT_BREAK.source, 'g')))
    .map(part => part.replace(/^[\s,]+|[\s,]+$/g, ''))
    .filter(Boolean);
  // Words after an addition that start no instruction describe the addition.
  const merged: string[] = [];
  let additionOpen = false;
  for (const part of parts) {
    const startsInstruction = new RegExp(`^(?:then\\s+)?${VERB}\\b`).test(part);
    if (additionOpen && !startsInstruction) {
      merged[merged.length - 1] += `, ${part}`;
      continue;
    }
    merged.push(part);
    additionOpen = isAddition(part);
  }
  return merged;
}

/** Edits in the order they apply to one instruction. */
const EDITS: Edit[] = [
  rename,
  resize,
  changeOs,
  software,
  publicIp,
  rootDisk,
  volumes,
  elasticIps,
  keyPairs,
  ingress,
  buckets,
  lifetime,
  region,
  placement,
];

function applyInstruction(
  state: EditState,
  instruction: string,
  env: EditEnv,
): EditState {
  if (isAddition(instruction)) {
    return addResourcesFrom(state, instruction, env);
  }
  const removed = removals(state, instruction, env);
  if (
    removed.changes.length > state.changes.length ||
    removed.notes.length > state.notes.length
  ) {
    return removed;
  }
  return EDITS.reduce((next, edit) => edit(next, instruction, env), state);
}

/** @internal */
export interface FollowUpRequest {
  text: string;
  original: string;
  current: Plan;
  context?: PlannerContext;
  now: Date;
}

/** @internal */
export interface FollowUpResult {
  plan: Plan;
  notes: Notes;
  modification?: string;
}

/**
 * Applies a follow-up to the current plan, instruction by instruction, and
 * returns the whole new plan with the changes in words. A follow-up that
 * changes nothing is a question, and the plan stays as it is.
 *
 * @internal
 */
export function planFollowUp(request: FollowUpRequest): FollowUpResult {
  const env: EditEnv = {
    original: request.original,
    context: request.context,
    now: request.now,
  };
  const initial: EditState = { plan: request.current, changes: [], notes: [] };
  const edited = splitInstructions(request.text).reduce(
    (state, instruction) => applyInstruction(state, instruction, env),
    initial,
  );
  const final = addTags(edited, request.original);
  const notes = combine(...final.notes);
  if (final.changes.length === 0) {
    return {
      plan: request.current,
      notes: notes.questions.length
        ? notes
        : combine(
            notes,
            ask(
              'I could not tell what to change in the current plan. Say it like "make it a t3.large", "open 443 to the world", "add a 100 GB gp3 volume" or "extend by 4 hours"',
            ),
          ),
    };
  }
  return { plan: final.plan, notes, modification: final.changes.join('; ') };
}

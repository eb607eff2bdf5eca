// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { MAX_TTL_HOURS } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask } from '../notes';
import { matchRegion } from '../rules/region';
import { matchTags } from '../rules/tags';
import { matchTtl } from '../rules/ttl';
import { Edit, EditState, record, withNotes } from './edit';

const MOVES =
  /\b(?:move|migrate|switch|change|relocate|put|region)\b|\binstead\b/;

/** "extend by 4 hours", "make it 2 days", "until Friday". @internal */
export const lifetime: Edit = (state, clause, env) => {
  const ttl = matchTtl(clause, env.now);
  if (ttl.ttlHours === undefined && ttl.extendHours === undefined) {
    return ttl.notes.questions.length || ttl.notes.assumptions.length
      ? withNotes(state, ttl.notes)
      : state;
  }
  const before = state.plan.ttlHours;
  let hours = ttl.ttlHours;
  if (ttl.extendHours !== undefined) {
    if (before === undefined) {
      return withNotes(
        state,
        ask(
          `The sandbox lives for the policy default; how long should it live in total (e.g. "for ${
            ttl.extendHours + 4
          } hours")?`,
        ),
      );
    }
    hours = Math.min(before + ttl.extendHours, MAX_TTL_HOURS);
  }
  if (hours === before) {
    return state;
  }
  return record(
    state,
    { ...state.plan, ttlHours: hours },
    [`lifetime ${before ?? 'policy default'} → ${hours} hours`],
    ttl.notes,
  );
};

function moveZone(resource: PlanResource, region: string): PlanResource {
  if (!('availabilityZone' in resource) || !resource.availabilityZone) {
    return resource;
  }
  const letter = resource.availabilityZone.slice(-1);
  return {
    ...resource,
    availabilityZone: `${region}${letter}`,
  } as PlanResource;
}

/** "move it to Frankfurt", "eu-west-1 instead". @internal */
export const region: Edit = (state, clause) => {
  const found = matchRegion(clause);
  if (
    !found.region ||
    found.region === state.plan.region ||
    !MOVES.test(clause)
  ) {
    return state;
  }
  const plan: Plan = {
    ...state.plan,
    region: found.region,
    resources: state.plan.resources.map(r => moveZone(r, found.region!)),
  };
  return record(
    state,
    plan,
    [
      `region ${state.plan.region} → ${found.region} (every resource is recreated there)`,
    ],
    found.notes,
  );
};

/** Tags named anywhere in the follow-up ("tag it team=payments"). @internal */
export function addTags(state: EditState, original: string): EditState {
  const tags = matchTags(original);
  const added = Object.entries(tags).filter(
    ([key, value]) => state.plan.tags[key] !== value,
  );
  if (added.length === 0) {
    return state;
  }
  return record(
    state,
    { ...state.plan, tags: { ...state.plan.tags, ...tags } },
    [`tags + ${added.map(([k, v]) => `${k}=${v}`).join(', ')}`],
  );
}

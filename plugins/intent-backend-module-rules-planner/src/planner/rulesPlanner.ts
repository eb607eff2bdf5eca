// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PLAN_FORMAT_VERSION,
  parsePlan,
  Plan,
  PlanInput,
  ResourceType,
  resourceTypes,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planFresh } from './fresh';
import { planFollowUp } from './followUp';
import { ask, assume, combine, Notes, NO_NOTES } from './notes';
import { matchOutOfScope } from './rules/outOfScope';
import { planRegion } from './rules/region';
import { matchTags } from './rules/tags';
import { matchTtl } from './rules/ttl';
import { normaliseIntent } from './text';
import type { PlannerResult } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { PlanRequest } from './types';

export { DEFAULT_REGION } from './rules/region';
export { DEFAULT_INSTANCE_TYPE } from './rules/instanceType';

/** A new plan lists resources in the order they are created. */
const TYPE_ORDER: readonly ResourceType[] = resourceTypes;

/** Identifies the rules planner in results and configuration. @public */
export const RULES_PLANNER_ID = 'rules';

/** A plan before validation, with what was said about it. @internal */
export interface Planned {
  plan: PlanInput;
  notes: Notes;
  modification?: string;
}

function lifetime(
  text: string,
  now: Date,
): { ttlHours?: number; notes: Notes } {
  const ttl = matchTtl(text, now);
  const hours = ttl.ttlHours ?? ttl.extendHours;
  if (hours === undefined) {
    return {
      notes: combine(
        ttl.notes,
        ttl.notes.questions.length
          ? NO_NOTES
          : assume(
              'ttlHours',
              'policy default',
              'No lifetime was named; the policy default applies',
            ),
      ),
    };
  }
  return { ttlHours: hours, notes: ttl.notes };
}

function planNew(request: PlanRequest, text: string, now: Date): Planned {
  const region = planRegion(text);
  const ttl = lifetime(text, now);
  const fresh = planFresh({
    text,
    original: request.intent,
    region: region.region,
    zone: region.zone,
    context: request.context,
  });
  const plan: PlanInput = {
    formatVersion: PLAN_FORMAT_VERSION,
    region: region.region,
    ...(ttl.ttlHours !== undefined ? { ttlHours: ttl.ttlHours } : {}),
    tags: matchTags(request.intent),
    resources: [...fresh.resources].sort(
      (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
    ),
    ...(fresh.existing.length > 0 ? { existing: fresh.existing } : {}),
  };
  return { plan, notes: combine(region.notes, ttl.notes, fresh.notes) };
}

/**
 * The offline, deterministic planner. Turns a plain-language request into
 * a whole plan, or, given the session's current plan, applies a follow-up
 * ("make it a t3.large", "open 443 to the world") and says what changed.
 * What it defaulted is listed as assumptions, what it cannot decide as
 * questions, what is not a resource as out of scope.
 *
 * @public
 */
export function planWithRules(request: string | PlanRequest): PlannerResult {
  const input: PlanRequest =
    typeof request === 'string' ? { intent: request } : request;
  const now = input.now ?? new Date();
  const text = normaliseIntent(input.intent);
  const outOfScope = matchOutOfScope(text);
  const followUp = input.current && input.current.resources.length > 0;
  const planned: Planned = followUp
    ? planFollowUp({
        text,
        original: input.intent,
        current: input.current!,
        context: input.context,
        now,
      })
    : planNew(input, text, now);

  return toResult(planned, outOfScope, input.current);
}

/**
 * Validates what the rules planned and shapes the result. A plan the schema
 * refuses is never returned: the current plan (or an empty one) comes back
 * with the problems as a question.
 *
 * @internal
 */
export function toResult(
  planned: Planned,
  outOfScope: string[],
  current?: Plan,
): PlannerResult {
  const parsed = parsePlan(planned.plan);
  const notes = combine(planned.notes, {
    assumptions: [],
    questions: [],
    outOfScope,
  });
  if (!parsed.ok) {
    return {
      planner: RULES_PLANNER_ID,
      plan: current ?? {
        formatVersion: PLAN_FORMAT_VERSION,
        region: planned.plan.region,
        tags: {},
        resources: [],
        existing: [],
      },
      assumptions: notes.assumptions,
      questions: [
        ...notes.questions,
        ...ask(
          `The request could not be turned into a valid plan (${parsed.problems.join(
            '; ',
          )}): rephrase it`,
        ).questions,
      ],
      outOfScope: notes.outOfScope,
    };
  }
  return {
    planner: RULES_PLANNER_ID,
    plan: parsed.plan,
    assumptions: notes.assumptions,
    questions: notes.questions,
    outOfScope: notes.outOfScope,
    ...(planned.modification ? { modification: planned.modification } : {}),
  };
}

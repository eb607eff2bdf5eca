// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  canonicalJson,
  Plan,
  PlanInput,
  planSchema,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { PlannerResult } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { PlanRequest } from '../types';

/** How a request is phrased; accuracy is reported per style. @internal */
export type EvalStyle =
  | 'terse'
  | 'chatty'
  | 'list'
  | 'typo'
  | 'multi'
  | 'follow-up'
  | 'unclear';

/**
 * What a planner should make of a request. Every entry is one scored field:
 * each key of `fields`, the set of `addresses`, `asks`, each `outOfScope`
 * fragment and `modifies`.
 *
 * @internal
 */
export interface Expectation {
  /** Exactly these resource addresses, in any order. */
  addresses?: string[];
  /**
   * Values by path: `region`, `ttlHours`, `tags.team`,
   * `aws_instance.web.instanceType`, `aws_instance.web.image.os`. `null`
   * means absent. Security group rules compare as sets of
   * `"tcp 22 203.0.113.4/32"` strings.
   */
  fields?: Record<string, unknown>;
  /** Whether the planner should ask at least one question. */
  asks?: boolean;
  /** Fragments each expected in some out-of-scope entry. */
  outOfScope?: string[];
  /** Whether the result describes a modification (follow-ups). */
  modifies?: boolean;
  /** How many resources of each type the plan holds; each entry one field. */
  types?: Partial<Record<string, number>>;
}

/** One request of the evaluation set. @internal */
export interface EvalCase {
  id: string;
  style: EvalStyle;
  intent: string;
  current?: PlanInput;
  clientIp?: string;
  /** ISO time the request is made at; the set's default is a Wednesday. */
  now?: string;
  expect: Expectation;
}

/** The verdict on one expected field. @internal */
export interface FieldScore {
  caseId: string;
  style: EvalStyle;
  field: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

/** @internal */
export interface EvalReport {
  cases: number;
  fields: number;
  correct: number;
  accuracy: number;
  byStyle: Record<string, { cases: number; fields: number; accuracy: number }>;
  failures: FieldScore[];
}

/** When the evaluation set's requests are made: Wednesday 10:00 UTC. @internal */
export const EVAL_NOW = '2026-11-25T10:00:00.000Z';

/** A rule as the expectations write it: `tcp 22 203.0.113.4/32,10.0.0.0/8`. @internal */
export function compactRule(rule: SecurityGroupRule): string {
  const ports =
    rule.fromPort === rule.toPort
      ? `${rule.fromPort}`
      : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports} ${[
    ...rule.cidrBlocks,
    ...rule.ipv6CidrBlocks,
  ].join(',')}`;
}

/**
 * The value at a path of a plan: plan fields (`region`, `tags.team`), a
 * resource's fields by address (`aws_instance.web.rootVolume.sizeGb`) or an
 * existing resource's by its data address (`data.aws_vpc.default.lookup`,
 * read from the plan's `existing` list).
 *
 * @internal
 */
export function fieldValue(plan: Plan, path: string): unknown {
  const parts = path.split('.');
  let value: unknown;
  let rest: string[];
  if (parts[0] === 'data') {
    const existing = (plan as { existing?: unknown }).existing;
    value = Array.isArray(existing)
      ? existing.find(
          (e: { type?: string; name?: string }) =>
            e?.type === parts[1] && e?.name === parts[2],
        )
      : undefined;
    rest = parts.slice(3);
  } else if (parts[0].startsWith('aws_')) {
    value = plan.resources.find(
      r => r.type === parts[0] && r.name === parts[1],
    );
    rest = parts.slice(2);
  } else {
    value = plan;
    rest = parts;
  }
  for (const key of rest) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (
    (rest.at(-1) === 'ingress' || rest.at(-1) === 'egress') &&
    Array.isArray(value)
  ) {
    return (value as SecurityGroupRule[]).map(compactRule).sort();
  }
  return value;
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return (
      canonicalJson([...expected].sort()) === canonicalJson([...actual].sort())
    );
  }
  // Null and absent are the same answer.
  return canonicalJson(expected ?? null) === canonicalJson(actual ?? null);
}

/**
 * Scores one planner result against its case, field by field.
 *
 * @internal
 */
export function scoreCase(
  evalCase: EvalCase,
  result: PlannerResult,
): FieldScore[] {
  const { expect } = evalCase;
  const score = (
    field: string,
    expected: unknown,
    actual: unknown,
    ok: boolean,
  ): FieldScore => ({
    caseId: evalCase.id,
    style: evalCase.style,
    field,
    ok,
    expected,
    actual,
  });
  const scores: FieldScore[] = [];
  if (expect.addresses) {
    const actual = result.plan.resources.map(r => `${r.type}.${r.name}`).sort();
    scores.push(
      score(
        'addresses',
        [...expect.addresses].sort(),
        actual,
        sameValue(expect.addresses, actual),
      ),
    );
  }
  for (const [path, expected] of Object.entries(expect.fields ?? {})) {
    const actual = fieldValue(result.plan, path);
    scores.push(score(path, expected, actual, sameValue(expected, actual)));
  }
  if (expect.asks !== undefined) {
    const asked = result.questions.length > 0;
    scores.push(
      score('asks', expect.asks, result.questions, asked === expect.asks),
    );
  }
  for (const fragment of expect.outOfScope ?? []) {
    const ok = result.outOfScope.some(o =>
      o.toLowerCase().includes(fragment.toLowerCase()),
    );
    scores.push(
      score(`outOfScope:${fragment}`, fragment, result.outOfScope, ok),
    );
  }
  for (const [type, expected] of Object.entries(expect.types ?? {})) {
    const actual = result.plan.resources.filter(r => r.type === type).length;
    scores.push(score(`types:${type}`, expected, actual, actual === expected));
  }
  if (expect.modifies !== undefined) {
    const modified = Boolean(result.modification);
    scores.push(
      score(
        'modification',
        expect.modifies,
        result.modification,
        modified === expect.modifies,
      ),
    );
  }
  return scores;
}

/** Adds field scores up: overall and per style. @internal */
export function summarise(scores: FieldScore[][]): EvalReport {
  const all = scores.flat();
  const correct = all.filter(s => s.ok).length;
  const byStyle: EvalReport['byStyle'] = {};
  for (const caseScores of scores) {
    const style = caseScores[0]?.style;
    if (!style) {
      continue;
    }
    const entry = (byStyle[style] ??= { cases: 0, fields: 0, accuracy: 0 });
    const before = entry.accuracy * entry.fields;
    entry.cases += 1;
    entry.fields += caseScores.length;
    entry.accuracy =
      (before + caseScores.filter(s => s.ok).length) / entry.fields;
  }
  return {
    cases: scores.length,
    fields: all.length,
    correct,
    accuracy: all.length ? correct / all.length : 0,
    byStyle,
    failures: all.filter(s => !s.ok),
  };
}

/** The planning request of a case (its current plan validated). @internal */
export function requestOf(evalCase: EvalCase): PlanRequest {
  return {
    intent: evalCase.intent,
    current: evalCase.current ? planSchema.parse(evalCase.current) : undefined,
    context: evalCase.clientIp ? { clientIp: evalCase.clientIp } : undefined,
    now: new Date(evalCase.now ?? EVAL_NOW),
  };
}

/**
 * Runs a planner over the evaluation set and scores it.
 *
 * @internal
 */
export function evaluate(
  cases: EvalCase[],
  planner: (request: PlanRequest) => PlannerResult,
): EvalReport {
  return summarise(cases.map(c => scoreCase(c, planner(requestOf(c)))));
}

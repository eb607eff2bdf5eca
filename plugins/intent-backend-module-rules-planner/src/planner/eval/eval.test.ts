// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parsePlan } from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from '../rulesPlanner';
import { evalCases, heldOutCases } from './cases';
import { evaluate, requestOf } from './scorer';
import { thirdBlindCases } from './thirdBlind';

/** The figure the issue asks for; a drop below it is a regression. */
const MINIMUM_ACCURACY = 0.9;

describe('rules planner evaluation set', () => {
  it('has at least 150 requests with unique ids, in every style', () => {
    expect(evalCases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(evalCases.map(c => c.id)).size).toBe(evalCases.length);
    expect(new Set(evalCases.map(c => c.style))).toEqual(
      new Set([
        'terse',
        'chatty',
        'list',
        'typo',
        'multi',
        'follow-up',
        'unclear',
      ]),
    );
    expect(evalCases.filter(c => c.current).length).toBeGreaterThanOrEqual(40);
  });

  it(`keeps field-level accuracy at ${MINIMUM_ACCURACY * 100}% or more`, () => {
    const report = evaluate(evalCases, planWithRules);
    const failures = report.failures.map(
      f =>
        `${f.caseId} ${f.field}: expected ${JSON.stringify(
          f.expected,
        )}, got ${JSON.stringify(f.actual)}`,
    );
    expect({ accuracy: report.accuracy >= MINIMUM_ACCURACY, failures }).toEqual(
      {
        accuracy: true,
        failures: expect.any(Array),
      },
    );
    expect(report.fields).toBeGreaterThan(evalCases.length * 2);
  });

  it(`keeps the held-out requests at ${
    MINIMUM_ACCURACY * 100
  }% or more`, () => {
    expect(
      evaluate(heldOutCases, planWithRules).accuracy,
    ).toBeGreaterThanOrEqual(MINIMUM_ACCURACY);
  });

  it('keeps batch 3 apart: scored by the bench only, no threshold', () => {
    expect(thirdBlindCases.length).toBeGreaterThanOrEqual(45);
    const ids = new Set(evalCases.map(c => c.id));
    expect(thirdBlindCases.filter(c => ids.has(c.id))).toEqual([]);
    expect(new Set(thirdBlindCases.map(c => c.id)).size).toBe(
      thirdBlindCases.length,
    );
    expect(evaluate(thirdBlindCases, planWithRules).fields).toBeGreaterThan(
      thirdBlindCases.length * 2,
    );
  });

  it('returns a schema-valid plan for every request', () => {
    const invalid = evalCases.flatMap(c => {
      const parsed = parsePlan(planWithRules(requestOf(c)).plan);
      return parsed.ok ? [] : [`${c.id}: ${parsed.problems.join('; ')}`];
    });
    expect(invalid).toEqual([]);
  });
});

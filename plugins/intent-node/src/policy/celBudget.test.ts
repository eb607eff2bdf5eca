// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DEFAULT_BASELINE_CONFIG } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CEL_MAX_COMPREHENSION_NESTING,
  CEL_MAX_STEPS,
  compileCelExpression,
  CompiledCelExpression,
  formatCelProblem,
} from './cel';
import { compileIntentPolicy, IntentPolicyEntityInput } from './compilePolicy';
import {
  evaluatePolicies,
  POLICY_EVALUATION_BUDGET_MS,
} from './evaluatePolicies';
import { intentPolicyExpressionProblems } from './validateIntentPolicyEntity';
import { makePlan } from './__testUtils__/fixtures';

const session = { owner: 'user:default/ada', region: 'us-east-1', ttlHours: 4 };
const REDOS = 'resource.name.matches("^([a-z0-9]+_?)+_prod$")';
/** 40 characters that almost match: a backtracking engine needs ~2^40 steps. */
const EVIL_NAME = `${'a1'.repeat(20)}`.slice(0, 39).concat('!');

function compiled(expression: string) {
  const result = compileCelExpression(expression);
  if (!result.ok) {
    throw new Error(`did not compile: ${formatCelProblem(result.problem)}`);
  }
  return result;
}

function problemOf(result: CompiledCelExpression) {
  if (result.ok) {
    throw new Error('compiled, but should not have');
  }
  return formatCelProblem(result.problem);
}

const list = (n: number) =>
  `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;

describe('matches() runs on a linear-time engine (RE2)', () => {
  it('decides a catastrophic-backtracking pattern on a 40-character name in milliseconds', () => {
    const rule = compiled(REDOS);
    const start = performance.now();
    expect(rule.evaluate({ resource: { name: EVIL_NAME }, session })).toBe(
      false,
    );
    expect(
      rule.evaluate({ resource: { name: 'billing_api_prod' }, session }),
    ).toBe(true);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('keeps the CEL meaning of matches: a search, not a full match', () => {
    const rule = compiled('resource.name.matches("prod")');
    expect(rule.evaluate({ resource: { name: 'my_prod_db' }, session })).toBe(
      true,
    );
    expect(rule.evaluate({ resource: { name: 'dev' }, session })).toBe(false);
    expect(
      compiled('"abc".matches("^a.c$") && !"abd".matches("c$")').evaluate({
        resource: {},
        session,
      }),
    ).toBe(true);
  });

  it('refuses, when compiling, a pattern RE2 cannot run (backreferences, lookaround)', () => {
    expect(
      problemOf(compileCelExpression('resource.name.matches("(a)\\\\1")')),
    ).toMatch(
      /^line 1, column 23: The regular expression "\(a\)\\\\1" is not supported by RE2, the linear-time engine matches\(\) uses: .*invalid escape sequence/,
    );
    expect(
      problemOf(compileCelExpression('resource.name.matches("(?=prod)")')),
    ).toMatch(/is not supported by RE2.*invalid or unsupported Perl syntax/);
  });

  it('fails evaluation (never hangs) on a pattern built at run time that RE2 cannot run', () => {
    const rule = compiled('resource.name.matches(resource.pattern)');
    expect(() =>
      rule.evaluate({ resource: { name: 'x', pattern: '(a)\\1' }, session }),
    ).toThrow(/not supported by RE2/);
  });
});

describe('cost limit when the policy is accepted', () => {
  it(`accepts ${CEL_MAX_COMPREHENSION_NESTING} nested macros and refuses ${
    CEL_MAX_COMPREHENSION_NESTING + 1
  }, naming the rule and the limit`, () => {
    expect(
      compileCelExpression(
        `${list(3)}.all(a, ${list(
          3,
        )}.exists(b, a < b || resource.name == "x"))`,
      ).ok,
    ).toBe(true);
    const problems = intentPolicyExpressionProblems({
      owner: 'group:default/platform',
      rules: [
        { id: 'fine', outcome: 'deny', expression: 'resource.name == "x"' },
        {
          id: 'cubic',
          outcome: 'deny',
          expression: `${list(10)}.all(a, ${list(10)}.all(b, ${list(
            10,
          )}.all(c, a + b + c >= 0)))`,
        },
      ],
    } as any);
    expect(problems).toEqual([
      expect.stringMatching(
        /^spec\.rules\.1\.expression: rule cubic: line 1, column \d+: The expression nests 3 comprehension macros \(all, exists, exists_one, map, filter\); the limit is 2/,
      ),
    ]);
  });

  it('counts nesting through map and filter but not macros chained one after another', () => {
    expect(
      problemOf(
        compileCelExpression(
          '[1].map(a, [2].filter(b, [3].exists(c, c == b)).size()).size() > 0',
        ),
      ),
    ).toMatch(/nests 3 comprehension macros/);
    expect(
      compileCelExpression(
        '[1, 2].map(a, a * 2).filter(b, b > 1).exists(c, c == 4) && [1].all(x, x > 0)',
      ).ok,
    ).toBe(true);
  });
});

describe('evaluation budget', () => {
  const policy = (expression: string): IntentPolicyEntityInput => ({
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name: 'costly', namespace: 'default' },
    spec: {
      owner: 'group:default/platform',
      rules: [{ id: 'costly', outcome: 'warn', expression }],
    },
  });

  function evaluate(expression: string) {
    const plan = makePlan([
      { type: 'aws_s3_bucket', name: 'data', bucket: 'data' },
    ] as any);
    return evaluatePolicies({
      plan,
      session,
      baseline: DEFAULT_BASELINE_CONFIG,
      policies: [compileIntentPolicy(policy(expression))],
      cost: { hourlyUsd: 0, unknown: [], lines: [] } as any,
    });
  }

  it('stops an expression that runs out of steps and denies, saying so', () => {
    // Two nested macros (allowed) over the largest list literals: 40,000
    // predicate runs, each of several steps.
    const expression = `${list(200)}.all(a, ${list(200)}.all(b, a + b >= 0))`;
    const start = performance.now();
    const result = evaluate(expression);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(result.verdict).toBe('deny');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'costly',
        outcome: 'deny',
        address: 'aws_s3_bucket.data',
        fix: expect.stringContaining('must make the rule cheaper'),
      }),
    ]);
    // On a loaded machine the time budget may run out before the steps do.
    const [{ message }] = result.findings;
    expect([
      `Rule costly of intentpolicy:default/costly cannot be evaluated on aws_s3_bucket.data: the expression ran out of its evaluation budget of ${CEL_MAX_STEPS} steps`,
      expect.stringMatching(
        /^Rule costly of intentpolicy:default\/costly cannot be evaluated on aws_s3_bucket\.data: the expression ran out of its evaluation time budget after \d+ steps$/,
      ),
    ]).toContainEqual(message);
  });

  it('counts steps deterministically without a time limit', () => {
    const rule = compiled(
      `${list(200)}.all(a, ${list(200)}.all(b, a + b >= 0))`,
    );
    expect(() =>
      rule.evaluate(
        { resource: {}, session },
        { maxSteps: CEL_MAX_STEPS, deadline: Infinity },
      ),
    ).toThrow(
      `the expression ran out of its evaluation budget of ${CEL_MAX_STEPS} steps`,
    );
  });

  it('denies the rules left once the evaluation time budget is spent', () => {
    jest
      .spyOn(performance, 'now')
      .mockReturnValueOnce(0)
      .mockReturnValue(POLICY_EVALUATION_BUDGET_MS + 1);
    try {
      const result = evaluate('resource.type == "aws_s3_bucket"');
      expect(result.findings).toEqual([
        expect.objectContaining({
          outcome: 'deny',
          message: `Rule costly of intentpolicy:default/costly cannot be evaluated on aws_s3_bucket.data: the policy evaluation time budget of ${POLICY_EVALUATION_BUDGET_MS} ms was spent before this rule ran`,
        }),
      ]);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('cannot be escaped by an error-absorbing || once the budget is spent', () => {
    const expression = `${list(200)}.all(a, ${list(
      200,
    )}.all(b, a + b >= 0)) || true`;
    const result = evaluate(expression);
    expect(result.findings).toEqual([
      expect.objectContaining({
        outcome: 'deny',
        message: expect.stringMatching(
          /ran out of its evaluation (time )?budget/,
        ),
      }),
    ]);
  });

  it('stops at the time budget too, failing closed', () => {
    const rule = compiled(`${list(50)}.all(a, a >= 0)`);
    expect(() =>
      rule.evaluate(
        { resource: {}, session },
        { deadline: performance.now() - 1, maxSteps: CEL_MAX_STEPS },
      ),
    ).toThrow(/ran out of its evaluation time budget/);
  });

  it('lets ordinary rules through untouched', () => {
    const result = evaluate('resource.type == "aws_s3_bucket"');
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'costly', outcome: 'warn' }),
    ]);
  });
});

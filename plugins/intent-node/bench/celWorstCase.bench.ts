// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * Worst-case CEL benchmark: the pathological policy rules of issue 10,
 * evaluated through `evaluatePolicies` as the backend evaluates them.
 *
 * - a catastrophic-backtracking regex, `^([a-z0-9]+_?)+_prod$`, against a
 *   resource name of NAME_LENGTH characters that almost matches (a
 *   backtracking engine doubles its time per character: 9 s at 34);
 * - comprehensions over the largest list literals the environment accepts
 *   (200 elements): two nested macros (the catalog's limit) and three (refused
 *   by the catalog, cut off by the evaluation budget).
 *
 * Prints the time of one evaluation of each, the verdict and the finding.
 * Before the fix the regex alone blocked the event loop for seconds.
 *
 * Run: yarn bench:cel  (NAME_LENGTH=24 yarn bench:cel for a shorter name)
 */

import {
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  PLAN_FORMAT_VERSION,
  planSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  compileIntentPolicy,
  evaluatePolicies,
  IntentPolicyEntityInput,
} from '@intent-sandboxes/backstage-plugin-intent-node';

const NAME_LENGTH = Number(process.env.NAME_LENGTH ?? 34);
const ITERATIONS = Number(process.env.ITERATIONS ?? 5);

function policy(id: string, expression: string): IntentPolicyEntityInput {
  return {
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name: `worst-${id}`, namespace: 'default' },
    spec: {
      owner: 'group:default/platform',
      rules: [{ id, outcome: 'deny', expression }],
    },
  };
}

const list = `[${Array.from({ length: 200 }, (_, i) => i).join(', ')}]`;
const CASES: Array<{ id: string; expression: string }> = [
  {
    id: 'redos',
    expression: 'resource.name.matches("^([a-z0-9]+_?)+_prod$")',
  },
  {
    // Two nested macros: the most the catalog accepts; 40,000 predicate runs.
    id: 'nested-2',
    expression: `${list}.all(a, ${list}.all(b, a + b >= 0 && !resource.name.matches("_prod$")))`,
  },
  {
    // Three nested macros: refused by the catalog; evaluated here anyway
    // (as a policy stored before the limit existed would be), 8,000,000
    // predicate runs without a budget.
    id: 'nested-3',
    expression: `${list}.all(a, ${list}.all(b, ${list}.all(c, a + b + c >= 0)))`,
  },
];

// A name of NAME_LENGTH characters that almost matches: no `_prod` suffix.
const name = `${'a1'.repeat(NAME_LENGTH)}`
  .slice(0, NAME_LENGTH - 1)
  .concat('!');
const plan = planSchema.parse({
  formatVersion: PLAN_FORMAT_VERSION,
  region: 'eu-west-1',
  resources: [{ type: 'aws_s3_bucket', name: 'x', bucket: 'x' }],
});
// The plan schema checks names; the policy sees the resource as given here.
(plan.resources[0] as { name: string }).name = name;
const cost = estimateCost(plan);
const session = {
  owner: 'user:default/alice',
  region: 'eu-west-1',
  ttlHours: 4,
};

console.log(`name: ${JSON.stringify(name)} (${name.length} characters)`);
for (const { id, expression } of CASES) {
  const compiled = compileIntentPolicy(policy(id, expression));
  const times: number[] = [];
  let result: ReturnType<typeof evaluatePolicies> | undefined;
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    result = evaluatePolicies({
      plan,
      session,
      baseline: DEFAULT_BASELINE_CONFIG,
      policies: [compiled],
      cost,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const finding = result?.findings.find(f => f.ruleId === id);
  console.log(
    `${id}: ${
      expression.length > 90 ? `${expression.slice(0, 87)}...` : expression
    }\n` +
      `  worst ${Math.max(...times).toFixed(2)} ms, median ${times
        .sort((a, b) => a - b)
        [Math.floor(times.length / 2)].toFixed(
          2,
        )} ms over ${ITERATIONS} runs; ` +
      `verdict ${result?.verdict}; finding: ${(
        finding?.message ?? '(none)'
      ).slice(0, 160)}`,
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  IntentPolicyEntity,
  IntentPolicySpec,
  parseIntentPolicyEntity,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { compileCelExpression, formatCelProblem } from './cel';

/**
 * Compiles every rule expression of a spec and returns one problem per
 * expression that does not compile:
 * `spec.rules.1.expression: rule xlarge-instances: line 1, column 18: Unexpected token: EOF`.
 *
 * @public
 */
export function intentPolicyExpressionProblems(
  spec: IntentPolicySpec,
): string[] {
  return (spec.rules ?? []).flatMap((rule, index) => {
    const compiled = compileCelExpression(rule.expression);
    return compiled.ok
      ? []
      : [
          `spec.rules.${index}.expression: rule ${rule.id}: ${formatCelProblem(
            compiled.problem,
          )}`,
        ];
  });
}

/**
 * Validates an untrusted IntentPolicy entity: its schema, then the CEL
 * expression of every rule. Returns the typed entity, or one readable problem
 * per issue, each starting with the field path
 * (`spec.rules.0.approvers: Required when outcome is require-approval ...`,
 * `spec.rules.1.expression: rule big: line 1, column 18: Unexpected token: EOF`).
 *
 * @public
 */
export function validateIntentPolicyEntity(
  entity: unknown,
):
  | { ok: true; entity: IntentPolicyEntity; problems: [] }
  | { ok: false; problems: string[] } {
  const parsed = parseIntentPolicyEntity(entity);
  if (!parsed.ok) {
    return parsed;
  }
  const problems = intentPolicyExpressionProblems(parsed.entity.spec);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, entity: parsed.entity, problems: [] };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { BASELINE_RULES } from './baseline';
import { BaselineConfig } from '@intent-sandboxes/backstage-plugin-intent-common';
import { CompiledIntentPolicy } from './compilePolicy';

function scopeOf(policy: CompiledIntentPolicy): string {
  const scope = policy.appliesTo;
  if (!scope || scope.all) {
    return 'every session';
  }
  return [
    scope.teams?.length ? `teams ${scope.teams.join(', ')}` : '',
    scope.users?.length ? `users ${scope.users.join(', ')}` : '',
    scope.regions?.length ? `regions ${scope.regions.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The guardrails in plain lines, for a planner's prompt: the baseline rules
 * that are on with their limits, and every IntentPolicy rule with its
 * outcome and scope. Informational only: policy always runs on the plan.
 *
 * @public
 */
export function summarizeGuardrails(options: {
  baseline: BaselineConfig;
  policies: CompiledIntentPolicy[];
}): string {
  const { baseline, policies } = options;
  const lines = BASELINE_RULES.filter(
    rule => baseline.rules[rule.id] !== 'off',
  ).map(rule => `[${baseline.rules[rule.id]}] ${rule.title}`);
  lines.push(
    `Limits: regions ${baseline.allowedRegions.join(', ')}; at most ${
      baseline.maxInstances
    } instances and $${
      baseline.maxHourlyUsd
    }/hour per session; ttlHours at most ${baseline.maxTtlHours}${
      baseline.requiredTags.length
        ? `; required tags ${baseline.requiredTags.join(', ')}`
        : ''
    }`,
  );
  for (const policy of policies) {
    if (policy.problems.length > 0) {
      lines.push(
        `[deny] ${
          policy.ref
        } cannot be evaluated, so it denies every plan of ${scopeOf(policy)}`,
      );
      continue;
    }
    for (const rule of policy.rules) {
      if (!rule.compiled.ok) {
        lines.push(
          `[deny] ${policy.ref} ${
            rule.id
          } cannot be evaluated, so it denies every plan of ${scopeOf(policy)}`,
        );
        continue;
      }
      const outcome =
        rule.outcome === 'require-approval'
          ? `require-approval by ${rule.approvers}`
          : rule.outcome;
      lines.push(
        `[${outcome}] ${policy.ref} ${rule.id} (${scopeOf(policy)}): ${
          rule.message ?? rule.description ?? rule.expression
        }`,
      );
    }
  }
  return lines.map(line => `- ${line}`).join('\n');
}

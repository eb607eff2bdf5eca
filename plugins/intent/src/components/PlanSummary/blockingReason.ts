// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PlanPreview } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Why a plan cannot go ahead yet ("Plan it" and "Apply" stay disabled), or
 * undefined when nothing stands in the way: a deny of the guardrails, or a
 * question the planner needs answered.
 */
export function blockingReason(
  plan: Pick<PlanPreview, 'policy' | 'questions'>,
): string | undefined {
  if (plan.policy.verdict === 'deny') {
    const denied = plan.policy.findings.filter(f => f.outcome === 'deny');
    const first = denied[0];
    return first
      ? `Denied by policy: ${first.message}${
          first.fix ? ` What to do: ${first.fix}` : ''
        }`
      : 'Denied by policy: change the intent so that the guardrails allow it.';
  }
  if (plan.questions.length > 0) {
    return `Answer the planner's question first: ${plan.questions[0]} Say it in the intent.`;
  }
  return undefined;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PolicyOutcome } from './IntentPolicyEntity';

/**
 * The verdict on a plan: `allow` when no rule matched, otherwise the
 * strictest outcome of its findings.
 *
 * @public
 */
export type PolicyVerdict = 'allow' | PolicyOutcome;

/**
 * One rule that matched a plan (or could not be evaluated, which is a
 * `deny`).
 *
 * @public
 */
export interface PolicyFinding {
  /** The rule: a baseline rule id such as `imdsv2-required`, or the id of a policy's rule. */
  ruleId: string;
  /** `baseline`, or the entity ref of the IntentPolicy the rule belongs to. */
  source: string;
  outcome: PolicyOutcome;
  /** The resource the finding is about; absent for session-wide findings. */
  address?: string;
  /** The offending field of the resource (or of the session/plan), e.g. `ingress[0].cidrBlocks`. */
  field?: string;
  message: string;
  /** What to change so that the rule no longer matches. */
  fix: string;
  /** For `require-approval`: the group whose members may approve, e.g. `group:default/platform-team`. */
  approvers?: string;
  /** Ids of the matching Checkov and Trivy checks, e.g. `CKV_AWS_79`, `AVD-AWS-0028`. */
  checkIds?: string[];
}

/** Source of the findings of the built-in baseline rules. @public */
export const BASELINE_SOURCE = 'baseline';

const SEVERITY: Record<PolicyVerdict, number> = {
  allow: 0,
  warn: 1,
  'require-approval': 2,
  deny: 3,
};

/**
 * Orders verdicts from the most to the least strict: negative when `a` is
 * stricter than `b`.
 *
 * @public
 */
export function compareVerdicts(a: PolicyVerdict, b: PolicyVerdict): number {
  return SEVERITY[b] - SEVERITY[a];
}

/**
 * The strictest outcome of the findings, `allow` when there are none.
 *
 * @public
 */
export function verdictOf(
  findings: ReadonlyArray<Pick<PolicyFinding, 'outcome'>>,
): PolicyVerdict {
  return findings.reduce<PolicyVerdict>(
    (verdict, finding) =>
      compareVerdicts(finding.outcome, verdict) < 0 ? finding.outcome : verdict,
    'allow',
  );
}

/**
 * The result of evaluating a plan: the strictest outcome and every finding,
 * the strictest first.
 *
 * @public
 */
export interface PolicyEvaluation {
  verdict: PolicyVerdict;
  findings: PolicyFinding[];
  /** Refs of the IntentPolicies that applied to the session. */
  appliedPolicies: string[];
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ServiceUnavailableError } from '@backstage/errors';
import {
  compareVerdicts,
  Plan,
  PolicyEvaluation,
  PolicyFinding,
  verdictOf,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  type CloudPlanCheck,
  type CloudProvider,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { withRetries } from './retries';

/** What the cloud's checks add to a revision. */
export interface CloudCheckResult {
  /** `deny` and `warn` checks, as policy findings from `cloud:<provider id>`. */
  findings: PolicyFinding[];
  /** `question` checks: the revision cannot be applied until they are answered. */
  questions: string[];
}

/** The source of a cloud's findings, e.g. `cloud:aws`. */
export function cloudSource(provider: Pick<CloudProvider, 'id'>): string {
  return `cloud:${provider.id}`;
}

/** Splits the cloud's checks into policy findings and plan questions. Pure. */
export function toCloudCheckResult(
  source: string,
  checks: CloudPlanCheck[],
): CloudCheckResult {
  const findings: PolicyFinding[] = [];
  const questions: string[] = [];
  for (const check of checks) {
    if (check.outcome === 'question') {
      const where = check.address ? `${check.address}: ` : '';
      const question = `${where}${check.message}: ${check.fix}`;
      if (!questions.includes(question)) {
        questions.push(question);
      }
      continue;
    }
    findings.push({
      ruleId: check.id,
      source,
      outcome: check.outcome,
      ...(check.address ? { address: check.address } : {}),
      ...(check.field ? { field: check.field } : {}),
      message: check.message,
      fix: check.fix,
    });
  }
  return { findings, questions };
}

/**
 * Adds the cloud's findings to a policy evaluation: the verdict is the
 * strictest of all, findings stay ordered strictest first. Pure.
 */
export function withCloudFindings(
  policy: PolicyEvaluation,
  findings: PolicyFinding[],
): PolicyEvaluation {
  if (findings.length === 0) {
    return policy;
  }
  const all = [...policy.findings, ...findings].sort((a, b) =>
    compareVerdicts(a.outcome, b.outcome),
  );
  return { ...policy, verdict: verdictOf(all), findings: all };
}

/**
 * The cloud ids of a plan's resources that run already, as far as planning
 * knows them: the existing entries it resolved, and buckets of what runs
 * (a bucket's cloud id is its name), so the cloud does not report a
 * session's own bucket as a name taken.
 */
export function liveIds(
  plan: Plan,
  prior: Plan | null,
  resolvedExisting: Record<string, string>,
): Record<string, string> {
  const live: Record<string, string> = { ...resolvedExisting };
  for (const before of prior?.resources ?? []) {
    if (before.type !== 'aws_s3_bucket' || !before.bucketName) continue;
    const now = plan.resources.find(
      r => r.type === 'aws_s3_bucket' && r.name === before.name,
    );
    if (now?.type === 'aws_s3_bucket' && now.bucketName === before.bucketName) {
      live[`aws_s3_bucket.${before.name}`] = before.bucketName;
    }
  }
  return live;
}

/**
 * Runs the cloud's plan checks (when it has them). A throttled or unreachable
 * cloud is retried a few times, then planning fails with 503 and nothing is
 * stored, as when an image cannot be resolved: the requester tries again. A
 * refusal that retrying will not fix (e.g. the provider's role lacks
 * `ec2:DescribeInstanceTypeOfferings`) becomes a `deny` finding
 * `cloud-checks-failed` with the cloud's message: the plan can be read, but
 * not applied unchecked (fail closed).
 */
export async function runCloudChecks(input: {
  provider: CloudProvider;
  plan: Plan;
  live: Record<string, string>;
  signal?: AbortSignal;
}): Promise<CloudCheckResult> {
  const { provider, plan } = input;
  if (!provider.checkPlan) {
    return { findings: [], questions: [] };
  }
  const signal = input.signal ?? new AbortController().signal;
  const source = cloudSource(provider);
  let checks: CloudPlanCheck[];
  try {
    checks = await withRetries(
      () =>
        provider.checkPlan!({
          region: plan.region,
          plan,
          live: input.live,
          signal,
        }),
      { maxAttempts: 3, baseMillis: 100, maxMillis: 1000, signal },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!CloudError.isCloudError(error) || error.retryable) {
      throw new ServiceUnavailableError(
        `The ${provider.id} cloud could not be reached to check the plan in ${plan.region}; nothing was stored, try again`,
        error,
      );
    }
    return {
      findings: [
        {
          ruleId: 'cloud-checks-failed',
          source,
          outcome: 'deny',
          message: `The ${provider.id} cloud refused the checks of this plan: ${message}`,
          fix: 'Give the provider the permissions its README lists (or fix what the message names), then plan again with a follow-up',
        },
      ],
      questions: [],
    };
  }
  return toCloudCheckResult(source, checks);
}

/**
 * Whether a plan has anything the cloud checks (instances, named buckets,
 * existing entries): a plan without asks nothing of the cloud, so a
 * session whose cloud is no longer installed can still be planned.
 */
export function hasCloudChecks(plan: Plan): boolean {
  return (
    plan.existing.length > 0 ||
    plan.resources.some(
      r =>
        r.type === 'aws_instance' ||
        (r.type === 'aws_s3_bucket' && r.bucketName !== undefined),
    )
  );
}

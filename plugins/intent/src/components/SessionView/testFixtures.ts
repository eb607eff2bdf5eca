// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  diffPlans,
  estimateCost,
  PolicyFinding,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  instance,
  makePlan,
} from '@intent-sandboxes/backstage-plugin-intent-common/testUtils';

/** A planned session with one t3.micro (test data for the components' tests). */
export function plannedSession(
  overrides: { findings?: PolicyFinding[]; questions?: string[] } = {},
): SessionDetails {
  const plan = makePlan(
    [
      instance('sandbox', {
        instanceType: 't3.micro',
        image: { os: 'debian', version: '12', architecture: 'x86_64' },
      }),
    ],
    { region: 'eu-west-1', ttlHours: 8 },
  );
  const findings = overrides.findings ?? [];
  let verdict: 'allow' | 'require-approval' | 'deny' = 'allow';
  if (findings.some(f => f.outcome === 'deny')) {
    verdict = 'deny';
  } else if (findings.some(f => f.outcome === 'require-approval')) {
    verdict = 'require-approval';
  }
  return {
    session: {
      id: 's1',
      title: 'a t3.micro with Debian',
      owner: 'user:default/dana',
      team: 'group:default/payments',
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'planned',
      expiresAt: null,
      createdAt: '2026-11-25T00:00:00.000Z',
      updatedAt: '2026-11-25T00:00:00.000Z',
      promotedTo: null,
    },
    revisions: [
      {
        planner: 'rules',
        plan,
        assumptions: [],
        questions: overrides.questions ?? [],
        outOfScope: [],
        sessionId: 's1',
        seq: 1,
        intent: 'a t3.micro with Debian in eu-west-1',
        planHash: 'abc123',
        status: 'proposed',
        modification: null,
        diff: diffPlans(null, plan),
        policy: { verdict, findings, appliedPolicies: [] },
        cost: estimateCost(plan),
        approvedBy: null,
        createdBy: 'user:default/dana',
        createdAt: '2026-11-25T00:00:00.000Z',
      },
    ],
    resources: [],
    operations: [],
    lock: null,
    approvals: [],
  };
}

export const denyFinding: PolicyFinding = {
  ruleId: 'no-provisioned-iops-volumes',
  source: 'intentpolicy:default/eu-sandboxes',
  outcome: 'deny',
  address: 'aws_ebs_volume.data',
  message: 'Provisioned-IOPS volumes are not allowed for EU sandboxes.',
  fix: 'Use gp3.',
};

export const approvalFinding: PolicyFinding = {
  ruleId: 'gpu-instances-need-approval',
  source: 'intentpolicy:default/platform-guardrails',
  outcome: 'require-approval',
  address: 'aws_instance.sandbox',
  approvers: 'group:default/platform',
  message: 'GPU instances need the platform team’s approval.',
  fix: 'Ask a member of group:default/platform',
};

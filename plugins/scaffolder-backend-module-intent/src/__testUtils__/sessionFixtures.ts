// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  planSchema,
  Revision,
  RevisionStatus,
  SessionDetails,
  SessionResource,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/* What the fake intent API answers: a session with one web instance. */

const OWNER = 'user:default/guest';

/** A plan of one `aws_instance.web` on Ubuntu 24.04. */
export function webInstancePlan(instanceType: string): Plan {
  return planSchema.parse({
    formatVersion: 1,
    region: 'eu-west-1',
    resources: [
      {
        type: 'aws_instance',
        name: 'web',
        instanceType,
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      },
    ],
  });
}

/** A revision planned by the rules planner, allowed and free; its hash is `hash-<seq>`. */
export function testRevision(fields: {
  sessionId: string;
  seq: number;
  plan: Plan;
  status: RevisionStatus;
  /** How many resources its diff creates. */
  creates: number;
}): Revision {
  return {
    sessionId: fields.sessionId,
    seq: fields.seq,
    intent: 'a t3.micro with Ubuntu 24.04',
    planner: 'rules',
    plan: fields.plan,
    assumptions: [],
    questions: [],
    outOfScope: [],
    modification: null,
    diff: {
      changes: [],
      counts: {
        create: fields.creates,
        update: 0,
        replace: 0,
        delete: 0,
        noop: 0,
      },
      destructive: false,
    },
    policy: { verdict: 'allow', findings: [], appliedPolicies: [] },
    cost: {
      hourlyUsd: 0,
      monthlyUsd: 0,
      perResource: [],
      unknown: [],
      pricesAsOf: '2025-06',
    },
    planHash: `hash-${fields.seq}`,
    status: fields.status,
    createdBy: OWNER,
    approvedBy: null,
    createdAt: '2026-01-01T10:00:00.000Z',
  };
}

/** The running `aws_instance.web` of a session. */
export function webInstanceResource(
  desired: Record<string, unknown>,
  actual: Record<string, unknown>,
): SessionResource {
  return {
    address: 'aws_instance.web',
    type: 'aws_instance',
    region: null,
    cloudId: 'i-0123456789abcdef0',
    replacedCloudId: null,
    status: 'running',
    desired,
    actual,
    updatedAt: '2026-01-01T10:05:00.000Z',
  };
}

/** A simulated session of `user:default/guest` in eu-west-1. */
export function testSessionDetails(fields: {
  id: string;
  title: string;
  status: SessionStatus;
  revisions: Revision[];
  resources: SessionResource[];
}): SessionDetails {
  return {
    session: {
      id: fields.id,
      title: fields.title,
      owner: OWNER,
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: fields.status,
      expiresAt: '2026-01-01T14:00:00.000Z',
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:05:00.000Z',
      promotedTo: null,
    },
    revisions: fields.revisions,
    operations: [],
    lock: null,
    approvals: [],
    resources: fields.resources,
  };
}

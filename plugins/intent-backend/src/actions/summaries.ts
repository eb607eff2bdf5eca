// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  PlanPreview,
  Revision,
  Session,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { z as zodV3 } from 'zod/v3';

// What actions return: the parts of a session a model needs to explain it
// and choose the next call, without the full desired/actual resource state
// (the portal page, `portalUrl`, shows everything).

/** The `z` the actions registry hands to schema callbacks (zod v3). */
export type Zod = typeof zodV3;

const SESSION_STATUSES = [
  'draft',
  'planned',
  'applying',
  'active',
  'failed',
  'destroying',
  'destroyed',
  'expired',
  'promoted',
] as const;

export const sessionStatusSchema = (z: Zod) =>
  z
    .enum(SESSION_STATUSES)
    .describe(
      'draft: no resources planned yet (answer the questions); planned: ready to apply; applying/destroying: an operation runs; active: resources run; failed: retry apply or destroy; destroyed/expired/promoted: final',
    );

export const sessionSchema = (z: Zod) =>
  z.object({
    id: z.string(),
    title: z.string(),
    status: sessionStatusSchema(z),
    owner: z.string().describe('Entity ref of the user who asked for it'),
    team: z.string().nullable(),
    provider: z.string().describe('The cloud it runs on'),
    region: z.string(),
    expiresAt: z
      .string()
      .nullable()
      .describe('When it is destroyed automatically (ISO 8601)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  });

export function toSession(session: Session) {
  const { promotedTo: _promotedTo, ...rest } = session;
  return rest;
}

/** A plan as previewed or as a revision holds it. */
const planFields = (z: Zod) => ({
  planner: z.string().describe('Which planner made the plan'),
  planHash: z
    .string()
    .describe('Quote it to apply-revision: it names the plan you reviewed'),
  region: z.string(),
  resources: z
    .array(z.record(z.unknown()))
    .describe('The planned resources, each with its type, name and settings'),
  changes: z
    .array(
      z.object({
        address: z.string(),
        type: z.string(),
        action: z.enum(['create', 'update', 'replace', 'delete', 'noop']),
      }),
    )
    .describe('What an apply would do, against what runs now'),
  destructive: z
    .boolean()
    .describe('True when an apply deletes or replaces something'),
  assumptions: z.array(
    z.object({ field: z.string(), value: z.string(), reason: z.string() }),
  ),
  questions: z
    .array(z.string())
    .describe(
      'What the planner could not decide: ask the user, then send the answer with follow-up',
    ),
  outOfScope: z.array(z.string()),
  modification: z.string().nullable(),
  policy: z.object({
    verdict: z
      .string()
      .describe(
        'allow, warn, require-approval or deny; deny blocks apply, require-approval needs an approver in the portal',
      ),
    findings: z.array(
      z.object({
        ruleId: z.string(),
        outcome: z.string(),
        address: z.string().optional(),
        message: z.string(),
        fix: z
          .string()
          .describe('What to change so the rule no longer matches'),
        approvers: z.string().optional(),
      }),
    ),
  }),
  cost: z.object({ hourlyUsd: z.number(), monthlyUsd: z.number() }),
});

export const planSchema = (z: Zod) => z.object(planFields(z));

export function toPlan(preview: PlanPreview | Revision) {
  return {
    planner: preview.planner,
    planHash: preview.planHash,
    region: preview.plan.region,
    resources: preview.plan.resources as unknown as Record<string, unknown>[],
    changes: preview.diff.changes.map(c => ({
      address: c.address,
      type: c.type,
      action: c.action,
    })),
    destructive: preview.diff.destructive,
    assumptions: preview.assumptions,
    questions: preview.questions,
    outOfScope: preview.outOfScope,
    modification: preview.modification,
    policy: {
      verdict: preview.policy.verdict,
      findings: preview.policy.findings.map(f => ({
        ruleId: f.ruleId,
        outcome: f.outcome,
        address: f.address,
        message: f.message,
        fix: f.fix,
        approvers: f.approvers,
      })),
    },
    cost: {
      hourlyUsd: preview.cost.hourlyUsd,
      monthlyUsd: preview.cost.monthlyUsd,
    },
  };
}

export const sessionDetailsSchema = (z: Zod) =>
  z.object({
    session: sessionSchema(z),
    latestRevision: z
      .object({
        seq: z.number(),
        status: z
          .string()
          .describe(
            'proposed, approved, rejected, applied, superseded or failed',
          ),
        intent: z.string(),
        approvedBy: z.string().nullable(),
        ...planFields(z),
      })
      .describe('The newest plan of the session: what apply-revision applies'),
    resources: z
      .array(
        z.object({
          address: z.string(),
          type: z.string(),
          cloudId: z.string().nullable(),
          status: z.string(),
        }),
      )
      .describe('What runs in the cloud'),
    operations: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(['apply', 'destroy']),
          status: z.enum(['running', 'succeeded', 'failed', 'aborted']),
          error: z.string().nullable(),
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
        }),
      )
      .describe('The latest apply and destroy runs, newest first'),
    lock: z
      .object({
        operationId: z.string(),
        holder: z.string(),
        expiresAt: z.string(),
      })
      .nullable()
      .describe(
        'The operation that holds the session now; changes wait for it',
      ),
    connections: z
      .record(
        z.object({
          protocol: z.enum(['ssh', 'rdp']),
          loginUser: z.string(),
          address: z.string().optional(),
          ssh: z.string().optional().describe('The ssh command to connect'),
          rdp: z.string().optional(),
          ssm: z
            .string()
            .describe('Connects through AWS SSM, without a public address'),
        }),
      )
      .optional()
      .describe('How to reach each running instance, by its address'),
    nextSteps: z
      .array(z.string())
      .describe('What can be done next, in words to relay to the user'),
    portalUrl: z.string().optional().describe('The session page in the portal'),
  });

export type SessionDetailsOutput = zodV3.infer<
  ReturnType<typeof sessionDetailsSchema>
>;

/** The calls that make sense now, worded for the model to follow or relay. */
export function nextStepsOf(details: SessionDetails): string[] {
  const { session, revisions, lock } = details;
  const revision = revisions[revisions.length - 1];
  if (lock) {
    return [
      `Wait: operation ${lock.operationId} runs; call get-session again to follow it`,
    ];
  }
  const steps: string[] = [];
  switch (session.status) {
    case 'draft':
      steps.push(
        'Answer the planner\u2019s questions with follow-up (nothing is planned yet)',
      );
      break;
    case 'planned':
    case 'failed':
      if (revision.policy.verdict === 'deny') {
        steps.push(
          'Policy denies this plan: change it with follow-up, following each finding\u2019s fix',
        );
      } else if (
        revision.policy.verdict === 'require-approval' &&
        revision.status !== 'approved'
      ) {
        steps.push(
          'An approver must approve this revision in the portal before it can be applied',
        );
      } else {
        steps.push(
          `Apply with apply-revision and planHash ${revision.planHash}${
            revision.diff.destructive
              ? ' and confirm: true (it deletes or replaces resources)'
              : ''
          }, once the user agrees`,
        );
      }
      steps.push(
        'Change the plan with follow-up',
        'Destroy with destroy-session',
      );
      break;
    case 'active':
      steps.push(
        'Change it with follow-up, then apply-revision',
        'Extend its lifetime with extend-session',
        'Stop, start or reboot an instance with instance-action',
        'Destroy it with destroy-session when done',
      );
      break;
    default:
      break;
  }
  return steps;
}

export function toSessionDetails(
  details: SessionDetails,
  appBaseUrl?: string,
): SessionDetailsOutput {
  const revision = details.revisions[details.revisions.length - 1];
  return {
    session: toSession(details.session),
    latestRevision: {
      seq: revision.seq,
      status: revision.status,
      intent: revision.intent,
      approvedBy: revision.approvedBy,
      ...toPlan(revision),
    },
    resources: details.resources.map(r => ({
      address: r.address,
      type: r.type,
      cloudId: r.cloudId,
      status: r.status,
    })),
    operations: details.operations.slice(0, 5).map(o => ({
      id: o.id,
      kind: o.kind,
      status: o.status,
      error: o.error,
      startedAt: o.startedAt,
      finishedAt: o.finishedAt,
    })),
    lock: details.lock && {
      operationId: details.lock.operationId,
      holder: details.lock.holder,
      expiresAt: details.lock.expiresAt,
    },
    ...(details.connections && {
      connections: Object.fromEntries(
        Object.entries(details.connections).map(([address, c]) => [
          address,
          {
            protocol: c.protocol,
            loginUser: c.loginUser,
            address: c.address,
            ssh: c.ssh,
            rdp: c.rdp,
            ssm: c.ssm,
          },
        ]),
      ),
    }),
    nextSteps: nextStepsOf(details),
    ...(appBaseUrl && {
      portalUrl: `${appBaseUrl}/intent/sessions/${details.session.id}`,
    }),
  };
}

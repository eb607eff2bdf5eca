// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// The tables' rows and their mapping to API types, shared by the stores of
// this folder and private to it (not exported from the package).

import type {
  Approval,
  AuditEvent,
  Operation,
  OperationStep,
  Revision,
  RevisionStatus,
  Session,
  SessionLock,
  SessionResource,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { NewRevision } from './SessionStore';

/** SQLite returns epoch milliseconds, PostgreSQL and MySQL a Date. */
export type Timestamp = Date | string | number;

export type SessionRow = {
  id: string;
  title: string;
  owner: string;
  team: string | null;
  provider: string;
  region: string;
  status: string;
  expires_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  promoted_to: string | null;
};

export type RevisionRow = {
  session_id: string;
  seq: number;
  intent: string;
  planner: string;
  plan: string;
  assumptions: string;
  questions: string;
  out_of_scope: string;
  modification: string | null;
  diff: string;
  policy: string;
  cost: string;
  plan_hash: string;
  status: string;
  created_by: string;
  approved_by: string | null;
  created_at: Timestamp;
};

export type ResourceRow = {
  session_id: string;
  address: string;
  type: string;
  /** Null on rows written before the column existed. */
  region: string | null;
  desired: string;
  actual: string | null;
  cloud_id: string | null;
  replaced_cloud_id: string | null;
  status: string;
  drift: string | null;
  last_checked_at: Timestamp | null;
  updated_at: Timestamp;
};

export type OperationRow = {
  id: string;
  session_id: string;
  kind: string;
  revision_seq: number | null;
  status: string;
  actor: string;
  error: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
};

export type StepRow = {
  id: number | string;
  operation_id: string;
  step: string;
  status: string;
  cloud_id: string | null;
  message: string | null;
  at: Timestamp;
};

export type LockRow = {
  key: string;
  operation_id: string;
  holder: string;
  acquired_at: Timestamp;
  expires_at: Timestamp;
  /** Incremented on every grant: the fencing token. */
  generation: number | string;
  /** Set once released; the row stays so that `generation` keeps growing. */
  released_at: Timestamp | null;
};

export type ApprovalRow = {
  id: number | string;
  session_id: string;
  seq: number;
  plan_hash: string;
  decision: string;
  actor: string;
  comment: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
};

export type AuditRow = {
  id: number | string;
  session_id: string | null;
  revision_seq: number | null;
  actor: string;
  action: string;
  details: string;
  created_at: Timestamp;
};

export function toIso(value: Timestamp): string {
  return new Date(value).toISOString();
}

function toIsoOrNull(value: Timestamp | null): string | null {
  return value === null ? null : toIso(value);
}

function toNumberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

export function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    team: row.team,
    provider: row.provider,
    region: row.region,
    status: row.status as SessionStatus,
    expiresAt: toIsoOrNull(row.expires_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    promotedTo: row.promoted_to,
  };
}

export function toRevision(row: RevisionRow): Revision {
  return {
    sessionId: row.session_id,
    seq: Number(row.seq),
    intent: row.intent,
    planner: row.planner,
    plan: JSON.parse(row.plan),
    assumptions: JSON.parse(row.assumptions),
    questions: JSON.parse(row.questions),
    outOfScope: JSON.parse(row.out_of_scope),
    modification: row.modification,
    diff: JSON.parse(row.diff),
    policy: JSON.parse(row.policy),
    cost: JSON.parse(row.cost),
    planHash: row.plan_hash,
    status: row.status as RevisionStatus,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    createdAt: toIso(row.created_at),
  };
}

export function toResource(row: ResourceRow): SessionResource {
  return {
    address: row.address,
    type: row.type,
    region: row.region,
    cloudId: row.cloud_id,
    replacedCloudId: row.replaced_cloud_id,
    status: row.status,
    desired: JSON.parse(row.desired),
    actual: row.actual === null ? null : JSON.parse(row.actual),
    updatedAt: toIso(row.updated_at),
  };
}

export function toOperation(row: OperationRow): Omit<Operation, 'steps'> {
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind as Operation['kind'],
    revisionSeq: toNumberOrNull(row.revision_seq),
    status: row.status as Operation['status'],
    actor: row.actor,
    error: row.error,
    startedAt: toIso(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
  };
}

export function toStep(row: StepRow): OperationStep {
  return {
    step: row.step,
    status: row.status as OperationStep['status'],
    cloudId: row.cloud_id,
    message: row.message,
    at: toIso(row.at),
  };
}

export function toLock(row: LockRow): SessionLock {
  return {
    operationId: row.operation_id,
    holder: row.holder,
    acquiredAt: toIso(row.acquired_at),
    expiresAt: toIso(row.expires_at),
  };
}

export function toApproval(row: ApprovalRow): Approval {
  return {
    seq: Number(row.seq),
    planHash: row.plan_hash,
    decision: row.decision as Approval['decision'],
    actor: row.actor,
    comment: row.comment,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: Number(row.id),
    sessionId: row.session_id,
    revisionSeq: toNumberOrNull(row.revision_seq),
    actor: row.actor,
    action: row.action,
    details: JSON.parse(row.details),
    createdAt: toIso(row.created_at),
  };
}

export function revisionRow(
  sessionId: string,
  seq: number,
  revision: NewRevision,
  now: Date,
): RevisionRow {
  return {
    session_id: sessionId,
    seq,
    intent: revision.intent,
    planner: revision.planner,
    plan: JSON.stringify(revision.plan),
    assumptions: JSON.stringify(revision.assumptions),
    questions: JSON.stringify(revision.questions),
    out_of_scope: JSON.stringify(revision.outOfScope),
    modification: revision.modification,
    diff: JSON.stringify(revision.diff),
    policy: JSON.stringify(revision.policy),
    cost: JSON.stringify(revision.cost),
    plan_hash: revision.planHash,
    status: 'proposed',
    created_by: revision.createdBy,
    approved_by: null,
    created_at: now,
  };
}

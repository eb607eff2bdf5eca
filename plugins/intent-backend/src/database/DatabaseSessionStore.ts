// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DatabaseService,
  isDatabaseConflictError,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  Approval,
  AuditEvent,
  Operation,
  OperationStep,
  Revision,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionResource,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { SessionQuery } from '../permissions';
import { AuditRow, insertAuditEvent } from './auditRows';
import {
  AuditEntry,
  NewRevision,
  SessionFilter,
  SessionStore,
} from './SessionStore';

const migrationsDir = resolvePackagePath(
  '@intent-sandboxes/backstage-plugin-intent-backend',
  'migrations',
);

type Timestamp = Date | string | number;

type SessionRow = {
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

type RevisionRow = {
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

type ResourceRow = {
  session_id: string;
  address: string;
  type: string;
  desired: string;
  actual: string | null;
  cloud_id: string | null;
  replaced_cloud_id: string | null;
  status: string;
  drift: string | null;
  last_checked_at: Timestamp | null;
  updated_at: Timestamp;
};

type OperationRow = {
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

type StepRow = {
  id: number | string;
  operation_id: string;
  step: string;
  status: string;
  cloud_id: string | null;
  message: string | null;
  at: Timestamp;
};

type LockRow = {
  key: string;
  operation_id: string;
  holder: string;
  acquired_at: Timestamp;
  expires_at: Timestamp;
};

type ApprovalRow = {
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

/** Turns a permission decision's criteria into a WHERE clause. */
function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<SessionQuery>,
) {
  if ('allOf' in criteria) {
    query.where(all =>
      criteria.allOf.forEach(c =>
        all.andWhere(inner => applyCriteria(inner, c)),
      ),
    );
  } else if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) {
      query.whereRaw('1 = 0');
    } else {
      query.where(any =>
        criteria.anyOf.forEach(c =>
          any.orWhere(inner => applyCriteria(inner, c)),
        ),
      );
    }
  } else if ('not' in criteria) {
    query.whereNot(inner => applyCriteria(inner, criteria.not));
  } else {
    // Spelled out so that a NULL team is false, not unknown, under NOT.
    query.where(inner =>
      inner
        .whereIn('owner', criteria.ownedByAnyOf)
        .orWhere(team =>
          team.whereNotNull('team').whereIn('team', criteria.ownedByAnyOf),
        ),
    );
  }
}

/** SQLite returns epoch milliseconds, PostgreSQL and MySQL a Date. */
export function toIso(value: Timestamp): string {
  return new Date(value).toISOString();
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    team: row.team,
    provider: row.provider,
    region: row.region,
    status: row.status as SessionStatus,
    expiresAt: row.expires_at === null ? null : toIso(row.expires_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    promotedTo: row.promoted_to,
  };
}

function toRevision(row: RevisionRow): Revision {
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

function toResource(row: ResourceRow): SessionResource {
  return {
    address: row.address,
    type: row.type,
    cloudId: row.cloud_id,
    replacedCloudId: row.replaced_cloud_id,
    status: row.status,
    desired: JSON.parse(row.desired),
    actual: row.actual === null ? null : JSON.parse(row.actual),
    updatedAt: toIso(row.updated_at),
  };
}

function toOperation(row: OperationRow): Omit<Operation, 'steps'> {
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind as Operation['kind'],
    revisionSeq: row.revision_seq === null ? null : Number(row.revision_seq),
    status: row.status as Operation['status'],
    actor: row.actor,
    error: row.error,
    startedAt: toIso(row.started_at),
    finishedAt: row.finished_at === null ? null : toIso(row.finished_at),
  };
}

function revisionRow(
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

/**
 * The {@link SessionStore} on the plugin's own database (SQLite, PostgreSQL
 * or MySQL).
 *
 * @internal
 */
export class DatabaseSessionStore implements SessionStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSessionStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseSessionStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async createSession(options: {
    session: Pick<
      Session,
      | 'title'
      | 'owner'
      | 'team'
      | 'provider'
      | 'region'
      | 'status'
      | 'expiresAt'
    >;
    revision: NewRevision;
    audit: AuditEntry;
  }): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    const { session } = options;
    await this.db.transaction(async tx => {
      await tx<SessionRow>('sessions').insert({
        id,
        title: session.title,
        owner: session.owner,
        team: session.team,
        provider: session.provider,
        region: session.region,
        status: session.status,
        expires_at:
          session.expiresAt === null ? null : new Date(session.expiresAt),
        created_at: now,
        updated_at: now,
        promoted_to: null,
      });
      await tx<RevisionRow>('revisions').insert(
        revisionRow(id, 1, options.revision, now),
      );
      await insertAuditEvent(tx, id, { ...options.audit, revisionSeq: 1 });
    });
    return id;
  }

  async addRevision(options: {
    sessionId: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision: NewRevision;
    audit: AuditEntry;
  }): Promise<number | undefined> {
    try {
      return await this.db.transaction(async tx => {
        const now = new Date();
        const updated = await tx<SessionRow>('sessions')
          .where({ id: options.sessionId })
          .whereIn('status', options.from)
          .update({
            status: options.to,
            region: options.revision.plan.region,
            updated_at: now,
          });
        if (updated !== 1) {
          return undefined;
        }
        const [{ max }] = await tx<RevisionRow>('revisions')
          .where({ session_id: options.sessionId })
          .max({ max: 'seq' });
        const seq = Number(max ?? 0) + 1;
        await tx<RevisionRow>('revisions')
          .where({ session_id: options.sessionId })
          .whereIn('status', ['proposed', 'approved'])
          .update({ status: 'superseded' });
        // Two follow-ups at once collide on (session_id, seq): one of them fails.
        await tx<RevisionRow>('revisions').insert(
          revisionRow(options.sessionId, seq, options.revision, now),
        );
        await insertAuditEvent(tx, options.sessionId, {
          ...options.audit,
          revisionSeq: seq,
        });
        return seq;
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async findSession(options: { id: string }): Promise<Session | undefined> {
    const row = await this.db<SessionRow>('sessions')
      .where({ id: options.id })
      .first();
    return row ? toSession(row) : undefined;
  }

  async getSession(options: { id: string }): Promise<SessionDetails> {
    const row = await this.db<SessionRow>('sessions')
      .where({ id: options.id })
      .first();
    if (!row) {
      throw new NotFoundError(`No session with id ${options.id}`);
    }
    const [revisions, resources, operations, lock, approvals] =
      await Promise.all([
        this.db<RevisionRow>('revisions')
          .where({ session_id: options.id })
          .orderBy('seq', 'asc'),
        this.db<ResourceRow>('resources')
          .where({ session_id: options.id })
          .orderBy('address', 'asc'),
        this.db<OperationRow>('operations')
          .where({ session_id: options.id })
          .orderBy('started_at', 'desc')
          .limit(20),
        this.db<LockRow>('locks')
          .where({ key: `session:${options.id}` })
          .first(),
        this.db<ApprovalRow>('approvals')
          .where({ session_id: options.id })
          .orderBy('id', 'desc'),
      ]);
    return {
      session: toSession(row),
      revisions: revisions.map(toRevision),
      resources: resources.map(toResource),
      operations: operations.map(toOperation),
      lock:
        lock && new Date(lock.expires_at).getTime() > Date.now()
          ? {
              operationId: lock.operation_id,
              holder: lock.holder,
              acquiredAt: toIso(lock.acquired_at),
              expiresAt: toIso(lock.expires_at),
            }
          : null,
      approvals: approvals.map(approval => ({
        seq: Number(approval.seq),
        planHash: approval.plan_hash,
        decision: approval.decision as Approval['decision'],
        actor: approval.actor,
        comment: approval.comment,
        createdAt: toIso(approval.created_at),
        expiresAt: toIso(approval.expires_at),
      })),
    };
  }

  async listSessions(
    options: SessionFilter & { limit: number; offset: number },
  ): Promise<{ items: Session[]; totalCount: number }> {
    const filtered = () => {
      const query = this.db<SessionRow>('sessions');
      if (options.owner) {
        query.where({ owner: options.owner });
      }
      if (options.status) {
        query.where({ status: options.status });
      }
      if (options.criteria) {
        applyCriteria(query, options.criteria);
      }
      return query;
    };
    const [rows, [{ count }]] = await Promise.all([
      filtered()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      filtered().count({ count: '*' }),
    ]);
    return { items: rows.map(toSession), totalCount: Number(count) };
  }

  async transition(options: {
    id: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision?: { seq: number; status: RevisionStatus; approvedBy?: string };
    expiresAt?: string | null;
    audit: AuditEntry;
  }): Promise<boolean> {
    return this.db.transaction(async tx => {
      const patch: Partial<SessionRow> = {
        status: options.to,
        updated_at: new Date(),
      };
      if (options.expiresAt !== undefined) {
        patch.expires_at =
          options.expiresAt === null ? null : new Date(options.expiresAt);
      }
      const updated = await tx<SessionRow>('sessions')
        .where({ id: options.id })
        .whereIn('status', options.from)
        .update(patch);
      if (updated !== 1) {
        return false;
      }
      if (options.revision) {
        await tx<RevisionRow>('revisions')
          .where({ session_id: options.id, seq: options.revision.seq })
          .update({
            status: options.revision.status,
            ...(options.revision.approvedBy
              ? { approved_by: options.revision.approvedBy }
              : {}),
          });
      }
      await insertAuditEvent(tx, options.id, {
        ...options.audit,
        revisionSeq: options.audit.revisionSeq ?? options.revision?.seq,
      });
      return true;
    });
  }

  async saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt'>;
  }): Promise<void> {
    const { resource } = options;
    const now = new Date();
    await this.db<ResourceRow>('resources')
      .insert({
        session_id: options.sessionId,
        address: resource.address,
        type: resource.type,
        desired: JSON.stringify(resource.desired),
        actual:
          resource.actual === null ? null : JSON.stringify(resource.actual),
        cloud_id: resource.cloudId,
        replaced_cloud_id: resource.replacedCloudId,
        status: resource.status,
        drift: null,
        last_checked_at: now,
        updated_at: now,
      })
      .onConflict(['session_id', 'address'])
      .merge([
        'desired',
        'actual',
        'cloud_id',
        'replaced_cloud_id',
        'status',
        'last_checked_at',
        'updated_at',
      ]);
  }

  async deleteResource(options: {
    sessionId: string;
    address: string;
  }): Promise<void> {
    await this.db<ResourceRow>('resources')
      .where({ session_id: options.sessionId, address: options.address })
      .delete();
  }

  async createOperation(options: {
    id: string;
    sessionId: string;
    kind: Operation['kind'];
    revisionSeq: number | null;
    actor: string;
  }): Promise<void> {
    await this.db<OperationRow>('operations').insert({
      id: options.id,
      session_id: options.sessionId,
      kind: options.kind,
      revision_seq: options.revisionSeq,
      status: 'running',
      actor: options.actor,
      error: null,
      started_at: new Date(),
      finished_at: null,
    });
  }

  async appendStep(
    options: { operationId: string } & Omit<OperationStep, 'at'>,
  ): Promise<void> {
    await this.db<StepRow>('operation_steps').insert({
      operation_id: options.operationId,
      step: options.step,
      status: options.status,
      cloud_id: options.cloudId,
      message: options.message,
      at: new Date(),
    });
  }

  async finishOperation(options: {
    operationId: string;
    status: 'succeeded' | 'failed';
    error?: string;
  }): Promise<void> {
    await this.db<OperationRow>('operations')
      .where({ id: options.operationId })
      .update({
        status: options.status,
        error: options.error ?? null,
        finished_at: new Date(),
      });
  }

  async getOperation(options: { id: string }): Promise<Operation> {
    const row = await this.db<OperationRow>('operations')
      .where({ id: options.id })
      .first();
    if (!row) {
      throw new NotFoundError(`No operation with id ${options.id}`);
    }
    const steps = await this.db<StepRow>('operation_steps')
      .where({ operation_id: options.id })
      .orderBy('id', 'asc');
    return {
      ...toOperation(row),
      steps: steps.map(step => ({
        step: step.step,
        status: step.status as OperationStep['status'],
        cloudId: step.cloud_id,
        message: step.message,
        at: toIso(step.at),
      })),
    };
  }

  async decideRevision(options: {
    sessionId: string;
    from: RevisionStatus[];
    approval: Omit<Approval, 'createdAt'>;
    audit: AuditEntry;
  }): Promise<boolean> {
    const { approval } = options;
    return this.db.transaction(async tx => {
      const updated = await tx<RevisionRow>('revisions')
        .where({
          session_id: options.sessionId,
          seq: approval.seq,
          plan_hash: approval.planHash,
        })
        .whereIn('status', options.from)
        .update({
          status: approval.decision,
          ...(approval.decision === 'approved'
            ? { approved_by: approval.actor }
            : {}),
        });
      if (updated !== 1) {
        return false;
      }
      await tx<ApprovalRow>('approvals').insert({
        session_id: options.sessionId,
        seq: approval.seq,
        plan_hash: approval.planHash,
        decision: approval.decision,
        actor: approval.actor,
        comment: approval.comment,
        created_at: new Date(),
        expires_at: new Date(approval.expiresAt),
      });
      await insertAuditEvent(tx, options.sessionId, {
        ...options.audit,
        revisionSeq: approval.seq,
      });
      return true;
    });
  }

  async appendAudit(
    options: { sessionId: string | null } & AuditEntry,
  ): Promise<void> {
    await insertAuditEvent(this.db, options.sessionId, options);
  }

  async listAuditEvents(options: {
    sessionId?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditEvent[]> {
    const query = this.db<AuditRow>('audit_events')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.sessionId) {
      query.where({ session_id: options.sessionId });
    }
    if (options.beforeId !== undefined) {
      query.where('id', '<', options.beforeId);
    }
    const rows = await query;
    return rows.map(row => ({
      id: Number(row.id),
      sessionId: row.session_id,
      revisionSeq: row.revision_seq === null ? null : Number(row.revision_seq),
      actor: row.actor,
      action: row.action,
      details: JSON.parse(row.details),
      createdAt: toIso(row.created_at),
    }));
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DatabaseService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import type {
  Approval,
  AuditEvent,
  Operation,
  OperationStep,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionResource,
  SessionStatus,
  SessionSummary,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { SessionQuery } from '../permissions';
import { randomUUID } from 'node:crypto';
import { AuditEntry, AuditStore } from './AuditStore';
import { insertAuditEvent } from './auditRows';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import { DatabaseOperationStore } from './DatabaseOperationStore';
import { getMigratedClient } from './migrate';
import { OperationStore } from './OperationStore';
import type { LockGrant } from './LockStore';
import {
  ApprovalRow,
  LockRow,
  OperationRow,
  ResourceRow,
  RevisionRow,
  revisionRow,
  SessionRow,
  toSession,
} from './rows';
import { readSessionDetails } from './sessionDetails';
import {
  applyListFilter,
  appliedCosts,
  readRunRate,
  SessionSummaryRow,
  toSessionSummary,
} from './sessionList';
import { NewRevision, SessionFilter, SessionStore } from './SessionStore';

/** Thrown inside a transaction to roll it back when the session did not move. */
class NotMoved extends Error {}

/**
 * The {@link SessionStore} on the plugin's own database (SQLite, PostgreSQL
 * or MySQL): sessions, revisions, resources and approvals here, operations
 * and the audit log in the stores it composes.
 *
 * @internal
 */
export class DatabaseSessionStore implements SessionStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseSessionStore> {
    const client = await getMigratedClient(options);
    const migrated = { database: options.database, skipMigrations: true };
    return new DatabaseSessionStore(
      client,
      await DatabaseOperationStore.create(migrated),
      await DatabaseAuditStore.create(migrated),
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly operations: OperationStore,
    private readonly audit: AuditStore,
  ) {}

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
          .update({ status: options.to, updated_at: now });
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
    return readSessionDetails(this.db, options.id);
  }

  async listSessions(
    options: SessionFilter & { limit: number; offset: number },
  ): Promise<{ items: SessionSummary[]; totalCount: number }> {
    const filtered = () =>
      applyListFilter(this.db, this.db('sessions'), options);
    const [rows, [{ count }]] = await Promise.all([
      filtered()
        .leftJoin('session_drift', 'session_drift.session_id', 'sessions.id')
        .select<SessionSummaryRow[]>(
          'sessions.*',
          'session_drift.drift_hash as drift_hash',
        )
        .orderBy([
          { column: 'sessions.created_at', order: 'desc' },
          { column: 'sessions.id', order: 'asc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      filtered().count({ count: '*' }),
    ]);
    const costs = await appliedCosts(
      this.db,
      rows.map(row => row.id),
    );
    return {
      items: rows.map(row => toSessionSummary(row, costs.get(row.id))),
      totalCount: Number(count),
    };
  }

  async runRate(options: {
    owner: string;
    teams: string[];
    criteria?: PermissionCriteria<SessionQuery>;
  }): Promise<{ mineUsd: number; teamUsd: number }> {
    return readRunRate(this.db, options);
  }

  async transition(options: {
    id: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision?: { seq: number; status: RevisionStatus; approvedBy?: string };
    expiresAt?: string | null;
    region?: string;
    promotedTo?: string;
    operation?: {
      id: string;
      status: 'succeeded' | 'failed';
      error?: string;
    };
    lock?: LockGrant;
    startsOperation?: {
      id: string;
      kind: Operation['kind'];
      revisionSeq: number | null;
      actor: string;
    };
    audit: AuditEntry;
  }): Promise<boolean> {
    return this.db
      .transaction(async tx => {
        const now = new Date();
        if (options.lock) {
          // Fencing: only the current grant records an outcome; it releases
          // the lock in the same breath.
          const released = await tx<LockRow>('locks')
            .where({
              key: options.lock.key,
              operation_id: options.lock.operationId,
              generation: options.lock.generation,
            })
            .whereNull('released_at')
            .update({ released_at: now });
          if (released !== 1) {
            return false;
          }
        }
        const patch: Partial<SessionRow> = {
          status: options.to,
          updated_at: new Date(),
        };
        if (options.expiresAt !== undefined) {
          patch.expires_at =
            options.expiresAt === null ? null : new Date(options.expiresAt);
        }
        if (options.region !== undefined) {
          patch.region = options.region;
        }
        if (options.promotedTo !== undefined) {
          patch.promoted_to = options.promotedTo;
        }
        const updated = await tx<SessionRow>('sessions')
          .where({ id: options.id })
          .whereIn('status', options.from)
          .update(patch);
        if (updated !== 1) {
          // Not in `from`: undo the lock release above, change nothing.
          throw new NotMoved();
        }
        if (options.startsOperation) {
          // With the state change: a session never moves into an operation's
          // state without the running operation the recovery job looks for.
          await tx<OperationRow>('operations').insert({
            id: options.startsOperation.id,
            session_id: options.id,
            kind: options.startsOperation.kind,
            revision_seq: options.startsOperation.revisionSeq,
            status: 'running',
            actor: options.startsOperation.actor,
            error: null,
            started_at: now,
            finished_at: null,
          });
        }
        if (options.operation) {
          await tx<OperationRow>('operations')
            .where({ id: options.operation.id, status: 'running' })
            .update({
              status: options.operation.status,
              error: options.operation.error ?? null,
              finished_at: now,
            });
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
      })
      .catch(error => {
        if (error instanceof NotMoved) {
          return false;
        }
        throw error;
      });
  }

  async saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt' | 'region'> & {
      region?: string | null;
    };
  }): Promise<void> {
    const { resource } = options;
    const now = new Date();
    await this.db<ResourceRow>('resources')
      .insert({
        session_id: options.sessionId,
        address: resource.address,
        type: resource.type,
        region: resource.region ?? null,
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
        // An update that does not name the region keeps the one on record.
        ...(resource.region === undefined ? [] : ['region' as const]),
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

  // Operations and the audit log: the composed stores.

  createOperation(options: {
    id: string;
    sessionId: string;
    kind: Operation['kind'];
    revisionSeq: number | null;
    actor: string;
  }): Promise<void> {
    return this.operations.createOperation(options);
  }

  appendStep(
    options: { operationId: string } & Omit<OperationStep, 'at'>,
  ): Promise<void> {
    return this.operations.appendStep(options);
  }

  finishOperation(options: {
    operationId: string;
    status: 'succeeded' | 'failed' | 'aborted';
    error?: string;
  }): Promise<void> {
    return this.operations.finishOperation(options);
  }

  abortOperations(options: {
    sessionId: string;
    except: string;
    error: string;
  }): Promise<string[]> {
    return this.operations.abortOperations(options);
  }

  listRunningOperations(): Promise<Array<Omit<Operation, 'steps'>>> {
    return this.operations.listRunningOperations();
  }

  getOperation(options: { id: string }): Promise<Operation> {
    return this.operations.getOperation(options);
  }

  appendAudit(
    options: { sessionId: string | null } & AuditEntry,
  ): Promise<void> {
    return this.audit.appendAudit(options);
  }

  listAuditEvents(options: {
    sessionId?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditEvent[]> {
    return this.audit.listAuditEvents(options);
  }
}

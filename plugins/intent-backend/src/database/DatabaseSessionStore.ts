// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  AuditEvent,
  PlannerResult,
  Revision,
  Session,
  SessionDetails,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { AuditEntry, SessionStore } from './SessionStore';

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
  status: string;
  drift: string | null;
  last_checked_at: Timestamp | null;
  updated_at: Timestamp;
};

type AuditRow = {
  id: number | string;
  session_id: string | null;
  actor: string;
  action: string;
  details: string;
  created_at: Timestamp;
};

/** SQLite returns epoch milliseconds, PostgreSQL a Date, MySQL a Date. */
function toIso(value: Timestamp): string {
  return new Date(value).toISOString();
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    provider: row.provider,
    region: row.region,
    status: row.status as Session['status'],
    expiresAt: row.expires_at === null ? null : toIso(row.expires_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
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
    planHash: row.plan_hash,
    status: row.status as Revision['status'],
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
  };
}

function toResource(row: ResourceRow): SessionResource {
  return {
    address: row.address,
    type: row.type,
    cloudId: row.cloud_id,
    status: row.status,
    desired: JSON.parse(row.desired),
    actual: row.actual === null ? null : JSON.parse(row.actual),
    updatedAt: toIso(row.updated_at),
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
    title: string;
    owner: string;
    provider: string;
    intent: string;
    result: PlannerResult;
    planHash: string;
  }): Promise<SessionDetails> {
    const { result } = options;
    const id = randomUUID();
    const now = new Date();
    await this.db.transaction(async tx => {
      await tx<SessionRow>('sessions').insert({
        id,
        title: options.title,
        owner: options.owner,
        team: null,
        provider: options.provider,
        region: result.plan.region,
        status: result.plan.resources.length > 0 ? 'planned' : 'draft',
        expires_at: null,
        created_at: now,
        updated_at: now,
        promoted_to: null,
      });
      await tx<RevisionRow>('revisions').insert({
        session_id: id,
        seq: 1,
        intent: options.intent,
        planner: result.planner,
        plan: JSON.stringify(result.plan),
        assumptions: JSON.stringify(result.assumptions),
        questions: JSON.stringify(result.questions),
        out_of_scope: JSON.stringify(result.outOfScope),
        plan_hash: options.planHash,
        status: 'proposed',
        created_by: options.owner,
        approved_by: null,
        created_at: now,
      });
      await this.appendAudit(tx, id, {
        actor: options.owner,
        action: 'session-create',
        details: {
          seq: 1,
          planner: result.planner,
          planHash: options.planHash,
        },
      });
    });
    return this.getSession({ id });
  }

  async getSession(options: { id: string }): Promise<SessionDetails> {
    const row = await this.db<SessionRow>('sessions')
      .where({ id: options.id })
      .first();
    if (!row) {
      throw new NotFoundError(`No session with id ${options.id}`);
    }
    const [revisions, resources] = await Promise.all([
      this.db<RevisionRow>('revisions')
        .where({ session_id: options.id })
        .orderBy('seq', 'asc'),
      this.db<ResourceRow>('resources')
        .where({ session_id: options.id })
        .orderBy('address', 'asc'),
    ]);
    return {
      session: toSession(row),
      revisions: revisions.map(toRevision),
      resources: resources.map(toResource),
    };
  }

  async listSessions(options: {
    owner?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: Session[]; totalCount: number }> {
    const filtered = () => {
      const query = this.db<SessionRow>('sessions');
      if (options.owner) {
        query.where({ owner: options.owner });
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
    from: Session['status'];
    to: Session['status'];
    revision?: { seq: number; status: Revision['status'] };
    audit: AuditEntry;
  }): Promise<boolean> {
    return this.db.transaction(async tx => {
      const updated = await tx<SessionRow>('sessions')
        .where({ id: options.id, status: options.from })
        .update({ status: options.to, updated_at: new Date() });
      if (updated !== 1) {
        return false;
      }
      if (options.revision) {
        await tx<RevisionRow>('revisions')
          .where({ session_id: options.id, seq: options.revision.seq })
          .update({ status: options.revision.status });
      }
      await this.appendAudit(tx, options.id, options.audit);
      return true;
    });
  }

  async saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt'>;
  }): Promise<void> {
    const { resource } = options;
    await this.db<ResourceRow>('resources')
      .insert({
        session_id: options.sessionId,
        address: resource.address,
        type: resource.type,
        desired: JSON.stringify(resource.desired),
        actual:
          resource.actual === null ? null : JSON.stringify(resource.actual),
        cloud_id: resource.cloudId,
        status: resource.status,
        drift: null,
        last_checked_at: new Date(),
        updated_at: new Date(),
      })
      .onConflict(['session_id', 'address'])
      .merge(['actual', 'cloud_id', 'status', 'last_checked_at', 'updated_at']);
  }

  async listAuditEvents(options: { sessionId: string }): Promise<AuditEvent[]> {
    const rows = await this.db<AuditRow>('audit_events')
      .where({ session_id: options.sessionId })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      id: Number(row.id),
      sessionId: row.session_id,
      actor: row.actor,
      action: row.action,
      details: JSON.parse(row.details),
      createdAt: toIso(row.created_at),
    }));
  }

  private async appendAudit(
    tx: Knex.Transaction,
    sessionId: string,
    entry: AuditEntry,
  ) {
    await tx<AuditRow>('audit_events').insert({
      session_id: sessionId,
      actor: entry.actor,
      action: entry.action,
      details: JSON.stringify(entry.details),
      created_at: new Date(),
    });
  }
}

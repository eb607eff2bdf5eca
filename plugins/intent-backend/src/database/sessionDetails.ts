// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// A session with everything under it in two round trips, on every engine:
//  1. the session row, left-joined with its lock;
//  2. its revisions, resources, latest operations and approvals as one
//     UNION ALL. The branches share one column list (the union of the
//     tables' columns, NULL where a table has none), each row tagged with
//     the table it came from, and the rows keep their table's column names,
//     so the usual row mapping applies.

import { NotFoundError } from '@backstage/errors';
import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import {
  ApprovalRow,
  OperationRow,
  ResourceRow,
  RevisionRow,
  SessionRow,
  Timestamp,
  toApproval,
  toIso,
  toOperation,
  toResource,
  toRevision,
  toSession,
} from './rows';

/** How many operations a session's details include, newest first. */
const OPERATIONS_LIMIT = 20;

type ColumnType = 'text' | 'integer' | 'timestamp';

/** Every column of the UNION ALL, with its type. */
const CHILD_COLUMNS = {
  session_id: 'text',
  status: 'text',
  // revisions (and approvals: seq, plan_hash, created_at)
  seq: 'integer',
  intent: 'text',
  planner: 'text',
  plan: 'text',
  assumptions: 'text',
  questions: 'text',
  out_of_scope: 'text',
  modification: 'text',
  diff: 'text',
  policy: 'text',
  cost: 'text',
  plan_hash: 'text',
  created_by: 'text',
  approved_by: 'text',
  created_at: 'timestamp',
  // resources
  address: 'text',
  type: 'text',
  region: 'text',
  desired: 'text',
  actual: 'text',
  cloud_id: 'text',
  replaced_cloud_id: 'text',
  updated_at: 'timestamp',
  // operations (and approvals: actor)
  id: 'text',
  kind: 'text',
  revision_seq: 'integer',
  actor: 'text',
  error: 'text',
  started_at: 'timestamp',
  finished_at: 'timestamp',
  // approvals (their own `id` is a number: renamed)
  approval_id: 'integer',
  decision: 'text',
  comment: 'text',
  expires_at: 'timestamp',
} satisfies Record<string, ColumnType>;

type ChildColumn = keyof typeof CHILD_COLUMNS;

type Child = 'revision' | 'resource' | 'operation' | 'approval';

type ChildRow = { child: Child } & Record<ChildColumn, unknown>;

type SessionWithLockRow = SessionRow & {
  lock_operation_id: string | null;
  lock_holder: string | null;
  lock_acquired_at: Timestamp | null;
  lock_expires_at: Timestamp | null;
};

/**
 * A typed NULL on PostgreSQL, which resolves a UNION's column types pairwise:
 * an untyped NULL in the first two branches would become text and then clash
 * with a later timestamp. MySQL and SQLite take the type from the branches
 * that have the column (and MySQL refuses a cast NULL's collation).
 */
function typedNull(db: Knex, type: ColumnType, alias: string): Knex.Raw {
  const client = String(db.client.config.client);
  if (client === 'pg' || client.includes('postgres')) {
    const sqlType = {
      text: 'text',
      integer: 'integer',
      timestamp: 'timestamptz',
    }[type];
    return db.raw(`cast(null as ${sqlType}) as ??`, [alias]);
  }
  return db.raw('null as ??', [alias]);
}

/**
 * One branch of the UNION ALL: `columns` maps the child columns this table
 * has to its own column names; every other child column is NULL.
 */
function branch(
  db: Knex,
  child: Child,
  from: string | Knex.QueryBuilder,
  table: string,
  columns: Partial<Record<ChildColumn, string>>,
): Knex.QueryBuilder {
  const select = (Object.keys(CHILD_COLUMNS) as ChildColumn[]).map(column => {
    const source = columns[column];
    return source
      ? db.raw('?? as ??', [`${table}.${source}`, column])
      : typedNull(db, CHILD_COLUMNS[column], column);
  });
  // `child` is one of four constants of ours, never input.
  return db
    .select(db.raw(`'${child}' as child`), ...select)
    .from(from as string);
}

/** The same name in the table as in the union, for the listed columns. */
function same(...names: ChildColumn[]) {
  return Object.fromEntries(names.map(name => [name, name]));
}

function childrenQuery(db: Knex, sessionId: string) {
  const revisions = branch(
    db,
    'revision',
    'revisions',
    'revisions',
    same(
      'session_id',
      'status',
      'seq',
      'intent',
      'planner',
      'plan',
      'assumptions',
      'questions',
      'out_of_scope',
      'modification',
      'diff',
      'policy',
      'cost',
      'plan_hash',
      'created_by',
      'approved_by',
      'created_at',
    ),
  ).where('revisions.session_id', sessionId);
  const resources = branch(
    db,
    'resource',
    'resources',
    'resources',
    same(
      'session_id',
      'status',
      'address',
      'type',
      'region',
      'desired',
      'actual',
      'cloud_id',
      'replaced_cloud_id',
      'updated_at',
    ),
  ).where('resources.session_id', sessionId);
  const latestOperations = db('operations')
    .where({ session_id: sessionId })
    .orderBy('started_at', 'desc')
    .limit(OPERATIONS_LIMIT)
    .as('latest_operations');
  const operations = branch(
    db,
    'operation',
    latestOperations,
    'latest_operations',
    same(
      'session_id',
      'status',
      'id',
      'kind',
      'revision_seq',
      'actor',
      'error',
      'started_at',
      'finished_at',
    ),
  );
  const approvals = branch(db, 'approval', 'approvals', 'approvals', {
    ...same(
      'session_id',
      'seq',
      'plan_hash',
      'decision',
      'actor',
      'comment',
      'created_at',
      'expires_at',
    ),
    approval_id: 'id',
  }).where('approvals.session_id', sessionId);
  return revisions.unionAll([resources, operations, approvals]);
}

/** The children query compiled once per database: its SQL is long. */
const compiled = new WeakMap<Knex, { sql: string; bindings: unknown[] }>();
/** Stands for the session id while compiling. */
const SESSION_ID = '<session id>';

/** The children query as a derived table, for one session. */
function compiledChildrenQuery(db: Knex, sessionId: string): Knex.Raw {
  let query = compiled.get(db);
  if (!query) {
    const { sql, bindings } = childrenQuery(db, SESSION_ID).toSQL();
    query = { sql: `(${sql}) as children`, bindings: [...bindings] };
    compiled.set(db, query);
  }
  const bindings = query.bindings.map(b => (b === SESSION_ID ? sessionId : b));
  return db.raw(query.sql, bindings as Knex.RawBinding[]);
}

const millis = (value: unknown) => new Date(value as Timestamp).getTime();

/**
 * The session with its revisions (by seq), resources (by address), latest
 * operations and approvals (newest first) and its lock when it is live.
 */
export async function readSessionDetails(
  db: Knex,
  id: string,
): Promise<SessionDetails> {
  // Both at once: on a busy pool, two waits in a row cost twice one.
  const [row, children] = await Promise.all([
    db('sessions')
      .leftJoin('locks', join =>
        join
          .onVal('locks.key', '=', `session:${id}`)
          .andOnNull('locks.released_at'),
      )
      .where('sessions.id', id)
      .first<SessionWithLockRow | undefined>(
        'sessions.*',
        'locks.operation_id as lock_operation_id',
        'locks.holder as lock_holder',
        'locks.acquired_at as lock_acquired_at',
        'locks.expires_at as lock_expires_at',
      ),
    db.select<ChildRow[]>('*').from(compiledChildrenQuery(db, id)),
  ]);
  if (!row) {
    throw new NotFoundError(`No session with id ${id}`);
  }
  const of = <T>(child: Child) =>
    children.filter(c => c.child === child) as unknown as T[];

  const lockIsLive =
    row.lock_operation_id !== null &&
    row.lock_expires_at !== null &&
    millis(row.lock_expires_at) > Date.now();
  return {
    session: toSession(row),
    revisions: of<RevisionRow>('revision')
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map(toRevision),
    resources: of<ResourceRow>('resource')
      .sort((a, b) => compareStrings(a.address, b.address))
      .map(toResource),
    operations: of<OperationRow>('operation')
      .sort((a, b) => millis(b.started_at) - millis(a.started_at))
      .map(toOperation),
    lock: lockIsLive
      ? {
          operationId: row.lock_operation_id!,
          holder: row.lock_holder!,
          acquiredAt: toIso(row.lock_acquired_at!),
          expiresAt: toIso(row.lock_expires_at!),
        }
      : null,
    approvals: of<ApprovalRow & { approval_id: number | string }>('approval')
      .sort((a, b) => Number(b.approval_id) - Number(a.approval_id))
      .map(toApproval),
  };
}

function compareStrings(a: string, b: string) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

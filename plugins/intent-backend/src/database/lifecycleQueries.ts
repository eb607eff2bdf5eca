// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Knex } from 'knex';
import type { IdleCandidate } from './DatabaseLifecycleStore';
import { SessionRow, Timestamp, toIso, toSession } from './rows';

// The lifecycle's batch reads that DatabaseLifecycleStore delegates to.

/** Statuses a session can no longer leave. */
export const FINAL = ['destroyed', 'expired', 'promoted'];

/**
 * Sessions the idle rule may act on (not final, not promoted, not exempt)
 * whose last activity is at or before `idleSince` (any, without it), the
 * quietest first, with their expiry state. The last activity is the latest audit event of
 * the session written by anyone but `lifecycleActor` (the lifecycle jobs'
 * own warnings, drift findings and destroys are no activity): a revision,
 * an operation started or finished, an extension, an exemption change or
 * a keep. Three queries: the sessions, their failed destroys, their
 * idle warnings.
 */
export async function listIdleCandidates(
  db: Knex,
  options: {
    idleSince?: Date;
    lifecycleActor: string;
    limit: number;
    sessionId?: string;
  },
): Promise<IdleCandidate[]> {
  const activity = db('audit_events as a')
    .max('a.created_at')
    .where('a.session_id', db.ref('s.id'))
    .andWhereNot('a.actor', options.lifecycleActor);
  const query = db('sessions as s')
    .leftJoin('session_expiry as e', 'e.session_id', 's.id')
    .whereNotIn('s.status', FINAL)
    .whereNull('s.promoted_to')
    .where(q => q.whereNull('e.exempt').orWhere('e.exempt', false))
    .orderBy('last_activity_at')
    .limit(options.limit);
  if (options.idleSince) {
    query.whereRaw('? <= ?', [activity.clone(), options.idleSince]);
  }
  if (options.sessionId) {
    query.where('s.id', options.sessionId);
  }
  const rows = await query.select<
    Array<
      SessionRow & {
        exempt: boolean | number | null;
        destroy_attempts: number | null;
        next_attempt_at: Timestamp | null;
        last_activity_at: Timestamp | null;
      }
    >
  >(
    's.*',
    'e.exempt',
    'e.destroy_attempts',
    'e.next_attempt_at',
    activity.as('last_activity_at'),
  );
  const failed = await latestFailedDestroys(
    db,
    rows.filter(r => r.status === 'failed').map(r => r.id),
  );
  const warned = new Map<string, string>();
  if (rows.length > 0) {
    const notices = await db('session_notices')
      .whereIn(
        'session_id',
        rows.map(r => r.id),
      )
      .andWhere('notice', 'like', 'idle-warning:%')
      .select<
        Array<{ session_id: string; notice: string; sent_at: Timestamp }>
      >('session_id', 'notice', 'sent_at');
    for (const n of notices) {
      warned.set(`${n.session_id} ${n.notice}`, toIso(n.sent_at));
    }
  }
  return rows.map(row => {
    const lastActivityAt = toIso(row.last_activity_at ?? row.created_at);
    return {
      session: toSession(row),
      exempt: Boolean(row.exempt),
      destroyAttempts: Number(row.destroy_attempts ?? 0),
      nextAttemptAt: row.next_attempt_at ? toIso(row.next_attempt_at) : null,
      failedDestroy: failed.get(row.id) ?? null,
      lastActivityAt,
      idleWarnedAt:
        warned.get(`${row.id} idle-warning:${lastActivityAt}`) ?? null,
    };
  });
}

/** The latest operation of each of these sessions, when it is a failed destroy. */
export async function latestFailedDestroys(
  db: Knex,
  sessionIds: string[],
): Promise<Map<string, { id: string; error: string | null }>> {
  const failed = new Map<string, { id: string; error: string | null }>();
  if (sessionIds.length > 0) {
    // The latest operation of each failed session.
    const operations = await db('operations as o')
      .whereIn('o.session_id', sessionIds)
      .whereNotExists(later =>
        later
          .select(db.raw('1'))
          .from('operations as l')
          .whereRaw('l.session_id = o.session_id')
          .andWhere(newer =>
            newer
              .whereRaw('l.started_at > o.started_at')
              .orWhere(tie =>
                tie
                  .whereRaw('l.started_at = o.started_at')
                  .andWhereRaw('l.id > o.id'),
              ),
          ),
      )
      .select<
        Array<{
          id: string;
          session_id: string;
          kind: string;
          status: string;
          error: string | null;
        }>
      >('o.id', 'o.session_id', 'o.kind', 'o.status', 'o.error');
    for (const o of operations) {
      if (o.kind === 'destroy' && o.status === 'failed') {
        failed.set(o.session_id, { id: o.id, error: o.error });
      }
    }
  }
  return failed;
}

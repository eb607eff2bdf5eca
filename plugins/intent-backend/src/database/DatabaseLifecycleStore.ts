// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import type {
  AccruedCostOperation,
  AccruedCostRevision,
  DriftReport,
  Session,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import {
  FINAL,
  latestFailedDestroys,
  listIdleCandidates,
} from './lifecycleQueries';
import {
  ResourceRow,
  SessionRow,
  Timestamp,
  toIso,
  toResource,
  toSession,
} from './rows';

/** A session the expiry sweep looks at, with its expiry state. @internal */
export interface ExpiryCandidate {
  session: Session;
  exempt: boolean;
  destroyAttempts: number;
  nextAttemptAt: string | null;
  /** The latest operation, when it is a failed destroy: its id and error. */
  failedDestroy: { id: string; error: string | null } | null;
}

/**
 * A session the idle rule looks at: an expiry candidate with when it was
 * last active and whether that quiet spell was warned of. @internal
 */
export interface IdleCandidate extends ExpiryCandidate {
  lastActivityAt: string;
  /** When the warning about this quiet spell was sent; null until it is. */
  idleWarnedAt: string | null;
}

/** What the sweep reads of the expiry state. @internal */
export interface ExpiryState {
  exempt: boolean;
  exemptedBy: string | null;
  destroyAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

type ExpiryRow = {
  session_id: string;
  exempt: boolean | number;
  exempted_by: string | null;
  destroy_attempts: number;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  updated_at: Timestamp;
};

/**
 * The lifecycle jobs' storage: expiry state, notices sent once, drift
 * reports, and the batch reads the sweeps make (one query per batch, never
 * one per session).
 *
 * @internal
 */
export class DatabaseLifecycleStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records that a notice was sent; false when it already was (by this or
   * another replica). The caller sends it only on true.
   */
  async claimNotice(sessionId: string, notice: string): Promise<boolean> {
    try {
      await this.db('session_notices').insert({
        session_id: sessionId,
        notice,
        sent_at: new Date(),
      });
      return true;
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Forgets a claimed notice whose sending failed, so the next run retries it. */
  async releaseNotice(sessionId: string, notice: string): Promise<void> {
    await this.db('session_notices')
      .where({ session_id: sessionId, notice })
      .delete();
  }

  /** Forgets the notices whose key starts with `prefix`, so that they can be sent again. */
  async clearNotices(sessionId: string, prefix: string): Promise<void> {
    await this.db('session_notices')
      .where({ session_id: sessionId })
      .andWhere('notice', 'like', `${prefix}%`)
      .delete();
  }

  async listNotices(sessionId: string): Promise<string[]> {
    const rows = await this.db('session_notices')
      .where({ session_id: sessionId })
      .orderBy('notice')
      .select<Array<{ notice: string }>>('notice');
    return rows.map(r => r.notice);
  }

  async getExpiryState(sessionId: string): Promise<ExpiryState> {
    const row = await this.db<ExpiryRow>('session_expiry')
      .where({ session_id: sessionId })
      .first();
    return {
      exempt: Boolean(row?.exempt),
      exemptedBy: row?.exempted_by ?? null,
      destroyAttempts: Number(row?.destroy_attempts ?? 0),
      nextAttemptAt: row?.next_attempt_at ? toIso(row.next_attempt_at) : null,
      lastError: row?.last_error ?? null,
    };
  }

  async setExempt(
    sessionId: string,
    exempt: boolean,
    actor: string,
  ): Promise<void> {
    await this.db('session_expiry')
      .insert({
        session_id: sessionId,
        exempt,
        exempted_by: exempt ? actor : null,
        destroy_attempts: 0,
        updated_at: new Date(),
      })
      .onConflict('session_id')
      .merge(['exempt', 'exempted_by', 'updated_at']);
  }

  /** Counts an expiry destroy started now; the next may start at `nextAttemptAt`. */
  async recordDestroyAttempt(
    sessionId: string,
    nextAttemptAt: Date,
    lastError: string | null,
  ): Promise<number> {
    await this.db('session_expiry')
      .insert({
        session_id: sessionId,
        exempt: false,
        destroy_attempts: 0,
        updated_at: new Date(),
      })
      .onConflict('session_id')
      .ignore();
    await this.db('session_expiry')
      .where({ session_id: sessionId })
      .update({
        destroy_attempts: this.db.raw('destroy_attempts + 1'),
        next_attempt_at: nextAttemptAt,
        last_error: lastError,
        updated_at: new Date(),
      });
    return (await this.getExpiryState(sessionId)).destroyAttempts;
  }

  /**
   * Sessions that can expire (not final, not promoted) whose expiry is before
   * `until`, soonest first, with their expiry state and whether their latest
   * operation is a failed destroy. Two queries.
   */
  async listExpiryCandidates(options: {
    until: Date;
    limit: number;
  }): Promise<ExpiryCandidate[]> {
    const rows = await this.db('sessions as s')
      .leftJoin('session_expiry as e', 'e.session_id', 's.id')
      .whereNotNull('s.expires_at')
      .where('s.expires_at', '<=', options.until)
      .whereNotIn('s.status', FINAL)
      .whereNull('s.promoted_to')
      .orderBy('s.expires_at')
      .limit(options.limit)
      .select<
        Array<
          SessionRow & {
            exempt: boolean | number | null;
            destroy_attempts: number | null;
            next_attempt_at: Timestamp | null;
          }
        >
      >('s.*', 'e.exempt', 'e.destroy_attempts', 'e.next_attempt_at');
    const failed = await latestFailedDestroys(
      this.db,
      rows.filter(r => r.status === 'failed').map(r => r.id),
    );
    return rows.map(row => ({
      session: toSession(row),
      exempt: Boolean(row.exempt),
      destroyAttempts: Number(row.destroy_attempts ?? 0),
      nextAttemptAt: row.next_attempt_at ? toIso(row.next_attempt_at) : null,
      failedDestroy: failed.get(row.id) ?? null,
    }));
  }

  /**
   * Sessions the idle rule may act on, with when each was last active: see
   * {@link listIdleCandidates}.
   */
  async listIdleCandidates(
    options: Parameters<typeof listIdleCandidates>[1],
  ): Promise<IdleCandidate[]> {
    return listIdleCandidates(this.db, options);
  }

  /** Active sessions with their resources, in pages by id. Two queries. */
  async listActiveSessions(options: {
    afterId?: string;
    limit: number;
  }): Promise<Array<{ session: Session; resources: SessionResource[] }>> {
    const q = this.db<SessionRow>('sessions')
      .where({ status: 'active' })
      .orderBy('id')
      .limit(options.limit);
    if (options.afterId) {
      q.where('id', '>', options.afterId);
    }
    const sessions = (await q.select('*')).map(toSession);
    const resources = sessions.length
      ? await this.db<ResourceRow>('resources')
          .whereIn(
            'session_id',
            sessions.map(s => s.id),
          )
          .orderBy(['session_id', 'address'])
          .select('*')
      : [];
    const bySession = new Map<string, SessionResource[]>();
    for (const row of resources) {
      const list = bySession.get(row.session_id) ?? [];
      list.push(toResource(row));
      bySession.set(row.session_id, list);
    }
    return sessions.map(session => ({
      session,
      resources: bySession.get(session.id) ?? [],
    }));
  }

  async saveDrift(
    sessionId: string,
    report: DriftReport,
    driftHash: string | null,
  ): Promise<void> {
    await this.db('session_drift')
      .insert({
        session_id: sessionId,
        report: JSON.stringify(report),
        drift_hash: driftHash,
        checked_at: new Date(report.checkedAt),
      })
      .onConflict('session_id')
      .merge(['report', 'drift_hash', 'checked_at']);
  }

  async getDrift(sessionId: string): Promise<DriftReport | null> {
    const row = await this.db('session_drift')
      .where({ session_id: sessionId })
      .first<{ report: string } | undefined>('report');
    return row ? (JSON.parse(row.report) as DriftReport) : null;
  }

  /** Statuses of the sessions that exist among `ids`. */
  async sessionStatuses(ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db('sessions')
        .whereIn('id', ids.slice(i, i + 500))
        .select<Array<{ id: string; status: string }>>('id', 'status');
      for (const row of rows) {
        found.set(row.id, row.status);
      }
    }
    return found;
  }

  /** Every (provider, region) any session or resource was ever in. */
  async providerRegions(): Promise<
    Array<{ provider: string; region: string }>
  > {
    const sessions = await this.db('sessions')
      .distinct('provider', 'region')
      .select<Array<{ provider: string; region: string }>>();
    const resources = await this.db('resources as r')
      .join('sessions as s', 's.id', 'r.session_id')
      .whereNotNull('r.region')
      .distinct('s.provider', 'r.region')
      .select<Array<{ provider: string; region: string }>>();
    const seen = new Map(
      [...sessions, ...resources].map(p => [`${p.provider}/${p.region}`, p]),
    );
    return [...seen.values()];
  }

  /**
   * What the accrued cost of each session is computed from: its revisions'
   * hourly cost and its finished operations. Two queries.
   */
  async costInputs(
    sessionIds: string[],
  ): Promise<
    Map<
      string,
      { revisions: AccruedCostRevision[]; operations: AccruedCostOperation[] }
    >
  > {
    const result = new Map<
      string,
      { revisions: AccruedCostRevision[]; operations: AccruedCostOperation[] }
    >(sessionIds.map(id => [id, { revisions: [], operations: [] }]));
    if (sessionIds.length === 0) {
      return result;
    }
    const [revisions, operations] = await Promise.all([
      this.db('revisions')
        .whereIn('session_id', sessionIds)
        .whereIn('status', ['applied', 'superseded', 'failed'])
        .select<Array<{ session_id: string; seq: number; cost: string }>>(
          'session_id',
          'seq',
          'cost',
        ),
      this.db('operations')
        .whereIn('session_id', sessionIds)
        .whereNotNull('finished_at')
        .select<
          Array<{
            session_id: string;
            kind: 'apply' | 'destroy';
            revision_seq: number | null;
            status: AccruedCostOperation['status'];
            finished_at: Timestamp;
          }>
        >('session_id', 'kind', 'revision_seq', 'status', 'finished_at'),
    ]);
    for (const r of revisions) {
      const cost = JSON.parse(r.cost) as { hourlyUsd?: number };
      result.get(r.session_id)!.revisions.push({
        seq: Number(r.seq),
        cost: { hourlyUsd: Number(cost.hourlyUsd ?? 0) },
      });
    }
    for (const o of operations) {
      result.get(o.session_id)!.operations.push({
        kind: o.kind,
        revisionSeq: o.revision_seq === null ? null : Number(o.revision_seq),
        status: o.status,
        finishedAt: toIso(o.finished_at),
      });
    }
    return result;
  }
}

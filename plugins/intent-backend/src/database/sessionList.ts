// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// The session list's queries: its filters (scope, status, search) on top of
// the permission criteria, the cost of what each listed session runs, and
// the run-rate of the caller's sessions and their teams'. Plain SQL that
// SQLite, PostgreSQL and MySQL/MariaDB all run the same way; the cost JSON
// is parsed here, one batched query per page.

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  LIVE_SESSION_STATUSES,
  SessionStatus,
  SessionSummary,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import type { SessionQuery } from '../permissions';
import { applyCriteria, applySessionFilter } from './criteria';
import { SessionRow, toSession } from './rows';
import type { SessionFilter } from './SessionStore';

/** The LIKE escape character: `\` means different things to PostgreSQL and MySQL literals. */
const ESCAPE = '!';

/** `text` as a LIKE pattern that matches it literally anywhere. */
export function containsPattern(text: string): string {
  const escaped = text.replace(/[!%_]/g, c => `${ESCAPE}${c}`);
  return `%${escaped.toLowerCase()}%`;
}

/** The WHERE clause of the list: permission criteria, owner, team, status and search. */
export function applyListFilter(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: SessionFilter,
): Knex.QueryBuilder {
  applySessionFilter(query, filter);
  if (filter.teams) {
    if (filter.teams.length === 0) {
      query.whereRaw('1 = 0');
    } else {
      query.whereIn('sessions.team', filter.teams);
    }
  }
  if (filter.statuses) {
    query.whereIn('sessions.status', [...filter.statuses]);
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    const like = `lower(??) like ? escape '${ESCAPE}'`;
    query.where(any => {
      for (const column of [
        'sessions.title',
        'sessions.id',
        'sessions.owner',
        'sessions.team',
      ]) {
        any.orWhereRaw(like, [column, pattern]);
      }
      any.orWhereExists(
        db('revisions')
          .select(db.raw('1'))
          .whereRaw('?? = ??', ['revisions.session_id', 'sessions.id'])
          .whereRaw(like, ['revisions.intent', pattern]),
      );
    });
  }
  return query;
}

/** A sessions row with the drift hash of its latest check (null: none, or no drift). */
export type SessionSummaryRow = SessionRow & { drift_hash: string | null };

/** The cost of one session's latest applied revision. */
export interface AppliedCost {
  hourlyUsd: number;
  monthlyUsd: number;
}

/** Revisions `r` that are the latest applied one of their session. */
function latestApplied(db: Knex): Knex.QueryBuilder {
  return db('revisions as r')
    .where('r.status', 'applied')
    .whereNotExists(
      db('revisions as later')
        .select(db.raw('1'))
        .whereRaw('?? = ??', ['later.session_id', 'r.session_id'])
        .where('later.status', 'applied')
        .whereRaw('?? > ??', ['later.seq', 'r.seq']),
    );
}

function parseCost(json: string): AppliedCost {
  const cost = JSON.parse(json) as { hourlyUsd?: number; monthlyUsd?: number };
  return {
    hourlyUsd: Number(cost.hourlyUsd ?? 0),
    monthlyUsd: Number(cost.monthlyUsd ?? 0),
  };
}

/** The applied cost of each of the sessions that has one: one query. */
export async function appliedCosts(
  db: Knex,
  sessionIds: string[],
): Promise<Map<string, AppliedCost>> {
  if (sessionIds.length === 0) {
    return new Map();
  }
  const rows = await latestApplied(db)
    .whereIn('r.session_id', sessionIds)
    .select<Array<{ session_id: string; cost: string }>>(
      'r.session_id',
      'r.cost',
    );
  return new Map(rows.map(row => [row.session_id, parseCost(row.cost)]));
}

const isLive = (status: string) =>
  LIVE_SESSION_STATUSES.includes(status as SessionStatus);

/** A listed session: an ended one runs nothing, so it costs nothing now. */
export function toSessionSummary(
  row: SessionSummaryRow,
  cost: AppliedCost | undefined,
): SessionSummary {
  const running = isLive(row.status) ? cost : undefined;
  return {
    ...toSession(row),
    hourlyCostUsd: running?.hourlyUsd ?? null,
    monthlyCostUsd: running?.monthlyUsd ?? null,
    drifted: row.drift_hash !== null && row.drift_hash !== undefined,
  };
}

/** Sums of money, to the estimates' precision (a millionth of a dollar). */
const roundUsd = (usd: number) => Math.round(usd * 1e6) / 1e6;

/**
 * The monthly run-rate of the live sessions `owner` owns and of those whose
 * team is one of `teams` (the two overlap), among those `criteria` allows:
 * one query over their latest applied revisions.
 */
export async function readRunRate(
  db: Knex,
  options: {
    owner: string;
    teams: string[];
    criteria?: PermissionCriteria<SessionQuery>;
  },
): Promise<{ mineUsd: number; teamUsd: number }> {
  const { owner, teams } = options;
  const counted = db('sessions')
    .select('sessions.id')
    .whereIn('sessions.status', [...LIVE_SESSION_STATUSES])
    .where(whose => {
      whose.where('sessions.owner', owner);
      if (teams.length > 0) {
        whose.orWhereIn('sessions.team', teams);
      }
    });
  if (options.criteria) {
    applyCriteria(counted, options.criteria);
  }
  const rows = await latestApplied(db)
    .join('sessions as s', 's.id', 'r.session_id')
    .whereIn('r.session_id', counted)
    .select<Array<{ owner: string; team: string | null; cost: string }>>(
      's.owner',
      's.team',
      'r.cost',
    );
  let mineUsd = 0;
  let teamUsd = 0;
  for (const row of rows) {
    const { monthlyUsd } = parseCost(row.cost);
    if (row.owner === owner) {
      mineUsd += monthlyUsd;
    }
    if (row.team !== null && teams.includes(row.team)) {
      teamUsd += monthlyUsd;
    }
  }
  return { mineUsd: roundUsd(mineUsd), teamUsd: roundUsd(teamUsd) };
}

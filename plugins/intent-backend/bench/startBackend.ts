// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable no-console */

// What the benches start the same way: a fresh database (SQLite in a temp
// folder, or a new PostgreSQL database when one answers), a silent logger
// and the session service over the real store, locks and cloud.

import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseLockStore, DatabaseSessionStore } from '../src/database';
import { SessionService } from '../src/service';
import { Guardrails } from '../src/service/guardrails';

/** The backend's logger, silenced: the benches print their own lines. */
export const logger: LoggerService = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return logger;
  },
};

/**
 * A fresh, empty database of this kind; undefined (and a line saying why)
 * when PostgreSQL does not answer at
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or 127.0.0.1:5432.
 * `prefix` names the PostgreSQL database (`<prefix>_<time>`).
 */
export async function openDatabase(
  kind: 'sqlite' | 'postgres',
  prefix: string,
): Promise<Knex | undefined> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'intent-bench-'));
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'intent.sqlite') },
      useNullAsDefault: true,
    });
  }
  const base =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const name = `${prefix}_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: `${base}/postgres` });
  try {
    await admin.raw(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
    return undefined;
  } finally {
    await admin.destroy();
  }
  return knexFactory({
    client: 'pg',
    connection: `${base}/${name}`,
    pool: { min: 0, max: 10 },
  });
}

/** The session store on this database, its migrations run. */
export function createSessionStore(knex: Knex): Promise<DatabaseSessionStore> {
  const database = { getClient: async () => knex } as DatabaseService;
  return DatabaseSessionStore.create({ database });
}

/** The session service as the plugin wires it, with nobody in any group. */
export function createSessionService(options: {
  knex: Knex;
  store: DatabaseSessionStore;
  planner: IntentPlanner;
  provider: CloudProvider;
  guardrails: Guardrails;
  /** `intent.operations.concurrency`. */
  concurrency: number;
}): SessionService {
  return new SessionService({
    store: options.store,
    locks: new DatabaseLockStore(options.knex),
    planner: options.planner,
    provider: options.provider,
    guardrails: options.guardrails,
    logger,
    operations: {
      concurrency: options.concurrency,
      leaseMillis: 30_000,
      pollMillis: 20,
      readyTimeoutMillis: 60_000,
    },
    lifetime: { defaultTtlHours: 8, maxTtlHours: 72 },
    membership: { isMemberOfAny: async () => false },
    approvalTtlHours: 24,
  });
}

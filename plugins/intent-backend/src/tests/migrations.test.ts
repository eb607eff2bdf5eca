// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { readdirSync } from 'node:fs';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const migrationsDir = resolvePackagePath(
  '@intent-sandboxes/backstage-plugin-intent-backend',
  'migrations',
);

const MIGRATIONS = readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

jest.setTimeout(120_000);

/** Every table with the columns that identify its rows. */
const TABLES: Record<string, string[]> = {
  sessions: ['id'],
  revisions: ['session_id', 'seq'],
  resources: ['session_id', 'address'],
  operations: ['id'],
  operation_steps: ['operation_id', 'step'],
  locks: ['key'],
  approvals: ['session_id', 'seq', 'decision'],
  audit_events: ['session_id', 'action'],
};

const now = new Date('2026-11-25T12:00:00.000Z');

/** The columns a migration adds to existing tables. */
const ADDED_COLUMNS: Record<string, Array<[table: string, column: string]>> = {
  '20261202_addResourceRegion.js': [['resources', 'region']],
  '20261202_addLockGeneration.js': [
    ['locks', 'generation'],
    ['locks', 'released_at'],
  ],
};

const sessionId = 'session-1';

/**
 * Rows inserted once a migration is in place, so every later step, up and
 * down, must keep them.
 */
const SEEDS: Record<string, (knex: Knex) => Promise<void>> = {
  '20261125_init.js': async knex => {
    await knex('sessions').insert({
      id: sessionId,
      title: 'a t3.micro',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'active',
      expires_at: now,
      created_at: now,
      updated_at: now,
      promoted_to: null,
    });
    await knex('revisions').insert({
      session_id: sessionId,
      seq: 1,
      intent: 'a t3.micro',
      planner: 'rules',
      plan: '{}',
      assumptions: '[]',
      questions: '[]',
      out_of_scope: '[]',
      modification: null,
      diff: '{}',
      policy: '{}',
      cost: '{}',
      plan_hash: 'hash',
      status: 'applied',
      created_by: 'user:default/ada',
      approved_by: null,
      created_at: now,
    });
    await knex('resources').insert({
      session_id: sessionId,
      address: 'aws_instance.web',
      type: 'aws_instance',
      desired: '{}',
      actual: null,
      cloud_id: 'i-1',
      replaced_cloud_id: null,
      status: 'running',
      drift: null,
      last_checked_at: now,
      updated_at: now,
    });
    await knex('operations').insert({
      id: 'operation-1',
      session_id: sessionId,
      kind: 'apply',
      revision_seq: 1,
      status: 'succeeded',
      actor: 'user:default/ada',
      error: null,
      started_at: now,
      finished_at: now,
    });
    await knex('operation_steps').insert({
      operation_id: 'operation-1',
      step: 'create:aws_instance.web',
      status: 'succeeded',
      cloud_id: 'i-1',
      message: null,
      at: now,
    });
    await knex('locks').insert({
      key: `session:${sessionId}`,
      operation_id: 'operation-1',
      holder: 'user:default/ada',
      acquired_at: now,
      expires_at: now,
    });
    await knex('approvals').insert({
      session_id: sessionId,
      seq: 1,
      plan_hash: 'hash',
      decision: 'approved',
      actor: 'user:default/grace',
      comment: null,
      created_at: now,
      expires_at: now,
    });
    await knex('audit_events').insert({
      session_id: sessionId,
      revision_seq: 1,
      actor: 'user:default/ada',
      action: 'session-create',
      details: '{}',
      created_at: now,
    });
  },
  '20261202_addResourceRegion.js': async knex => {
    await knex('resources').insert({
      session_id: sessionId,
      address: 'aws_eip.web',
      type: 'aws_eip',
      region: 'us-east-1',
      desired: '{}',
      actual: null,
      cloud_id: 'eipalloc-1',
      replaced_cloud_id: null,
      status: 'allocated',
      drift: null,
      last_checked_at: now,
      updated_at: now,
    });
  },
  '20261202_addLockGeneration.js': async knex => {
    // A held lock of a later generation, and an operation a resume aborted.
    await knex('locks').insert({
      key: 'session:session-2',
      operation_id: 'operation-3',
      holder: 'user:default/ada',
      acquired_at: now,
      expires_at: now,
      generation: 7,
      released_at: null,
    });
    await knex('operations').insert({
      id: 'operation-2',
      session_id: sessionId,
      kind: 'apply',
      revision_seq: 1,
      status: 'aborted',
      actor: 'user:default/ada',
      error: 'Interrupted; resumed by operation operation-3',
      started_at: now,
      finished_at: now,
    });
  },
  '20261203_lifecycle.js': async knex => {
    await knex('session_expiry').insert({
      session_id: sessionId,
      exempt: true,
      exempted_by: 'user:default/ada',
      destroy_attempts: 0,
      next_attempt_at: null,
      last_error: null,
      updated_at: now,
    });
    await knex('session_notices').insert({
      session_id: sessionId,
      notice: 'expiry-warning:24h:2026-11-25T12:00:00.000Z',
      sent_at: now,
    });
    await knex('session_drift').insert({
      session_id: sessionId,
      report: '{}',
      drift_hash: null,
      checked_at: now,
    });
  },
};

/** The identifying columns of every row of every table that exists. */
async function snapshot(knex: Knex) {
  const rows: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    if (await knex.schema.hasTable(table)) {
      rows[table] = await knex(table).select(key).orderBy(key);
    }
  }
  return rows;
}

async function currentVersion(knex: Knex) {
  return knex.migrate.currentVersion({ directory: migrationsDir });
}

describe('migrations', () => {
  const databases = createTestDatabases();

  it('has a seed for every migration', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(MIGRATIONS);
  });

  it.each(databases.eachSupportedId())(
    'step up and down one at a time, keeping the data, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const up = () => knex.migrate.up({ directory: migrationsDir });
      const down = () => knex.migrate.down({ directory: migrationsDir });

      // Up, each step checked down and up again with the data of the earlier ones.
      for (const migration of MIGRATIONS) {
        const before = await snapshot(knex);
        await up();
        expect(await currentVersion(knex)).toBe(migration.split('_')[0]);
        expect(await snapshot(knex)).toMatchObject(before);
        for (const [table, column] of ADDED_COLUMNS[migration] ?? []) {
          expect(await knex.schema.hasColumn(table, column)).toBe(true);
        }
        await down();
        expect(await snapshot(knex)).toEqual(before);
        for (const [table, column] of ADDED_COLUMNS[migration] ?? []) {
          expect(await knex.schema.hasColumn(table, column)).toBe(false);
        }
        await up();
        expect(await snapshot(knex)).toMatchObject(before);
        await SEEDS[migration](knex);
      }

      // Rows written before the region column existed have none.
      const regions = await knex('resources')
        .select('address', 'region')
        .orderBy(['session_id', 'address']);
      expect(regions).toEqual([
        { address: 'aws_eip.web', region: 'us-east-1' },
        { address: 'aws_instance.web', region: null },
      ]);

      // Locks from before fencing start at generation 1.
      const generations = await knex('locks')
        .select('key', 'generation', 'released_at')
        .orderBy('key');
      expect(
        generations.map(g => [g.key, Number(g.generation), g.released_at]),
      ).toEqual([
        ['session:session-1', 1, null],
        ['session:session-2', 7, null],
      ]);

      // Down, one step at a time: what the remaining schema holds survives.
      for (const migration of [...MIGRATIONS].reverse()) {
        const before = await snapshot(knex);
        await down();
        const after = await snapshot(knex);
        // Only the first migration's down drops tables, rows and all.
        expect(after).toEqual(migration === MIGRATIONS[0] ? {} : before);
      }
      expect(await currentVersion(knex)).toBe('none');

      // And up again from nothing.
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await snapshot(knex)).toEqual(
        Object.fromEntries(Object.keys(TABLES).map(table => [table, []])),
      );
      await knex.destroy();
    },
  );
});

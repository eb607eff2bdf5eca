// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const migrationsDir = resolvePackagePath(
  '@intent-sandboxes/backstage-plugin-intent-backend',
  'migrations',
);

jest.setTimeout(60_000);

const TABLES = [
  'sessions',
  'revisions',
  'resources',
  'operations',
  'operation_steps',
  'locks',
  'approvals',
  'audit_events',
];

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'go up and down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('sessions')).toBe(true);
      await knex.destroy();
    },
  );
});

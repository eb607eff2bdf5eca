// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@intent-sandboxes/backstage-plugin-intent-backend',
  'migrations',
);

/**
 * The plugin database's client, migrated to the latest schema unless the
 * database service says migrations are skipped (or the caller already ran them).
 */
export async function getMigratedClient(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
}): Promise<Knex> {
  const client = await options.database.getClient();
  if (!options.skipMigrations && !options.database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import { simulatedCloudMigrations } from './SimulatedCloudProvider';

jest.setTimeout(60_000);

const TABLES = ['sim_resources', 'sim_tags', 'sim_failures'];

describe('simulated cloud migrations', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });

  it.each(databases.eachSupportedId())(
    'go up and down on %p, in their own migrations table',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = simulatedCloudMigrations();
      try {
        // The plugin's own migrations use knex's default table beside ours.
        await knex.schema.createTable('knex_migrations', table => {
          table.increments('id');
          table.string('name');
        });
        await knex('knex_migrations').insert({ name: '20261125_init.js' });

        await knex.migrate.up(config);
        for (const table of TABLES) {
          expect(await knex.schema.hasTable(table)).toBe(true);
        }
        const [{ seq }] = await knex('sim_resources')
          .insert({
            id: 'i-0123456789abcdef0',
            type: 'aws_instance',
            region: 'eu-west-1',
            address: 'aws_instance.web',
            client_token: 'token',
            request_hash: 'hash',
            request_id: 'request',
            live_key: 'aws_instance:i-0123456789abcdef0',
            state: 'pending',
            transition_at: 1_800_000_000_000,
            attributes: '{}',
            tags: '{}',
            created_at: 1_800_000_000_000,
            updated_at: 1_800_000_000_000,
          })
          .then(async () => knex('sim_resources').select('seq'));
        await knex('sim_tags').insert({
          resource_seq: seq,
          tag_key: 'intent:session',
          tag_value: 's1',
        });
        // Epoch millis survive in the bigint columns.
        const row = await knex('sim_resources').first();
        expect(Number(row.transition_at)).toBe(1_800_000_000_000);
        // Client tokens are unique per region and type; live keys while live.
        await expect(
          knex('sim_resources').insert({
            ...row,
            seq: undefined,
            id: 'i-0fedcba9876543210',
            live_key: 'aws_instance:i-0fedcba9876543210',
            request_id: 'request-2',
          }),
        ).rejects.toThrow();
        await knex('sim_resources').insert({
          ...row,
          seq: undefined,
          client_token: null,
          live_key: null,
          request_id: 'request-3',
        });
        await knex('sim_resources').insert({
          ...row,
          seq: undefined,
          client_token: null,
          live_key: null,
          request_id: 'request-4',
        });

        await knex.migrate.down(config);
        for (const table of TABLES) {
          expect(await knex.schema.hasTable(table)).toBe(false);
        }
        expect(await knex('knex_migrations').select('name')).toEqual([
          { name: '20261125_init.js' },
        ]);

        await knex.migrate.latest(config);
        expect(await knex(config.tableName).select('name')).toEqual([
          { name: '20261126_createSimulatedCloud.js' },
        ]);
      } finally {
        await knex.destroy();
      }
    },
  );
});

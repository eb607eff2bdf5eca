// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseLockStore } from './DatabaseLockStore';
import { DatabaseSessionStore } from './DatabaseSessionStore';

jest.setTimeout(60_000);

describe('DatabaseLockStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      // The session store runs the plugin's migrations, which create the table.
      await DatabaseSessionStore.create({
        database: { getClient: async () => knex } as DatabaseService,
      });
      return { knex, locks: new DatabaseLockStore(knex) };
    }
    const take = (
      locks: DatabaseLockStore,
      operationId: string,
      leaseMillis = 60_000,
    ) =>
      locks.acquire({
        key: 'session:s1',
        operationId,
        holder: `user:default/${operationId}`,
        leaseMillis,
      });

    it('lets exactly one of many concurrent callers take the lock and names the holder to the others', async () => {
      const { knex, locks } = await setUp();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => take(locks, `op${i}`)),
      );
      const winners = results.filter(r => r.acquired);
      expect(winners).toHaveLength(1);
      const holder = (await locks.get({ key: 'session:s1' }))!;
      for (const result of results.filter(r => !r.acquired)) {
        expect(result).toEqual({ acquired: false, holder });
      }
      await knex.destroy();
    });

    it('never steals a live lease, and takes over an expired one', async () => {
      const { knex, locks } = await setUp();
      expect((await take(locks, 'crashed', 50)).acquired).toBe(true);
      expect((await take(locks, 'next')).acquired).toBe(false);
      await new Promise(resolve => setTimeout(resolve, 1100));
      expect((await take(locks, 'next')).acquired).toBe(true);
      expect((await locks.get({ key: 'session:s1' }))!.operationId).toBe(
        'next',
      );
      // The crashed holder learns it lost the lease when it tries to renew.
      expect(
        await locks.renew({
          key: 'session:s1',
          operationId: 'crashed',
          leaseMillis: 1000,
        }),
      ).toBe(false);
      expect(
        await locks.renew({
          key: 'session:s1',
          operationId: 'next',
          leaseMillis: 1000,
        }),
      ).toBe(true);
      await knex.destroy();
    });

    it('releases only its own lease; force-release drops any', async () => {
      const { knex, locks } = await setUp();
      await take(locks, 'a');
      await locks.release({ key: 'session:s1', operationId: 'b' });
      expect((await locks.get({ key: 'session:s1' }))!.operationId).toBe('a');
      const dropped = await locks.forceRelease({
        key: 'session:s1',
        audit: { sessionId: 's1', actor: 'user:default/admin' },
      });
      expect(dropped!.operationId).toBe('a');
      const audit = await knex('audit_events').where({
        action: 'lock-force-release',
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        session_id: 's1',
        actor: 'user:default/admin',
      });
      expect(JSON.parse(audit[0].details).released.operationId).toBe('a');
      expect(await locks.get({ key: 'session:s1' })).toBeUndefined();
      expect((await take(locks, 'b')).acquired).toBe(true);
      await knex.destroy();
    });
  });
});

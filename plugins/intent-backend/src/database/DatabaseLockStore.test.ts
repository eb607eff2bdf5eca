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

    it('gives every grant a higher generation, and only the current grant is held', async () => {
      const { knex, locks } = await setUp();
      const grant = async (operationId: string, leaseMillis?: number) => {
        const result = await take(locks, operationId, leaseMillis);
        if (!result.acquired) {
          throw new Error(`${operationId} did not get the lock`);
        }
        return {
          key: 'session:s1',
          operationId,
          generation: result.generation,
        };
      };
      const a = await grant('a');
      expect(await locks.isHeld(a)).toBe(true);
      await locks.release({ key: 'session:s1', operationId: 'a' });
      expect(await locks.isHeld(a)).toBe(false);
      const b = await grant('b', 50);
      await new Promise(resolve => setTimeout(resolve, 1100));
      // Expired but not taken over: still b's.
      expect(await locks.isHeld(b)).toBe(true);
      const c = await grant('c');
      expect(await locks.isHeld(b)).toBe(false);
      expect(
        await locks.renew({
          key: 'session:s1',
          operationId: 'b',
          leaseMillis: 1000,
        }),
      ).toBe(false);
      await locks.forceRelease({
        key: 'session:s1',
        audit: { sessionId: 's1', actor: 'user:default/admin' },
      });
      expect(await locks.isHeld(c)).toBe(false);
      const d = await grant('d');
      expect([a, b, c, d].map(g => g.generation)).toEqual([1, 2, 3, 4]);
      // The same operation id under an old generation is not the holder.
      expect(await locks.isHeld({ ...d, generation: 3 })).toBe(false);
      await knex.destroy();
    });

    it('force-release marks the holding operation aborted and writes no event when nothing is held', async () => {
      const { knex, locks } = await setUp();
      const admin = { sessionId: 's1', actor: 'user:default/admin' };
      expect(
        await locks.forceRelease({ key: 'session:s1', audit: admin }),
      ).toBeUndefined();
      await knex('sessions').insert({
        id: 's1',
        title: 't',
        owner: 'user:default/ada',
        team: null,
        provider: 'simulated',
        region: 'eu-west-1',
        status: 'applying',
        expires_at: null,
        created_at: new Date(),
        updated_at: new Date(),
        promoted_to: null,
      });
      await knex('operations').insert({
        id: 'a',
        session_id: 's1',
        kind: 'apply',
        revision_seq: 1,
        status: 'running',
        actor: 'user:default/ada',
        error: null,
        started_at: new Date(),
        finished_at: null,
      });
      await take(locks, 'a');
      const dropped = await locks.forceRelease({
        key: 'session:s1',
        audit: admin,
      });
      expect(dropped!.operationId).toBe('a');
      // Released already: nothing more to release, nothing more to record.
      expect(
        await locks.forceRelease({ key: 'session:s1', audit: admin }),
      ).toBeUndefined();
      const audit = await knex('audit_events').where({
        action: 'lock-force-release',
      });
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].details)).toMatchObject({
        abortedOperationId: 'a',
        generation: 1,
      });
      const operation = await knex('operations').where({ id: 'a' }).first();
      expect(operation.status).toBe('aborted');
      expect(operation.error).toContain('force-released');
      const session = await knex('sessions').where({ id: 's1' }).first();
      expect(session.status).toBe('failed');
      await knex.destroy();
    });
  });
});

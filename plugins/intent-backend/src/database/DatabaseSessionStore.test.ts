// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { planWithRules } from '@intent-sandboxes/backstage-plugin-intent-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseSessionStore } from './DatabaseSessionStore';

jest.setTimeout(60_000);

describe('DatabaseSessionStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex } as DatabaseService;
    return { knex, store: await DatabaseSessionStore.create({ database }) };
  }

  const owner = 'user:default/ada';
  const result = planWithRules('a t3.micro with Ubuntu 22.04 in eu-west-1');

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates a planned session with its first revision and an audit event', async () => {
      const { store, knex } = await createStore(databaseId);
      const created = await store.createSession({
        title: 'a t3.micro',
        owner,
        provider: 'simulated',
        intent: 'a t3.micro with Ubuntu 22.04 in eu-west-1',
        result,
        planHash: 'h1',
      });
      expect(created.session).toMatchObject({
        owner,
        status: 'planned',
        region: 'eu-west-1',
        provider: 'simulated',
      });
      expect(created.revisions).toHaveLength(1);
      expect(created.revisions[0]).toMatchObject({
        seq: 1,
        status: 'proposed',
        planHash: 'h1',
        plan: result.plan,
        assumptions: result.assumptions,
      });
      expect(new Date(created.session.createdAt).getTime()).toBeGreaterThan(0);

      const audit = await store.listAuditEvents({
        sessionId: created.session.id,
      });
      expect(audit.map(e => e.action)).toEqual(['session-create']);
      await knex.destroy();
    });

    it('makes a session without resources a draft', async () => {
      const { store, knex } = await createStore(databaseId);
      const created = await store.createSession({
        title: 'hello',
        owner,
        provider: 'simulated',
        intent: 'hello',
        result: planWithRules('hello'),
        planHash: 'h0',
      });
      expect(created.session.status).toBe('draft');
      await knex.destroy();
    });

    it('throws NotFoundError for an unknown session', async () => {
      const { store, knex } = await createStore(databaseId);
      await expect(store.getSession({ id: 'nope' })).rejects.toThrow(
        NotFoundError,
      );
      await knex.destroy();
    });

    it('transitions only from the expected state and audits in the same transaction', async () => {
      const { store, knex } = await createStore(databaseId);
      const { session } = await store.createSession({
        title: 't',
        owner,
        provider: 'simulated',
        intent: 't3.micro',
        result,
        planHash: 'h',
      });
      const audit = { actor: owner, action: 'apply-start', details: {} };
      expect(
        await store.transition({
          id: session.id,
          from: 'planned',
          to: 'applying',
          audit,
        }),
      ).toBe(true);
      expect(
        await store.transition({
          id: session.id,
          from: 'planned',
          to: 'applying',
          audit,
        }),
      ).toBe(false);
      expect(
        await store.transition({
          id: session.id,
          from: 'applying',
          to: 'active',
          revision: { seq: 1, status: 'applied' },
          audit: { actor: owner, action: 'apply-succeeded', details: {} },
        }),
      ).toBe(true);
      const details = await store.getSession({ id: session.id });
      expect(details.session.status).toBe('active');
      expect(details.revisions[0].status).toBe('applied');
      const actions = (
        await store.listAuditEvents({ sessionId: session.id })
      ).map(e => e.action);
      expect(actions).toEqual([
        'session-create',
        'apply-start',
        'apply-succeeded',
      ]);
      await knex.destroy();
    });

    it('upserts resources by address', async () => {
      const { store, knex } = await createStore(databaseId);
      const { session } = await store.createSession({
        title: 't',
        owner,
        provider: 'simulated',
        intent: 't3.micro',
        result,
        planHash: 'h',
      });
      const resource = {
        address: 'aws_instance.sandbox',
        type: 'aws_instance',
        cloudId: 'i-0123',
        status: 'pending',
        desired: { instanceType: 't3.micro' },
        actual: { instanceType: 't3.micro' },
      };
      await store.saveResource({ sessionId: session.id, resource });
      await store.saveResource({
        sessionId: session.id,
        resource: { ...resource, status: 'running' },
      });
      const { resources } = await store.getSession({ id: session.id });
      expect(resources).toHaveLength(1);
      expect(resources[0]).toMatchObject({
        cloudId: 'i-0123',
        status: 'running',
      });
      await knex.destroy();
    });

    it('lists sessions newest first, filtered by owner and paginated', async () => {
      const { store, knex } = await createStore(databaseId);
      for (const who of [owner, owner, 'user:default/grace']) {
        await store.createSession({
          title: 't',
          owner: who,
          provider: 'simulated',
          intent: 't3.micro',
          result,
          planHash: 'h',
        });
      }
      const all = await store.listSessions({ limit: 2, offset: 0 });
      expect(all.totalCount).toBe(3);
      expect(all.items).toHaveLength(2);
      const mine = await store.listSessions({ owner, limit: 10, offset: 0 });
      expect(mine.totalCount).toBe(2);
      expect(mine.items.every(s => s.owner === owner)).toBe(true);
      const rest = await store.listSessions({ limit: 10, offset: 2 });
      expect(rest.items).toHaveLength(1);
      await knex.destroy();
    });
  });
});

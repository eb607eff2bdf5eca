// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { newRevision } from '../__testUtils__/revisions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseSessionStore } from './DatabaseSessionStore';

jest.setTimeout(60_000);

const ada = 'user:default/ada';
const grace = 'user:default/grace';

describe('DatabaseSessionStore', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex } as DatabaseService;
    return { knex, store: await DatabaseSessionStore.create({ database }) };
  }

  function create(
    store: DatabaseSessionStore,
    owner = ada,
    team: string | null = null,
  ) {
    return store.createSession({
      session: {
        title: 'a t3.micro',
        owner,
        team,
        provider: 'simulated',
        region: 'eu-west-1',
        status: 'planned',
        expiresAt: '2026-12-01T00:00:00.000Z',
      },
      revision: newRevision('a t3.micro in eu-west-1', owner),
      audit: { actor: owner, action: 'session-create', details: {} },
    });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates a session with its first revision and audit event in one go', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const details = await store.getSession({ id });
      expect(details.session).toMatchObject({
        owner: ada,
        status: 'planned',
        region: 'eu-west-1',
        expiresAt: '2026-12-01T00:00:00.000Z',
        promotedTo: null,
      });
      expect(details.revisions).toHaveLength(1);
      expect(details.revisions[0]).toMatchObject({
        seq: 1,
        status: 'proposed',
        planHash: 'hash-of-a t3.micro in eu-west-1',
        policy: { verdict: 'allow' },
      });
      expect(details.revisions[0].diff.counts.create).toBe(1);
      expect(details.lock).toBeNull();
      const audit = await store.listAuditEvents({ sessionId: id, limit: 10 });
      expect(audit.map(e => [e.action, e.revisionSeq])).toEqual([
        ['session-create', 1],
      ]);
      await knex.destroy();
    });

    it('appends revisions, superseding the proposed one, only from the allowed states', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const seq = await store.addRevision({
        sessionId: id,
        from: ['planned', 'active'],
        to: 'planned',
        revision: newRevision('a t3.large'),
        audit: { actor: ada, action: 'revision-create', details: {} },
      });
      expect(seq).toBe(2);
      const details = await store.getSession({ id });
      expect(details.revisions.map(r => [r.seq, r.status])).toEqual([
        [1, 'superseded'],
        [2, 'proposed'],
      ]);
      const refused = await store.addRevision({
        sessionId: id,
        from: ['active'],
        to: 'planned',
        revision: newRevision('a t3.xlarge'),
        audit: { actor: ada, action: 'revision-create', details: {} },
      });
      expect(refused).toBeUndefined();
      expect((await store.getSession({ id })).revisions).toHaveLength(2);
      await knex.destroy();
    });

    it('transitions only from the expected states and audits in the same transaction', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const audit = { actor: ada, action: 'apply-start', details: {} };
      expect(
        await store.transition({
          id,
          from: ['planned'],
          to: 'applying',
          audit,
        }),
      ).toBe(true);
      expect(
        await store.transition({
          id,
          from: ['planned'],
          to: 'applying',
          audit,
        }),
      ).toBe(false);
      expect(
        await store.transition({
          id,
          from: ['applying'],
          to: 'active',
          revision: { seq: 1, status: 'applied' },
          expiresAt: '2026-12-02T00:00:00.000Z',
          audit: { actor: ada, action: 'apply-succeeded', details: {} },
        }),
      ).toBe(true);
      const details = await store.getSession({ id });
      expect(details.session.status).toBe('active');
      expect(details.session.expiresAt).toBe('2026-12-02T00:00:00.000Z');
      expect(details.revisions[0].status).toBe('applied');
      const actions = (
        await store.listAuditEvents({ sessionId: id, limit: 10 })
      ).map(e => e.action);
      expect(actions).toEqual([
        'apply-succeeded',
        'apply-start',
        'session-create',
      ]);
      await knex.destroy();
    });

    it('throws NotFoundError for unknown sessions and operations', async () => {
      const { store, knex } = await setUp(databaseId);
      await expect(store.getSession({ id: 'nope' })).rejects.toThrow(
        NotFoundError,
      );
      await expect(store.getOperation({ id: 'nope' })).rejects.toThrow(
        NotFoundError,
      );
      expect(await store.findSession({ id: 'nope' })).toBeUndefined();
      const id = await create(store);
      expect(await store.findSession({ id })).toEqual(
        (await store.getSession({ id })).session,
      );
      await knex.destroy();
    });

    it('upserts and deletes resources by address', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const resource = {
        address: 'aws_instance.sandbox',
        type: 'aws_instance',
        cloudId: 'i-0123',
        replacedCloudId: null,
        status: 'pending',
        desired: { instanceType: 't3.micro' },
        actual: { instanceType: 't3.micro' },
      };
      await store.saveResource({ sessionId: id, resource });
      await store.saveResource({
        sessionId: id,
        resource: {
          ...resource,
          cloudId: 'i-0456',
          replacedCloudId: 'i-0123',
          status: 'running',
        },
      });
      let { resources } = await store.getSession({ id });
      expect(resources).toHaveLength(1);
      expect(resources[0]).toMatchObject({
        cloudId: 'i-0456',
        replacedCloudId: 'i-0123',
        status: 'running',
      });
      await store.deleteResource({
        sessionId: id,
        address: 'aws_instance.sandbox',
      });
      ({ resources } = await store.getSession({ id }));
      expect(resources).toEqual([]);
      await knex.destroy();
    });

    it('records operations and their steps in order', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      await store.createOperation({
        id: 'op-1',
        sessionId: id,
        kind: 'apply',
        revisionSeq: 1,
        actor: ada,
      });
      await store.appendStep({
        operationId: 'op-1',
        step: 'create:aws_instance.a',
        status: 'started',
        cloudId: null,
        message: null,
      });
      await store.appendStep({
        operationId: 'op-1',
        step: 'create:aws_instance.a',
        status: 'succeeded',
        cloudId: 'i-1',
        message: null,
      });
      await store.finishOperation({
        operationId: 'op-1',
        status: 'failed',
        error: 'boom',
      });
      const operation = await store.getOperation({ id: 'op-1' });
      expect(operation).toMatchObject({
        status: 'failed',
        error: 'boom',
        kind: 'apply',
        revisionSeq: 1,
      });
      expect(operation.finishedAt).not.toBeNull();
      expect(operation.steps.map(s => s.status)).toEqual([
        'started',
        'succeeded',
      ]);
      expect(
        (await store.getSession({ id })).operations.map(o => o.id),
      ).toEqual(['op-1']);
      await knex.destroy();
    });

    it('lists newest first, filtered by owner, status and permission criteria, paginated', async () => {
      const { store, knex } = await setUp(databaseId);
      await create(store, ada);
      await create(store, ada, 'group:default/team-a');
      await create(store, grace);
      const all = await store.listSessions({ limit: 2, offset: 0 });
      expect(all.totalCount).toBe(3);
      expect(all.items).toHaveLength(2);
      expect(
        (await store.listSessions({ limit: 10, offset: 2 })).items,
      ).toHaveLength(1);
      const mine = await store.listSessions({
        owner: ada,
        limit: 10,
        offset: 0,
      });
      expect(mine.totalCount).toBe(2);
      expect(
        (await store.listSessions({ status: 'active', limit: 10, offset: 0 }))
          .totalCount,
      ).toBe(0);
      const team = await store.listSessions({
        criteria: { ownedByAnyOf: ['group:default/team-a', grace] },
        limit: 10,
        offset: 0,
      });
      expect(team.items.map(s => s.owner).sort()).toEqual([ada, grace]);
      const notGrace = await store.listSessions({
        criteria: { not: { ownedByAnyOf: [grace] } },
        limit: 10,
        offset: 0,
      });
      expect(notGrace.totalCount).toBe(2);
      const none = await store.listSessions({
        criteria: { anyOf: [] } as any,
        limit: 10,
        offset: 0,
      });
      expect(none.totalCount).toBe(0);
      await knex.destroy();
    });
  });
});

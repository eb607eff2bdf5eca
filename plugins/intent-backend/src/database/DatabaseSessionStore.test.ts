// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { newRevision } from '../__testUtils__/revisions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseLockStore } from './DatabaseLockStore';
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
      expect(details.session.region).toBe('eu-west-1');
      expect(details.revisions[0].status).toBe('applied');
      const actions = (
        await store.listAuditEvents({ sessionId: id, limit: 10 })
      ).map(e => e.action);
      expect(actions).toEqual([
        'apply-succeeded',
        'apply-start',
        'session-create',
      ]);
      // The region moves when a move is applied, never before.
      await store.transition({
        id,
        from: ['active'],
        to: 'active',
        region: 'eu-central-1',
        audit: { actor: ada, action: 'apply-succeeded', details: {} },
      });
      expect((await store.findSession({ id }))?.region).toBe('eu-central-1');
      await knex.destroy();
    });

    it('starts an operation with the state change or not at all', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const starts = (opId: string) => ({
        id,
        from: ['planned' as const],
        to: 'applying' as const,
        startsOperation: {
          id: opId,
          kind: 'apply' as const,
          revisionSeq: 1,
          actor: ada,
        },
        audit: { actor: ada, action: 'apply-start', details: {} },
      });
      expect(await store.transition(starts('op-1'))).toBe(true);
      expect((await store.getOperation({ id: 'op-1' })).status).toBe('running');
      // Refused (no longer planned): no operation is left behind.
      expect(await store.transition(starts('op-2'))).toBe(false);
      await expect(store.getOperation({ id: 'op-2' })).rejects.toThrow(
        NotFoundError,
      );
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

    it('reads a whole session in at most two queries', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      await create(store, grace);
      await store.addRevision({
        sessionId: id,
        from: ['planned'],
        to: 'planned',
        revision: newRevision('a t3.large'),
        audit: { actor: ada, action: 'revision-create', details: {} },
      });
      for (const address of ['aws_instance.b', 'aws_eip.a']) {
        await store.saveResource({
          sessionId: id,
          resource: {
            address,
            type: address.split('.')[0],
            region: 'eu-west-1',
            cloudId: `id-${address}`,
            replacedCloudId: null,
            status: 'running',
            desired: { address },
            actual: null,
          },
        });
      }
      for (const operationId of ['op-1', 'op-2']) {
        await store.createOperation({
          id: operationId,
          sessionId: id,
          kind: 'apply',
          revisionSeq: 2,
          actor: ada,
        });
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      await store.finishOperation({ operationId: 'op-1', status: 'succeeded' });
      for (const decision of ['rejected', 'approved'] as const) {
        await store.decideRevision({
          sessionId: id,
          from: ['proposed', 'rejected'],
          approval: {
            seq: 2,
            planHash: 'hash-of-a t3.large',
            decision,
            actor: grace,
            comment: decision === 'rejected' ? 'too big' : null,
            expiresAt: '2026-12-01T00:00:00.000Z',
          },
          audit: { actor: grace, action: `revision-${decision}`, details: {} },
        });
      }
      const locks = new DatabaseLockStore(knex);
      await locks.acquire({
        key: `session:${id}`,
        operationId: 'op-2',
        holder: ada,
        leaseMillis: 60_000,
      });

      const queries: string[] = [];
      const count = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', count);
      const details = await store.getSession({ id });
      knex.off('query', count);

      expect(queries.length).toBeLessThanOrEqual(2);
      expect(details.session).toMatchObject({ id, owner: ada });
      expect(details.revisions.map(r => [r.seq, r.status])).toEqual([
        [1, 'superseded'],
        [2, 'approved'],
      ]);
      expect(details.revisions[1]).toMatchObject({
        planHash: 'hash-of-a t3.large',
        approvedBy: grace,
        policy: { verdict: 'allow' },
      });
      expect(details.resources.map(r => [r.address, r.region])).toEqual([
        ['aws_eip.a', 'eu-west-1'],
        ['aws_instance.b', 'eu-west-1'],
      ]);
      expect(details.resources[0]).toMatchObject({
        type: 'aws_eip',
        cloudId: 'id-aws_eip.a',
        replacedCloudId: null,
        desired: { address: 'aws_eip.a' },
        actual: null,
      });
      expect(details.operations.map(o => [o.id, o.status])).toEqual([
        ['op-2', 'running'],
        ['op-1', 'succeeded'],
      ]);
      expect(details.operations[1]).toMatchObject({
        sessionId: id,
        kind: 'apply',
        revisionSeq: 2,
        actor: ada,
        error: null,
      });
      expect(details.operations[1].finishedAt).not.toBeNull();
      expect(details.operations[0].finishedAt).toBeNull();
      expect(details.lock).toMatchObject({ operationId: 'op-2', holder: ada });
      expect(details.approvals).toEqual([
        expect.objectContaining({
          seq: 2,
          decision: 'approved',
          comment: null,
          expiresAt: '2026-12-01T00:00:00.000Z',
        }),
        expect.objectContaining({
          seq: 2,
          decision: 'rejected',
          actor: grace,
          comment: 'too big',
        }),
      ]);
      for (const at of [
        details.revisions[0].createdAt,
        details.resources[0].updatedAt,
        details.operations[0].startedAt,
        details.approvals[0].createdAt,
        details.lock!.acquiredAt,
      ]) {
        expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);
      }
      await knex.destroy();
    });

    it('leaves out an expired lock and keeps at most 20 operations', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      for (let i = 0; i < 22; i++) {
        await store.createOperation({
          id: `op-${i}`,
          sessionId: id,
          kind: 'apply',
          revisionSeq: null,
          actor: ada,
        });
      }
      await new DatabaseLockStore(knex).acquire({
        key: `session:${id}`,
        operationId: 'op-0',
        holder: ada,
        leaseMillis: -1000,
      });
      const details = await store.getSession({ id });
      expect(details.lock).toBeNull();
      expect(details.operations).toHaveLength(20);
      expect(details.operations[0].revisionSeq).toBeNull();
      expect(details.resources).toEqual([]);
      expect(details.approvals).toEqual([]);
      await knex.destroy();
    });

    it('stores the region of a resource and keeps it when an update does not name one', async () => {
      const { store, knex } = await setUp(databaseId);
      const id = await create(store);
      const resource = {
        address: 'aws_instance.sandbox',
        type: 'aws_instance',
        cloudId: null,
        replacedCloudId: null,
        status: 'pending',
        desired: {},
        actual: null,
      };
      await store.saveResource({ sessionId: id, resource });
      expect((await store.getSession({ id })).resources[0].region).toBeNull();
      await store.saveResource({
        sessionId: id,
        resource: { ...resource, region: 'us-east-1' },
      });
      await store.saveResource({
        sessionId: id,
        resource: { ...resource, status: 'running' },
      });
      expect((await store.getSession({ id })).resources[0]).toMatchObject({
        region: 'us-east-1',
        status: 'running',
      });
      await knex.destroy();
    });

    it('counts the list past the last page', async () => {
      const { store, knex } = await setUp(databaseId);
      await create(store);
      await create(store);
      expect(await store.listSessions({ limit: 1, offset: 1 })).toMatchObject({
        totalCount: 2,
        items: [expect.objectContaining({ owner: ada })],
      });
      expect(await store.listSessions({ limit: 1, offset: 5 })).toEqual({
        items: [],
        totalCount: 2,
      });
      expect(
        await store.listSessions({ owner: grace, limit: 1, offset: 0 }),
      ).toEqual({ items: [], totalCount: 0 });
      await knex.destroy();
    });
  });
});

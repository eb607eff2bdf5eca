// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { startIntentBackend, waitForStatus } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

/**
 * A database handle that a "kill -9" cuts off: after `kill()` every new
 * query of the backend using it fails, so it writes nothing more (no
 * outcome, no lease renewal), as if its process were gone.
 */
function killableKnex(knex: Knex) {
  let dead = false;
  const killed = () => new Error('the backend was killed');
  const proxy = new Proxy(knex, {
    apply(target, thisArg, args) {
      if (dead) {
        throw killed();
      }
      return Reflect.apply(target, thisArg, args);
    },
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (dead && typeof value === 'function' && prop !== 'destroy') {
        return () => Promise.reject(killed());
      }
      return value;
    },
  });
  return { knex: proxy, kill: () => (dead = true) };
}

/** Config: slow instance boots, short leases, a recovery job every 500 ms. */
function recoveryConfig(
  options: {
    maxInstances?: number;
    bootMillis?: number;
    latencyMillis?: number;
  } = {},
): JsonObject {
  return {
    intent: {
      simulated: {
        bootMillis: options.bootMillis ?? 1500,
        latencyMillis: options.latencyMillis ?? 0,
      },
      operations: {
        concurrency: 1,
        pollMillis: 10,
        lease: '1s',
        recovery: { frequency: '500ms' },
      },
      ...(options.maxInstances !== undefined
        ? { policy: { baseline: { maxInstances: options.maxInstances } } }
        : {}),
    },
  };
}

type Backend = Awaited<ReturnType<typeof startIntentBackend>>;

async function counts(server: Backend['server']) {
  const res = await request(server).get('/api/intent/v1/simulated/counts');
  return res.body as Record<string, { existing: number; created: number }>;
}

/** Polls until `check` holds. */
async function until(check: () => Promise<boolean>, timeoutMillis = 20_000) {
  const deadline = Date.now() + timeoutMillis;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise(r => setTimeout(r, 25));
  }
}

describe('operation recovery', () => {
  const databases = createTestDatabases();

  /** A backend with a real scheduler, on `knex` (killable when asked). */
  async function start(
    databaseId: TestDatabaseId,
    knex: Knex | undefined,
    config: JsonObject,
  ) {
    return startIntentBackend(databases, databaseId, {
      knex,
      config,
      features: [schedulerServiceFactory],
    });
  }

  /** Starts a backend, a session of three instances and its apply; kills it mid-apply. */
  async function crashDuringApply(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const crashable = killableKnex(knex);
    const a = await start(databaseId, crashable.knex, recoveryConfig());
    const created = await a
      .api()
      .post('/api/intent/v1/sessions')
      .send({ intent: '3 t3.micro instances' });
    expect(created.status).toBe(201);
    const id = created.body.session.id as string;
    const revision = created.body.revisions[0];
    expect(
      revision.plan.resources.filter((r: any) => r.type === 'aws_instance'),
    ).toHaveLength(3);
    const applied = await a
      .api()
      .post(`/api/intent/v1/sessions/${id}/apply`)
      .send({ planHash: revision.planHash });
    expect(applied.status).toBe(202);
    // Mid-apply: the first instance is booting.
    await until(
      async () => ((await counts(a.server)).aws_instance?.created ?? 0) >= 1,
    );
    const crashedAt = Date.now();
    crashable.kill();
    await a.stop().catch(() => {});
    return {
      knex,
      id,
      operationId: applied.body.operationId as string,
      crashedAt,
    };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('recovers an apply killed mid-way on restart, with no request from anyone', async () => {
      const { knex, id, operationId, crashedAt } = await crashDuringApply(
        databaseId,
      );
      const b = await start(databaseId, knex, recoveryConfig());
      const details = await waitForStatus(b.server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
      // The figure: lease 1 s + job every 500 ms bound the wait; the rest
      // is finishing the two remaining 1.5 s boots.
      // eslint-disable-next-line no-console
      console.log(
        `restart recovery on ${databaseId}: ${
          Date.now() - crashedAt
        } ms from the kill to active`,
      );
      expect(
        details.resources.filter((r: any) => r.type === 'aws_instance'),
      ).toHaveLength(3);
      const old = await b.api().get(`/api/intent/v1/operations/${operationId}`);
      expect(old.body.status).toBe('aborted');
      expect(old.body.error).toMatch(/resumed by operation [0-9a-f-]{36}/);
      // Nothing created twice.
      expect((await counts(b.server)).aws_instance).toEqual({
        existing: 3,
        created: 3,
      });
      const audit = await b.api().get(`/api/intent/v1/sessions/${id}/audit`);
      expect(audit.body.items.map((e: any) => e.action)).toContain(
        'operation-recovered',
      );
      await b.stop();
      await knex.destroy();
    });

    it('ends an interrupted apply failed when the guardrails tightened meanwhile, and destroy still removes everything', async () => {
      const { knex, id, operationId } = await crashDuringApply(databaseId);
      const b = await start(
        databaseId,
        knex,
        recoveryConfig({ maxInstances: 1 }),
      );
      const details = await waitForStatus(b.server, id, ['active', 'failed']);
      expect(details.session.status).toBe('failed');
      const old = await b.api().get(`/api/intent/v1/operations/${operationId}`);
      expect(old.body.status).toBe('failed');
      expect(old.body.error).toContain('Interrupted, and not resumed');
      const audit = await b.api().get(`/api/intent/v1/sessions/${id}/audit`);
      expect(audit.body.items.map((e: any) => e.action)).toContain(
        'operation-abandoned',
      );
      const destroyed = await b
        .api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true });
      expect(destroyed.status).toBe(202);
      const end = await waitForStatus(b.server, id, ['destroyed', 'failed']);
      expect(end.session.status).toBe('destroyed');
      expect(end.resources).toEqual([]);
      expect((await counts(b.server)).aws_instance?.existing ?? 0).toBe(0);
      await b.stop();
      await knex.destroy();
    });

    it('finishes a destroy killed mid-way on restart, whatever the guardrails say now', async () => {
      const knex = await databases.init(databaseId);
      const crashable = killableKnex(knex);
      const a = await start(
        databaseId,
        crashable.knex,
        recoveryConfig({ bootMillis: 20, latencyMillis: 500 }),
      );
      const created = await a
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: '3 t3.micro instances' });
      const id = created.body.session.id as string;
      await a
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await waitForStatus(a.server, id, ['active']);
      // Every call takes 500 ms on this cloud: kill during the first delete.
      await a
        .api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      await new Promise(r => setTimeout(r, 200));
      crashable.kill();
      await a.stop().catch(() => {});

      const b = await start(
        databaseId,
        knex,
        recoveryConfig({ maxInstances: 1 }),
      );
      const end = await waitForStatus(b.server, id, ['destroyed', 'failed']);
      expect(end.session.status).toBe('destroyed');
      expect(end.resources).toEqual([]);
      expect((await counts(b.server)).aws_instance?.existing ?? 0).toBe(0);
      await b.stop();
      await knex.destroy();
    });

    it('stops an operation whose lock was force-released before its next cloud call', async () => {
      const b = await start(databaseId, undefined, recoveryConfig());
      const created = await b
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: '3 t3.micro instances' });
      const id = created.body.session.id as string;
      const applied = await b
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await until(
        async () => ((await counts(b.server)).aws_instance?.created ?? 0) >= 1,
      );
      const released = await b
        .api()
        .post(`/api/intent/v1/sessions/${id}/lock/release`);
      expect(released.body.abortedOperationId).toBe(applied.body.operationId);
      const before = await counts(b.server);
      // Long enough for the two other instances of the old operation.
      await new Promise(r => setTimeout(r, 4000));
      const after = await counts(b.server);
      expect(after.aws_instance.created).toBe(before.aws_instance.created);
      const operation = await b
        .api()
        .get(`/api/intent/v1/operations/${applied.body.operationId}`);
      expect(operation.body.status).toBe('aborted');
      const details = await b.api().get(`/api/intent/v1/sessions/${id}`);
      expect(details.body.session.status).toBe('failed');
      await b.stop();
      await b.knex.destroy();
    });
  });

  it.each(databases.eachSupportedId().filter(([id]) => id === 'POSTGRES_15'))(
    'lets a second replica on %p recover the apply of one that was killed',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const crashable = killableKnex(knex);
      const a = await start(databaseId, crashable.knex, recoveryConfig());
      const b = await start(databaseId, knex, recoveryConfig());
      const created = await a
        .api()
        .post('/api/intent/v1/sessions')
        .send({ intent: '3 t3.micro instances' });
      const id = created.body.session.id as string;
      const applied = await a
        .api()
        .post(`/api/intent/v1/sessions/${id}/apply`)
        .send({ planHash: created.body.revisions[0].planHash })
        .expect(202);
      await until(
        async () => ((await counts(b.server)).aws_instance?.created ?? 0) >= 1,
      );
      const crashedAt = Date.now();
      crashable.kill();
      await a.stop().catch(() => {});
      const details = await waitForStatus(b.server, id, ['active', 'failed']);
      expect(details.session.status).toBe('active');
      expect((await counts(b.server)).aws_instance).toEqual({
        existing: 3,
        created: 3,
      });
      const old = await b
        .api()
        .get(`/api/intent/v1/operations/${applied.body.operationId}`);
      expect(old.body.status).toBe('aborted');
      // eslint-disable-next-line no-console
      console.log(
        `replica recovery on ${databaseId}: ${
          Date.now() - crashedAt
        } ms from the kill to active`,
      );
      await b.stop();
      await knex.destroy();
    },
  );
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from '../__testUtils__/backend';
import {
  ReplicaLauncher,
  spawnReplicaProcess,
} from '../__testUtils__/replicaProcess';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseLockStore } from '../database';
import { manualScheduler } from './testScheduler';

jest.setTimeout(180_000);

const databases = createTestDatabases();
// The engine replicas share in production; skipped where it is not running.
const describeOnPostgres = databases
  .eachSupportedId()
  .some(([id]) => id === 'POSTGRES_15')
  ? describe
  : describe.skip;

/** Polls until `check` gives a value. */
async function until<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMillis = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 20));
  }
}

describeOnPostgres('two replicas on one PostgreSQL, one a process', () => {
  let processA: ReplicaLauncher | undefined;
  afterEach(async () => {
    await processA?.kill();
  });

  it('a replica killed with SIGKILL mid-apply: the other finishes the apply after the lease, creating nothing twice', async () => {
    // Replica A loads in its own process while B starts here.
    processA = spawnReplicaProcess();
    const knex = await databases.init('POSTGRES_15');
    // B first: it migrates the database; A then finds it up to date.
    const schedulerB = manualScheduler();
    const b = await startIntentBackend(databases, 'POSTGRES_15', {
      knex,
      services: [schedulerB.factory],
    });
    // A creates one instance at a time, each booting 2 s: slow enough to
    // be killed between the first create and the end of the apply. The
    // simulated cloud keeps its state in this database, so A and B share it.
    const replicaA = await processA.start({
      knex,
      config: {
        intent: {
          ...testConfig.intent,
          simulated: { boot: '2s' },
          operations: { ...testConfig.intent.operations, concurrency: 1 },
        },
      },
    });
    const created = await replicaA
      .api()
      .post('/api/intent/v1/sessions')
      .send({ intent: '3 t3.micro instances' });
    expect(created.status).toBe(201);
    const id = created.body.session.id as string;
    const { plan, planHash } = created.body.revisions[0];
    const applied = await replicaA
      .api()
      .post(`/api/intent/v1/sessions/${id}/apply`)
      .send({ planHash });
    expect(applied.status).toBe(202);

    const counts = async () =>
      (await b.api().get('/api/intent/v1/simulated/counts')).body as Record<
        string,
        { existing: number; created: number }
      >;
    await until(
      async () =>
        ((await counts()).aws_instance?.created ?? 0) >= 1 || undefined,
      'the first instance to be created',
    );
    await replicaA.kill('SIGKILL');
    const killedAt = Date.now();

    // Killed mid-apply: not every instance exists, the session still applies.
    expect((await counts()).aws_instance.created).toBeLessThan(3);
    // A's lease is still held: nobody released it.
    const lock = await new DatabaseLockStore(knex).get({
      key: `session:${id}`,
    });
    expect(lock?.operationId).toBe(applied.body.operationId);
    // Before the lease runs out, B leaves the operation alone...
    await schedulerB.trigger('intent-operation-recovery');
    const meanwhile = await b.api().get(`/api/intent/v1/sessions/${id}`);
    expect(meanwhile.body.session.status).toBe('applying');
    expect(meanwhile.body.operations).toHaveLength(1);

    // ...after it, B resumes it.
    const leaseEnd = new Date(lock!.expiresAt).getTime();
    await new Promise(r => setTimeout(r, leaseEnd - Date.now() + 50));
    await schedulerB.trigger('intent-operation-recovery');
    const done = await waitForStatus(b.server, id, ['active', 'failed']);
    expect(done.session.status).toBe('active');
    const operations = done.operations
      .map((o: any) => ({ id: o.id, status: o.status }))
      .sort((x: any, y: any) => x.status.localeCompare(y.status));
    expect(operations).toEqual([
      { id: applied.body.operationId, status: 'aborted' },
      { id: expect.any(String), status: 'succeeded' },
    ]);
    // eslint-disable-next-line no-console
    console.log(
      `Process kill to active on another replica: ${Date.now() - killedAt} ms`,
    );

    // The cloud holds one resource per plan resource, and never held more.
    const planned = new Map<string, number>();
    for (const resource of plan.resources as Array<{ type: string }>) {
      planned.set(resource.type, (planned.get(resource.type) ?? 0) + 1);
    }
    expect(planned.get('aws_instance')).toBe(3);
    const live = Object.fromEntries(
      Object.entries(await counts()).filter(([, c]) => c.created > 0),
    );
    expect(live).toEqual(
      Object.fromEntries(
        [...planned].map(([type, n]) => [type, { existing: n, created: n }]),
      ),
    );
    expect(new Set(done.resources.map((r: any) => r.cloudId)).size).toBe(
      plan.resources.length,
    );
    await b.stop();
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import knexFactory, { Knex } from 'knex';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { manualScheduler } from './testScheduler';

jest.setTimeout(180_000);

/** A logger that keeps every message with its time, so a test can time job runs. */
function recordingLogger(lines: Array<{ at: number; message: string }>) {
  const record = (message: string) =>
    void lines.push({ at: Date.now(), message });
  const logger: LoggerService = {
    error: record,
    warn: record,
    info: record,
    debug: record,
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => logger,
  });
}

/** Another connection pool to the same database: what a second replica has. */
function secondPool(knex: Knex): Knex {
  return knexFactory(knex.client.config);
}

const databases = createTestDatabases();
// The engine replicas share in production; skipped where it is not running.
const describeOnPostgres = databases
  .eachSupportedId()
  .some(([id]) => id === 'POSTGRES_15')
  ? describe
  : describe.skip;

// A replica killed mid-apply: twoReplicas.processKill.test.ts (a real process).
describeOnPostgres('two replicas on one PostgreSQL', () => {
  it('runs exactly one of two concurrent applies of a session', async () => {
    const knexA = await databases.init('POSTGRES_15');
    const knexB = secondPool(knexA);
    const schedulerB = manualScheduler();
    const a = await startIntentBackend(databases, 'POSTGRES_15', {
      knex: knexA,
    });
    const b = await startIntentBackend(databases, 'POSTGRES_15', {
      knex: knexB,
      services: [schedulerB.factory],
    });

    // Concurrent applies of one session through both: exactly one runs.
    const created = await a
      .api()
      .post('/api/intent/v1/sessions')
      .send({ intent: 't3.micro instance with Ubuntu' });
    const id = created.body.session.id;
    const planHash = created.body.revisions[0].planHash;
    const answers = await Promise.all([
      a.api().post(`/api/intent/v1/sessions/${id}/apply`).send({ planHash }),
      b.api().post(`/api/intent/v1/sessions/${id}/apply`).send({ planHash }),
    ]);
    expect(answers.map(r => r.status).sort()).toEqual([202, 409]);
    const active = await waitForStatus(a.server, id, ['active', 'failed']);
    expect(active.session.status).toBe('active');
    expect(
      active.operations.filter((o: any) => o.kind === 'apply'),
    ).toHaveLength(1);
    const counts = await b.api().get('/api/intent/v1/simulated/counts');
    expect(counts.body.aws_instance).toEqual({ existing: 1, created: 1 });
    await a.stop();
    await b.stop();
    await knexB.destroy();
  });

  it('runs each scheduled job once per period across both replicas', async () => {
    const knexA = await databases.init('POSTGRES_15');
    const knexB = secondPool(knexA);
    const lines: Array<{ at: number; message: string }> = [];
    const config = {
      intent: {
        ...testConfig.intent,
        lifecycle: { expiryFrequency: '1s', driftFrequency: '1s' },
      },
    };
    // One after the other, as a rolling deploy does: migrations run once.
    const replicas = [];
    for (const knex of [knexA, knexB]) {
      replicas.push(
        await startIntentBackend(databases, 'POSTGRES_15', {
          knex,
          config,
          services: [schedulerServiceFactory, recordingLogger(lines)],
        }),
      );
    }
    const from = Date.now();
    await new Promise(r => setTimeout(r, 8000));
    const runs = (id: string) =>
      lines
        .filter(l => l.at >= from && l.message === `Lifecycle job ${id} runs`)
        .map(l => l.at);
    // Both replicas schedule each job every second; the scheduler lets one
    // of them run it per period: at most 9 runs in 8 s (each replica running
    // it would make about 16).
    for (const id of ['intent-expiry-sweep', 'intent-drift-check']) {
      const times = runs(id);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(times.length).toBeLessThanOrEqual(9);
    }
    await Promise.all(replicas.map(r => r.stop()));
    await knexB.destroy();
  });
});

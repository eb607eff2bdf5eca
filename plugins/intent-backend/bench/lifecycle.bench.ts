// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable no-console */

// Benchmarks of the lifecycle jobs (yarn bench:lifecycle), on SQLite and on
// PostgreSQL (when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or
// 127.0.0.1:5432 answers):
//  1. drift check of 500 resources (50 sessions × 10, two resource types, 5
//     changed in the cloud): describe calls made (goal: ceil(N/1000) per
//     resource type, plus one by tag for unmanaged resources) and wall time;
//  2. expiry sweep of 1000 sessions (900 in their warning window, 100
//     expired): wall time of the first sweep (900 warnings, 100 destroys
//     started) and of the second (nothing to do: every warning was sent).
// The database, the stores, the simulated cloud and the session service are
// real; notifications are counted, not sent.

import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import {
  estimateCost,
  planSchema,
  PLAN_FORMAT_VERSION,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { DatabaseSessionStore } from '../src/database';
import { DatabaseLifecycleStore } from '../src/database/DatabaseLifecycleStore';
import { DriftChecker } from '../src/lifecycle/DriftChecker';
import { ExpirySweep } from '../src/lifecycle/ExpirySweep';
import { RetriedDestroy } from '../src/lifecycle/retriedDestroy';
import type { LifecycleSettings } from '../src/lifecycle/settings';
import { Guardrails } from '../src/service/guardrails';
import {
  createSessionService,
  createSessionStore,
  logger,
  openDatabase,
} from './startBackend';

const OWNER = 'user:default/bench';
const REGION = 'eu-west-1';

const guardrails: Guardrails = {
  load: async () => ({
    summary: () => '',
    evaluate: async ({ plan }) => ({
      policy: { verdict: 'allow', findings: [], appliedPolicies: [] },
      cost: estimateCost(plan),
    }),
  }),
};

/** The provider, counting its describe calls. */
function counting(provider: CloudProvider) {
  const calls = { describe: 0 };
  const counted: CloudProvider = Object.create(provider);
  (counted as any).describe = (options: any) => {
    calls.describe++;
    return provider.describe(options);
  };
  return { counted, calls };
}

async function insertSession(
  knex: Knex,
  fields: { status: string; expiresAt: Date },
) {
  const id = randomUUID();
  const now = new Date();
  await knex('sessions').insert({
    id,
    title: 'bench',
    owner: OWNER,
    team: null,
    provider: 'simulated',
    region: REGION,
    status: fields.status,
    expires_at: fields.expiresAt,
    created_at: now,
    updated_at: now,
  });
  return id;
}

async function benchDrift(knex: Knex, store: DatabaseSessionStore) {
  const cloud = await SimulatedCloudProvider.create({
    knex,
    options: { volumeCreateMillis: 0, bootMillis: 0 },
  });
  const SESSIONS = 50;
  const PER_SESSION = 10;
  const volumes: string[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const sessionId = await insertSession(knex, {
      status: 'active',
      expiresAt: new Date(Date.now() + 8 * 3_600_000),
    });
    for (let r = 0; r < PER_SESSION; r++) {
      const resource =
        r % 2 === 0
          ? { type: 'aws_ebs_volume', name: `v${r}`, sizeGb: 8 }
          : { type: 'aws_s3_bucket', name: `b${r}` };
      const plan = planSchema.parse({
        formatVersion: PLAN_FORMAT_VERSION,
        region: REGION,
        resources: [resource],
      });
      const desired = plan.resources[0];
      const address = `${desired.type}.${desired.name}`;
      const token = `${sessionId}-${address}`;
      const state = await cloud.apply({
        region: REGION,
        change: {
          action: 'create',
          resource: desired,
          clientToken: token,
          tags: {
            [INTENT_TAGS.session]: sessionId,
            [INTENT_TAGS.address]: address,
            [INTENT_TAGS.creationToken]: token,
          },
        },
        resolved: {},
      });
      await knex('resources').insert({
        session_id: sessionId,
        address,
        type: desired.type,
        region: REGION,
        desired: JSON.stringify(desired),
        actual: JSON.stringify(state!.attributes),
        cloud_id: state!.cloudId,
        replaced_cloud_id: null,
        status: state!.status,
        drift: null,
        last_checked_at: null,
        updated_at: new Date(),
      });
      if (desired.type === 'aws_ebs_volume') {
        volumes.push(state!.cloudId);
      }
    }
  }
  // One changed volume in each of 5 sessions.
  for (const cloudId of volumes.filter((_, i) => i % 50 === 0)) {
    await cloud.injectDrift({
      cloudId,
      type: 'aws_ebs_volume',
      attributes: { sizeGb: 20 },
    });
  }
  const { counted, calls } = counting(cloud);
  const checker = new DriftChecker({
    store,
    lifecycle: new DatabaseLifecycleStore(knex),
    providers: new Map([['simulated', counted]]),
    guardrails,
    lifetime: { defaultTtlHours: 8, maxTtlHours: 72 },
    logger,
  });
  const started = performance.now();
  const pass = await checker.checkAll(500);
  const millis = performance.now() - started;
  const N = SESSIONS * PER_SESSION;
  console.log(
    `  drift check: ${pass.resources} resources in ${
      pass.sessions
    } sessions, 2 types: ${calls.describe} describe calls (goal ${
      2 * Math.ceil(N / 2 / 1000)
    } by id + 1 by tag), ${
      pass.drifted.length
    } sessions drifted, ${millis.toFixed(0)} ms`,
  );
}

async function benchExpiry(knex: Knex, store: DatabaseSessionStore) {
  const provider = await SimulatedCloudProvider.create({
    knex,
    skipMigrations: true,
  });
  const sessions = createSessionService({
    knex,
    store,
    planner: {
      id: 'none',
      plan: async () => {
        throw new Error('not used');
      },
    },
    provider,
    guardrails,
    concurrency: 8,
  });
  const plan = planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: REGION,
    resources: [],
  });
  for (let i = 0; i < 1000; i++) {
    const expired = i < 100;
    const id = await insertSession(knex, {
      status: 'draft',
      expiresAt: new Date(Date.now() + (expired ? -60_000 : 30 * 60_000)),
    });
    await knex('revisions').insert({
      session_id: id,
      seq: 1,
      intent: 'bench',
      planner: 'none',
      plan: JSON.stringify(plan),
      assumptions: '[]',
      questions: '[]',
      out_of_scope: '[]',
      modification: null,
      diff: JSON.stringify({ changes: [], counts: {}, destructive: false }),
      policy: JSON.stringify({
        verdict: 'allow',
        findings: [],
        appliedPolicies: [],
      }),
      cost: JSON.stringify(estimateCost(plan)),
      plan_hash: 'x',
      status: 'proposed',
      created_by: OWNER,
      created_at: new Date(),
    });
  }
  let sent = 0;
  const lifecycle = new DatabaseLifecycleStore(knex);
  const notifications = {
    send: async () => {
      sent++;
    },
  };
  const settings: LifecycleSettings = {
    enabled: true,
    expiryWarningsMillis: [24 * 3_600_000, 3_600_000],
    expiryFrequencyMillis: 60_000,
    driftFrequencyMillis: 60_000,
    destroyRetryMillis: 60_000,
    destroyRetryMaxMillis: 3_600_000,
    admins: [],
    orphanRegions: [],
    idle: null,
  };
  const sweep = new ExpirySweep({
    store,
    lifecycle,
    destroyer: new RetriedDestroy({
      store,
      lifecycle,
      sessions,
      notifications,
      settings,
    }),
    notifications,
    logger,
    settings,
  });
  let started = performance.now();
  const first = await sweep.sweep();
  const firstMillis = performance.now() - started;
  await sessions.idle();
  started = performance.now();
  const second = await sweep.sweep();
  const secondMillis = performance.now() - started;
  const expired = await knex('sessions')
    .where({ status: 'expired' })
    .count({ n: '*' });
  console.log(
    `  expiry sweep of ${
      first.looked
    } sessions (the 1000, and the drift check's 50): ${
      first.warned.length
    } warned, ${
      first.destroyStarted.length
    } destroys started, ${firstMillis.toFixed(0)} ms; second sweep: ${
      second.warned.length
    } warned, ${second.destroyStarted.length} destroyed, ${secondMillis.toFixed(
      0,
    )} ms; ${sent} notifications, ${Number(expired[0].n)} sessions expired`,
  );
}

async function main() {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const knex = await openDatabase(kind, 'intent_bench_lifecycle');
    if (!knex) {
      continue;
    }
    console.log(kind === 'sqlite' ? 'SQLite' : 'PostgreSQL 15');
    try {
      const store = await createSessionStore(knex);
      await benchDrift(knex, store);
      await benchExpiry(knex, store);
    } finally {
      await knex.destroy();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

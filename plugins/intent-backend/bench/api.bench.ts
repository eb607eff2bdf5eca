// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable no-console */

// Benchmarks of the backend core (yarn bench:api). Prints, on SQLite and on
// PostgreSQL (when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or
// 127.0.0.1:5432 answers):
//  1. 100 concurrent applies on one session: how many ran (must be 1) and
//     p50/p95 of the refusals;
//  2. apply of 20 independent resources with 200 ms cloud latency: parallel
//     (intent.operations.concurrency default 8) vs serial wall time;
//  3. list and get p95 with 1000 sessions and 50 concurrent clients.
// Everything runs on 127.0.0.1; auth and permissions are allow-all stand-ins,
// the rest (router, store, locks, simulated cloud, policy engine) is real.

import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  planSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import {
  evaluatePolicies,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import express from 'express';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { isSessionOwner } from '../src/permissions';
import { createRouter } from '../src/service';
import { Guardrails } from '../src/service/guardrails';
import {
  createSessionService,
  createSessionStore,
  logger,
  openDatabase,
} from './startBackend';

const USER = 'user:default/bench';

const guardrails: Guardrails = {
  load: async () => ({
    summary: () => '',
    async evaluate({ plan, subject }) {
      const cost = estimateCost(plan);
      const policy = evaluatePolicies({
        plan,
        session: {
          owner: subject.owner,
          region: subject.region,
          ttlHours: subject.ttlHours,
        },
        baseline: DEFAULT_BASELINE_CONFIG,
        policies: [],
        cost,
      });
      return { policy, cost };
    },
  }),
};

const rules: IntentPlanner = {
  id: 'rules',
  plan: async ({ intent }) => planWithRules(intent),
};

/** 20 independent volumes: nothing orders them, so they can all go at once. */
const twentyVolumes: IntentPlanner = {
  id: 'fixed',
  plan: async () => ({
    planner: 'fixed',
    plan: planSchema.parse({
      formatVersion: 1,
      region: 'eu-west-1',
      resources: Array.from({ length: 20 }, (_, i) => ({
        type: 'aws_ebs_volume',
        name: `data_${i}`,
        sizeGb: 10,
        availabilityZone: 'eu-west-1a',
      })),
    }),
    assumptions: [],
    questions: [],
    outOfScope: [],
  }),
};

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function startServer(
  knex: Knex,
  options: {
    planner: IntentPlanner;
    latencyMillis: number;
    concurrency: number;
  },
) {
  const store = await createSessionStore(knex);
  const provider = await SimulatedCloudProvider.create({
    knex,
    options: { latencyMillis: options.latencyMillis, bootMillis: 0 },
  });
  const sessions = createSessionService({
    knex,
    store,
    planner: options.planner,
    provider,
    guardrails,
    concurrency: options.concurrency,
  });
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: USER },
  };
  const router = await createRouter({
    httpAuth: {
      credentials: async () => credentials,
      issueUserCookie: async () => ({ expiresAt: new Date() }),
    } as any,
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: USER,
        ownershipEntityRefs: [USER],
      }),
    },
    permissions: {
      authorize: async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as any,
    sessionRuleset: { getRuleByName: () => isSessionOwner },
    auditor: {
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    },
    store,
    sessions,
  });
  const app = express()
    .use('/api/intent', router)
    .use(
      MiddlewareFactory.create({
        config: new ConfigReader({}),
        logger,
      }).error(),
    );
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const url = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/intent/v1`;
  return { url, server, store, sessions };
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function concurrentApplies(knex: Knex) {
  const { url, server, sessions } = await startServer(knex, {
    planner: rules,
    latencyMillis: 50,
    concurrency: 8,
  });
  const created = await post(`${url}/sessions`, {
    intent: 'a t3.micro with ubuntu in eu-west-1',
  });
  const { id } = created.body.session;
  const planHash = created.body.revisions[0].planHash;
  const results = await Promise.all(
    Array.from({ length: 100 }, async () => {
      const started = performance.now();
      const { status } = await post(`${url}/sessions/${id}/apply`, {
        planHash,
      });
      return { status, millis: performance.now() - started };
    }),
  );
  await sessions.idle();
  server.close();
  const refused = results.filter(r => r.status === 409).map(r => r.millis);
  const ran = results.filter(r => r.status === 202).length;
  const other = results.filter(
    r => r.status !== 409 && r.status !== 202,
  ).length;
  return `100 concurrent applies on one session: ${ran} ran, ${
    refused.length
  } refused (409), ${other} other; refusal p50 ${ms(
    percentile(refused, 50),
  )}, p95 ${ms(percentile(refused, 95))}`;
}

async function parallelVsSerial(kind: 'sqlite' | 'postgres') {
  const times: Record<string, number> = {};
  for (const [label, concurrency] of [
    ['serial', 1],
    ['parallel', 8],
  ] as const) {
    const knex = (await openDatabase(kind, 'intent_bench'))!;
    const { url, server, sessions } = await startServer(knex, {
      planner: twentyVolumes,
      latencyMillis: 200,
      concurrency,
    });
    const created = await post(`${url}/sessions`, { intent: 'twenty volumes' });
    const started = performance.now();
    const applied = await post(
      `${url}/sessions/${created.body.session.id}/apply`,
      {
        planHash: created.body.revisions[0].planHash,
      },
    );
    if (applied.status !== 202) {
      throw new Error(
        `apply answered ${applied.status}: ${JSON.stringify(applied.body)}`,
      );
    }
    await sessions.idle();
    times[label] = performance.now() - started;
    server.close();
    await knex.destroy();
  }
  return `20 independent resources, 200 ms cloud latency: serial ${ms(
    times.serial,
  )}, parallel (8) ${ms(times.parallel)}, ratio ${(
    times.parallel / times.serial
  ).toFixed(3)} (goal <= 0.3)`;
}

async function listAndGet(knex: Knex) {
  const { url, server, store } = await startServer(knex, {
    planner: rules,
    latencyMillis: 0,
    concurrency: 8,
  });
  const created = await post(`${url}/sessions`, { intent: 'a t3.micro' });
  const revision = created.body.revisions[0];
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) {
    ids.push(
      await store.createSession({
        session: {
          title: `session ${i}`,
          owner: i % 2 ? USER : 'user:default/other',
          team: null,
          provider: 'simulated',
          region: 'us-east-1',
          status: 'planned',
          expiresAt: null,
        },
        revision,
        audit: { actor: USER, action: 'session-create', details: {} },
      }),
    );
  }
  const timings = { list: [] as number[], get: [] as number[] };
  await Promise.all(
    Array.from({ length: 50 }, async (_, client) => {
      for (let i = 0; i < 40; i++) {
        const kind = i % 2 === 0 ? 'list' : 'get';
        const target =
          kind === 'list'
            ? `${url}/sessions?limit=20&offset=${(client * 20) % 1000}`
            : `${url}/sessions/${ids[(client * 40 + i) % ids.length]}`;
        const started = performance.now();
        const response = await fetch(target);
        await response.json();
        if (response.status !== 200) {
          throw new Error(`${target} answered ${response.status}`);
        }
        timings[kind].push(performance.now() - started);
      }
    }),
  );
  server.close();
  return `1001 sessions, 50 concurrent clients, 2000 requests: list p50 ${ms(
    percentile(timings.list, 50),
  )} p95 ${ms(percentile(timings.list, 95))}; get p50 ${ms(
    percentile(timings.get, 50),
  )} p95 ${ms(percentile(timings.get, 95))}`;
}

async function main() {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const probe = await openDatabase(kind, 'intent_bench');
    if (!probe) {
      continue;
    }
    console.log(`\n== ${kind}`);
    console.log(await concurrentApplies(probe));
    await probe.destroy();
    console.log(await parallelVsSerial(kind));
    const fresh = (await openDatabase(kind, 'intent_bench'))!;
    console.log(await listAndGet(fresh));
    await fresh.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

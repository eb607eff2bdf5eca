// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  estimateCost,
  planSchema,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  DatabaseLockStore,
  DatabaseSessionStore,
  LockStore,
} from '../database';
import { Guardrails } from './guardrails';
import { SessionService } from './SessionService';

jest.setTimeout(180_000);

const plan = planSchema.parse({
  formatVersion: 1,
  region: 'eu-west-1',
  resources: [
    {
      type: 'aws_security_group',
      name: 'ssh',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ['203.0.113.4/32'],
        },
      ],
    },
    {
      type: 'aws_instance',
      name: 'web',
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      securityGroups: ['aws_security_group.ssh'],
    },
    { type: 'aws_ebs_volume', name: 'data', sizeGb: 20 },
    {
      type: 'aws_volume_attachment',
      name: 'data',
      volume: 'aws_ebs_volume.data',
      instance: 'aws_instance.web',
      deviceName: '/dev/sdf',
    },
    { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
  ],
});
const STEPS = plan.resources.length;

const planner: IntentPlanner = {
  id: 'fixed',
  plan: async (): Promise<PlannerResult> => ({
    planner: 'fixed',
    plan,
    assumptions: [],
    questions: [],
    outOfScope: [],
  }),
};

const guardrails: Guardrails = {
  load: async () => ({
    summary: () => '',
    evaluate: async ({ plan: p }) => ({
      policy: { verdict: 'allow', findings: [], appliedPolicies: [] },
      cost: estimateCost(p),
    }),
  }),
};

const actor = { userEntityRef: 'user:default/ada' };

function service(
  store: DatabaseSessionStore,
  provider: CloudProvider,
  locks: LockStore,
  leaseMillis = 300,
) {
  return new SessionService({
    store,
    locks,
    planner,
    provider,
    guardrails,
    logger: mockServices.logger.mock(),
    operations: {
      concurrency: 1,
      leaseMillis,
      pollMillis: 5,
      readyTimeoutMillis: 10_000,
    },
    lifetime: { defaultTtlHours: 8, maxTtlHours: 72 },
    membership: { isMemberOfAny: async () => false },
    approvalTtlHours: 24,
  });
}

/**
 * A provider whose process "dies" at the k-th apply: before the cloud call
 * (the change never happens) or after it (the change happens, the answer is
 * lost). Either way the call never returns, like a killed process.
 */
function dying(
  real: SimulatedCloudProvider,
  k: number,
  when: 'before' | 'after',
) {
  let calls = 0;
  let died: () => void;
  const dead = new Promise<void>(resolve => (died = resolve));
  const provider: CloudProvider = {
    id: real.id,
    simulated: real.simulated,
    resolveImage: options => real.resolveImage(options),
    describe: options => real.describe(options),
    async apply(options) {
      if (calls++ === k) {
        if (when === 'after') {
          await real.apply(options);
        }
        died();
        return new Promise(() => {});
      }
      return real.apply(options);
    },
  };
  return { provider, dead };
}

/** A lock store whose holder stops renewing once "killed". */
function killable(real: LockStore) {
  let killed = false;
  const locks: LockStore = {
    acquire: o => real.acquire(o),
    renew: async o => (killed ? true : real.renew(o)),
    release: o => real.release(o),
    isHeld: o => real.isHeld(o),
    forceRelease: o => real.forceRelease(o),
    get: o => real.get(o),
  };
  return { locks, kill: () => (killed = true) };
}

describe('an apply killed at any step', () => {
  const databases = createTestDatabases();

  /** One database per engine: every case has a session of its own. */
  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseSessionStore.create({
      database: { getClient: async () => knex } as DatabaseService,
    });
    const cloud = await SimulatedCloudProvider.create({
      knex,
      options: { bootMillis: 0 },
    });
    return { knex, store, cloud, locks: new DatabaseLockStore(knex) };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let db: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      db = await setUp(databaseId);
    });

    const cases = Array.from({ length: STEPS }, (_, k) => k).flatMap(k => [
      [k, 'before'] as const,
      [k, 'after'] as const,
    ]);

    it.each(cases)(
      'at cloud call %p (%s it) and re-run ends with exactly the desired resources',
      async (k, when) => {
        const { knex, store, cloud, locks } = db;
        // The cloud is shared by the cases: what this one adds counts.
        const countsBefore = await cloud.counts();
        const first = killable(locks);
        const crashing = dying(cloud, k, when);
        // A lease that outlives the test: on a busy machine a short one can
        // run out while the first backend still lives; its end comes below.
        const a = service(store, crashing.provider, first.locks, 600_000);
        const created = await a.createSession({
          intent: 'the fixed plan',
          actor,
        });
        const { id } = created.session;
        const planHash = created.revisions[0].planHash;
        await a.apply({ id, planHash, actor });
        await crashing.dead;

        // The next backend: refused while the first one holds the lease,
        // takes over once the lease ran out after the kill (time moved on:
        // its end set in the past, as a lease nobody renews ends).
        const b = service(store, cloud, locks);
        await expect(b.apply({ id, planHash, actor })).rejects.toThrow(
          'is locked by',
        );
        first.kill();
        await knex('locks')
          .where({ key: `session:${id}` })
          .update({ expires_at: new Date(Date.now() - 60_000) });
        const resumed = await b.apply({ id, planHash, actor });
        expect(resumed.details.session.status).toBe('applying');
        await b.idle();

        const details = await store.getSession({ id });
        expect(details.session.status).toBe('active');
        expect(details.resources).toHaveLength(STEPS);
        const counts = await cloud.counts();
        for (const resource of plan.resources) {
          const { type } = resource;
          expect([
            type,
            {
              existing: counts[type].existing - countsBefore[type].existing,
              created: counts[type].created - countsBefore[type].created,
            },
          ]).toEqual([type, { existing: 1, created: 1 }]);
        }
      },
    );
  });
});

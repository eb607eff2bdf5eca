// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import {
  PlanResource,
  planResourceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudDescribeOptions,
  CloudProvider,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseSessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { readOrphanRegions } from './orphanRegions';
import { Orphans } from './orphans';
import { manualScheduler } from './testScheduler';

jest.setTimeout(180_000);

const config = {
  intent: {
    ...testConfig.intent,
    lifecycle: { orphans: { regions: ['ap-southeast-2'] } },
  },
};

/** The regions of the default baseline (`us-*`, `eu-*`) and the configured one. */
const SCANNED = [
  'ap-southeast-2',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
];

const INSTANCE: PlanResource = planResourceSchema.parse({
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
});

async function start(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startIntentBackend>[1],
) {
  const scheduler = manualScheduler();
  const backend = await startIntentBackend(databases, databaseId, {
    config,
    services: [scheduler.factory],
  });
  /** A session planned from `intent` and applied. */
  const activeSession = async (intent: string) => {
    const created = await backend
      .api()
      .post('/api/intent/v1/sessions')
      .send({ intent });
    const id = created.body.session.id as string;
    await backend
      .api()
      .post(`/api/intent/v1/sessions/${id}/apply`)
      .send({ planHash: created.body.revisions[0].planHash });
    const details = await waitForStatus(backend.server, id, [
      'active',
      'failed',
    ]);
    expect(details.session.status).toBe('active');
    return details;
  };
  // The same cloud the backend uses: its state is in this database.
  const cloud = await SimulatedCloudProvider.create({
    knex: backend.knex,
    skipMigrations: true,
    options: { bootMillis: 0 },
  });
  /** What a lost sessions row leaves: an instance tagged with its session. */
  const strayInstance = async (region: string, sessionId: string) =>
    (await cloud.apply({
      region,
      change: {
        action: 'create',
        resource: INSTANCE,
        clientToken: randomUUID(),
        tags: {
          [INTENT_TAGS.session]: sessionId,
          [INTENT_TAGS.address]: 'aws_instance.web',
        },
      },
      resolved: {},
    }))!;
  return { ...backend, scheduler, cloud, activeSession, strayInstance };
}

/** The simulated cloud, recording describes and failing them in `failing` regions. */
function recording(cloud: CloudProvider, failing: string[] = []) {
  const calls: CloudDescribeOptions[] = [];
  const provider = new Proxy(cloud, {
    get(target, prop) {
      if (prop === 'describe') {
        return async (options: CloudDescribeOptions) => {
          calls.push(options);
          if (failing.includes(options.region)) {
            throw new Error(`AuthFailure: ${options.region} is not enabled`);
          }
          return target.describe(options);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { provider, calls };
}

async function orphansOn(knex: Knex, provider: CloudProvider) {
  const logger = mockServices.logger.mock();
  const orphans = new Orphans({
    store: await DatabaseSessionStore.create({
      database: { getClient: async () => knex },
      skipMigrations: true,
    }),
    lifecycle: new DatabaseLifecycleStore(knex),
    providers: new Map([['simulated', provider]]),
    settings: {
      orphanRegions: readOrphanRegions(
        mockServices.rootConfig({ data: config }),
      ),
    },
    logger,
  });
  return { orphans, logger };
}

describe('orphans and drift across regions', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists and destroys orphans in regions no session used: allowed by the baseline or configured', async () => {
      const { api, activeSession, strayInstance, cloud } = await start(
        databases,
        databaseId,
      );
      await activeSession('t3.micro instance with Ubuntu'); // in us-east-1
      const lost = randomUUID();
      const allowed = await strayInstance('eu-north-1', lost);
      const configured = await strayInstance('ap-southeast-2', lost);
      // Neither allowed nor configured: not scanned.
      await strayInstance('sa-east-1', lost);

      const listed = await api().get('/api/intent/v1/orphans');
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual(
        [
          { region: 'ap-southeast-2', cloudId: configured.cloudId },
          { region: 'eu-north-1', cloudId: allowed.cloudId },
        ]
          .sort((a, b) => a.cloudId.localeCompare(b.cloudId))
          .map(where =>
            expect.objectContaining({
              ...where,
              provider: 'simulated',
              type: 'aws_instance',
              sessionId: lost,
              sessionStatus: null,
            }),
          ),
      );
      for (const orphan of listed.body.items) {
        expect(orphan.hourlyUsd).toBeGreaterThan(0);
      }

      const destroyed = await api()
        .post('/api/intent/v1/orphans/destroy')
        .send({
          provider: 'simulated',
          region: 'eu-north-1',
          type: 'aws_instance',
          cloudId: allowed.cloudId,
        });
      expect(destroyed.status).toBe(200);
      expect(destroyed.body).toMatchObject({
        region: 'eu-north-1',
        cloudId: allowed.cloudId,
        sessionId: lost,
      });
      const [gone] = await cloud.describe({
        region: 'eu-north-1',
        cloudIds: [{ type: 'aws_instance', cloudId: allowed.cloudId }],
      });
      expect(['shutting-down', 'terminated']).toContain(gone.status);
      const after = await api().get('/api/intent/v1/orphans');
      expect(after.body.items.map((o: any) => o.cloudId)).toEqual([
        configured.cloudId,
      ]);
    });

    it('describes each region once by tag key, and skips an unused region the cloud refuses', async () => {
      const { knex, activeSession, strayInstance, cloud } = await start(
        databases,
        databaseId,
      );
      await activeSession('t3.micro instance with Ubuntu'); // us-east-1
      await activeSession('t3.micro instance with Ubuntu in eu-west-1');
      const lost = randomUUID();
      const stray = await strayInstance('eu-west-3', lost);

      const all = recording(cloud);
      const { orphans } = await orphansOn(knex, all.provider);
      expect((await orphans.list()).map(o => o.cloudId)).toEqual([
        stray.cloudId,
      ]);
      expect(all.calls.map(c => c.region).sort()).toEqual(SCANNED);
      for (const call of all.calls) {
        expect(call).toEqual({
          region: call.region,
          tagKeys: [INTENT_TAGS.session],
        });
      }

      // An opt-in region the account has not enabled: skipped, and said so.
      const optIn = recording(cloud, ['eu-south-2']);
      const skipping = await orphansOn(knex, optIn.provider);
      expect((await skipping.orphans.list()).map(o => o.cloudId)).toEqual([
        stray.cloudId,
      ]);
      expect(skipping.logger.warn).toHaveBeenCalledWith(
        'Orphan scan skipped simulated eu-south-2, which no session used: AuthFailure: eu-south-2 is not enabled',
      );
      // A region a session used must be scanned: its failure is the answer.
      const usedFails = recording(cloud, ['eu-west-1']);
      const failing = await orphansOn(knex, usedFails.provider);
      await expect(failing.orphans.list()).rejects.toThrow(
        'AuthFailure: eu-west-1 is not enabled',
      );
    });

    it('checks the drift of each session in its own region', async () => {
      const { api, activeSession, scheduler } = await start(
        databases,
        databaseId,
      );
      const us = await activeSession('t3.micro instance with Ubuntu');
      const eu = await activeSession(
        't3.micro instance with Ubuntu in eu-west-1',
      );
      expect([us.session.region, eu.session.region]).toEqual([
        'us-east-1',
        'eu-west-1',
      ]);
      const drift = async (details: any) =>
        (await api().get(`/api/intent/v1/sessions/${details.session.id}/drift`))
          .body.report;

      // Described anywhere else, the instances would be missing.
      await scheduler.trigger('intent-drift-check');
      expect(await drift(us)).toMatchObject({ drifted: [], unmanaged: [] });
      expect(await drift(eu)).toMatchObject({ drifted: [], unmanaged: [] });

      const instance = eu.resources.find((r: any) => r.type === 'aws_instance');
      await api()
        .post('/api/intent/v1/simulated/drift')
        .send({
          cloudId: instance.cloudId,
          attributes: { instanceType: 't3.small' },
        })
        .expect(200);
      await scheduler.trigger('intent-drift-check');
      expect((await drift(eu)).drifted).toEqual([
        expect.objectContaining({
          address: instance.address,
          cloudId: instance.cloudId,
          kind: 'changed',
        }),
      ]);
      expect((await drift(us)).drifted).toEqual([]);
    });
  });
});

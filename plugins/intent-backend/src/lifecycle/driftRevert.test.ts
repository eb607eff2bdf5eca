// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  planResourceSchema,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { INTENT_TAGS } from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { createHash } from 'node:crypto';
import { startIntentBackend, waitForStatus } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

type Row = {
  address: string;
  type: ResourceType;
  cloudId: string;
  region: string | null;
  actual: Record<string, any>;
};

/**
 * The intent backend on the simulated cloud, and a console on the same
 * cloud: a second client of the cloud's state, acting outside the portal.
 */
async function start(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startIntentBackend>[1],
) {
  const backend = await startIntentBackend(databases, databaseId);
  const { api, server, knex } = backend;
  const cloudConsole = await SimulatedCloudProvider.create({
    knex,
    skipMigrations: true,
    options: { bootMillis: 20, shutdownMillis: 20 },
  });

  const activeSession = async (intent: string) => {
    const created = await api()
      .post('/api/intent/v1/sessions')
      .send({ intent });
    expect(created.status).toBe(201);
    const id = created.body.session.id as string;
    await api()
      .post(`/api/intent/v1/sessions/${id}/apply`)
      .send({ planHash: created.body.revisions[0].planHash, confirm: true })
      .expect(202);
    const details = await waitForStatus(server, id, ['active', 'failed']);
    expect(details.session.status).toBe('active');
    const region = details.session.region as string;
    const rows = () =>
      api()
        .get(`/api/intent/v1/sessions/${id}`)
        .then(res => res.body.resources as Row[]);
    const row = async (type: ResourceType) =>
      (await rows()).find(r => r.type === type)!;
    return { id, region, rows, row };
  };
  /** Deletes a resource in the console, as someone outside the portal. */
  const deleteOutside = (region: string, r: Row) =>
    cloudConsole.apply({
      region,
      change: { action: 'delete', type: r.type, cloudId: r.cloudId },
      resolved: {},
    });
  const describe = async (region: string, type: ResourceType, id: string) =>
    (
      await cloudConsole.describe({ region, cloudIds: [{ type, cloudId: id }] })
    )[0];
  const checkDrift = async (id: string) => {
    const res = await api().post(`/api/intent/v1/sessions/${id}/drift-check`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Reverts, waits for the operation, and returns the response and the operation. */
  const revert = async (id: string) => {
    const res = await api().post(`/api/intent/v1/sessions/${id}/drift/revert`);
    expect(res.status).toBe(202);
    const done = await waitForStatus(server, id, ['active', 'failed']);
    expect(done.session.status).toBe('active');
    const operation = await api().get(
      `/api/intent/v1/operations/${res.body.operationId}`,
    );
    expect(operation.body).toMatchObject({
      kind: 'apply',
      status: 'succeeded',
    });
    return { body: res.body, operation: operation.body };
  };
  return {
    ...backend,
    cloudConsole,
    activeSession,
    deleteOutside,
    describe,
    checkDrift,
    revert,
  };
}

describe('drift revert', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('recreates an instance deleted outside the portal, records its new id and leaves unmanaged resources alone', async () => {
      const { api, server, cloudConsole, activeSession, ...t } = await start(
        databases,
        databaseId,
      );
      const { id, region, row } = await activeSession(
        't3.micro instance with Ubuntu',
      );
      const old = await row('aws_instance');
      const oldToken = (await t.describe(region, 'aws_instance', old.cloudId))
        .tags[INTENT_TAGS.creationToken];
      // Someone adds a bucket with the session's tag, and deletes the instance.
      const stray = await cloudConsole.apply({
        region,
        change: {
          action: 'create',
          resource: planResourceSchema.parse({
            type: 'aws_s3_bucket',
            name: 'stray',
          }),
          clientToken: createHash('sha256').update(id).digest('hex'),
          tags: { [INTENT_TAGS.session]: id },
        },
        resolved: {},
      });
      await t.deleteOutside(region, old);

      const report = await t.checkDrift(id);
      expect(report.drifted).toEqual([
        {
          address: old.address,
          type: 'aws_instance',
          cloudId: old.cloudId,
          kind: 'missing',
          fields: [],
        },
      ]);
      expect(report.unmanaged.map((u: any) => u.cloudId)).toEqual([
        stray!.cloudId,
      ]);

      const { body, operation } = await t.revert(id);
      expect(body).toEqual({
        operationId: operation.id,
        changes: [
          {
            address: old.address,
            action: 'create',
            reason: 'deleted outside the portal',
          },
        ],
        leftAlone: [
          expect.objectContaining({
            type: 'aws_s3_bucket',
            cloudId: stray!.cloudId,
          }),
        ],
      });
      expect(operation.steps.map((s: any) => [s.step, s.status])).toEqual([
        [`create:${old.address}`, 'started'],
        [`create:${old.address}`, 'succeeded'],
      ]);

      // A new instance, with the session's tags and a token of its own; the
      // session's row holds its id.
      const now = await row('aws_instance');
      expect(now.cloudId).not.toBe(old.cloudId);
      const created = await t.describe(region, 'aws_instance', now.cloudId);
      expect(created.status).toBe('running');
      expect(created.tags).toMatchObject({
        [INTENT_TAGS.session]: id,
        [INTENT_TAGS.address]: old.address,
        [INTENT_TAGS.owner]: 'user:default/mock',
      });
      expect(created.tags[INTENT_TAGS.creationToken]).not.toBe(oldToken);
      // The security group it was in is the one it is in again.
      expect(now.actual.securityGroups).toEqual(old.actual.securityGroups);

      // Clean again; the bucket made outside the portal is still listed.
      const after = await t.checkDrift(id);
      expect(after.drifted).toEqual([]);
      expect(after.unmanaged.map((u: any) => u.cloudId)).toEqual([
        stray!.cloudId,
      ]);
      const nothing = await api().post(
        `/api/intent/v1/sessions/${id}/drift/revert`,
      );
      expect(nothing.status).toBe(409);
      expect(nothing.body.error.message).toBe(
        `Session ${id} has no changed or missing resource to revert (checked ${after.checkedAt}); run a drift check first`,
      );
      const audit = await api().get(`/api/intent/v1/sessions/${id}/audit`);
      expect(
        audit.body.items.find((e: any) => e.action === 'drift-revert').details,
      ).toMatchObject({
        resources: [{ address: old.address, kind: 'missing', fields: [] }],
        leftAlone: [stray!.cloudId],
      });

      // Destroy deletes the recreated instance, not the deleted one.
      await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      await waitForStatus(server, id, ['destroyed']);
      expect(
        (await t.describe(region, 'aws_instance', now.cloudId)).status,
      ).toBe('terminated');
    });

    it('recreates a missing chain in dependency order, and a deleted bucket', async () => {
      const { api, server, knex, activeSession, ...t } = await start(
        databases,
        databaseId,
      );
      const { id, region, row, rows } = await activeSession(
        'a t3.micro with ubuntu, ssh from 10.0.0.0/8, and a logs bucket',
      );
      const instance = await row('aws_instance');
      const group = await row('aws_security_group');
      const bucket = await row('aws_s3_bucket');
      // The instance first: EC2 keeps a security group that is in use.
      await t.deleteOutside(region, instance);
      await t.deleteOutside(region, group);
      await t.deleteOutside(region, bucket);
      const report = await t.checkDrift(id);
      expect(
        report.drifted.map((d: any) => [d.address, d.kind, d.cloudId]).sort(),
      ).toEqual(
        [
          [instance.address, 'missing', instance.cloudId],
          [group.address, 'missing', group.cloudId],
          [bucket.address, 'missing', bucket.cloudId],
        ].sort(),
      );

      const { body, operation } = await t.revert(id);
      expect(
        body.changes.map((c: any) => [c.address, c.action]).sort(),
      ).toEqual(
        [
          [instance.address, 'create'],
          [group.address, 'create'],
          [bucket.address, 'create'],
        ].sort(),
      );
      expect(body.leftAlone).toEqual([]);
      // The group is made before the instance that is in it starts.
      const steps = operation.steps.map((s: any) => `${s.step} ${s.status}`);
      expect(steps.indexOf(`create:${group.address} succeeded`)).toBeLessThan(
        steps.indexOf(`create:${instance.address} started`),
      );
      const now = await rows();
      const ids = Object.fromEntries(now.map(r => [r.address, r.cloudId]));
      for (const gone of [instance, group, bucket]) {
        expect(ids[gone.address]).not.toBe(gone.cloudId);
        expect(
          (await t.describe(region, gone.type, ids[gone.address])).tags[
            INTENT_TAGS.session
          ],
        ).toBe(id);
      }
      expect(
        now.find(r => r.address === instance.address)!.actual.securityGroups,
      ).toEqual([ids[group.address]]);
      // Stored as the cloud id of the row, for describes and destroys.
      const stored = await knex('resources')
        .where({ session_id: id, address: instance.address })
        .first();
      expect(stored.cloud_id).toBe(ids[instance.address]);
      expect((await t.checkDrift(id)).drifted).toEqual([]);

      await api()
        .post(`/api/intent/v1/sessions/${id}/destroy`)
        .send({ confirm: true })
        .expect(202);
      const destroyed = await waitForStatus(server, id, ['destroyed']);
      expect(destroyed.resources).toEqual([]);
      expect(
        (await t.describe(region, 'aws_security_group', ids[group.address]))
          ?.status ?? 'deleted',
      ).toBe('deleted');
    });

    it('accepts a deletion nothing refers to as a new revision, refuses one others refer to, and a revert from a stale check', async () => {
      const { api, server, activeSession, ...t } = await start(
        databases,
        databaseId,
      );
      const { id, region, row, rows } = await activeSession(
        'a t3.micro with ubuntu, an elastic ip and a logs bucket',
      );
      const instance = await row('aws_instance');
      const eip = await row('aws_eip');
      await t.deleteOutside(region, instance);
      await t.checkDrift(id);
      const refused = await api().post(
        `/api/intent/v1/sessions/${id}/drift/accept`,
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `Cannot adopt the deletion of ${instance.address} (${eip.address} refers to it); revert to recreate it instead`,
      );

      // Reverted: a new instance, and the address moves to it.
      const { body } = await t.revert(id);
      expect(
        body.changes.map((c: any) => [c.address, c.action, c.reason]),
      ).toEqual(
        expect.arrayContaining([
          [instance.address, 'create', 'deleted outside the portal'],
          [eip.address, 'update', expect.any(String)],
        ]),
      );
      const recreated = await row('aws_instance');
      expect((await row('aws_eip')).actual.instance).toBe(recreated.cloudId);
      // The report still names the deleted instance: acting on it again
      // would make another one.
      const stale = await api().post(
        `/api/intent/v1/sessions/${id}/drift/revert`,
      );
      expect(stale.status).toBe(409);
      const checked = (await api().get(`/api/intent/v1/sessions/${id}/drift`))
        .body.report.checkedAt;
      expect(stale.body.error.message).toBe(
        `The drift check of session ${id} (${checked}) is older than its resources (${instance.address} changed since); run a drift check first`,
      );
      expect((await t.checkDrift(id)).drifted).toEqual([]);

      // The bucket deleted and the deletion accepted: a new revision
      // without it, applied.
      const bucket = await row('aws_s3_bucket');
      await t.deleteOutside(region, bucket);
      await t.checkDrift(id);
      const accepted = await api().post(
        `/api/intent/v1/sessions/${id}/drift/accept`,
      );
      expect(accepted.status).toBe(202);
      const done = await waitForStatus(server, id, ['active', 'failed']);
      expect(done.session.status).toBe('active');
      const last = done.revisions[done.revisions.length - 1];
      expect(last).toMatchObject({
        planner: 'drift-accept',
        status: 'applied',
        intent: `Accept the changes made outside the portal: ${bucket.address} (deleted)`,
      });
      expect(last.plan.resources.map((r: any) => r.type).sort()).toEqual([
        'aws_eip',
        'aws_instance',
      ]);
      expect((await rows()).map(r => r.address)).not.toContain(bucket.address);
      expect((await t.checkDrift(id)).drifted).toEqual([]);
    });
  });
});

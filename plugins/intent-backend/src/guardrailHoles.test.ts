// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import {
  startIntentBackend,
  testConfig,
  waitForStatus,
} from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { DatabaseSessionStore } from './database';
import { Approvals } from './service/approvals';

jest.setTimeout(120_000);

const me = mockCredentials.user().principal.userEntityRef;
const approver = 'user:default/approver';
const outsider = 'user:default/outsider';

const as = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});

const user = (ref: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: ref.split('/')[1], namespace: 'default' },
  spec: {},
  relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
});

const policy = (name: string, spec: object): Entity => ({
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/platform', ...spec },
});

/** The EU example policy: sessions in the EU live 24 hours at most. */
const euPolicy = policy('eu-sandboxes', {
  appliesTo: { regions: ['eu-west-1', 'eu-central-1', 'eu-north-1'] },
  baseline: { maxTtlHours: 24 },
});

/** Payments may not run t3.medium instances. */
const paymentsPolicy = policy('payments', {
  appliesTo: { teams: ['payments'] },
  rules: [
    {
      id: 'no-medium',
      outcome: 'deny',
      expression:
        'resource.type == "aws_instance" && resource.instanceType == "t3.medium"',
      message: 'Payments may not run t3.medium',
    },
  ],
});

const gpuPolicy = policy('gpu', {
  rules: [
    {
      id: 'gpu-needs-approval',
      outcome: 'require-approval',
      expression:
        'resource.type == "aws_instance" && resource.instanceType.startsWith("g")',
      approvers: 'group:default/platform',
      message: 'GPU instances need the platform team\u2019s approval',
    },
  ],
});

/**
 * A catalog of `entities` as they are at each call (a test may add a policy
 * later), whose entity lists answer after `delayMillis`.
 */
const catalogOf = (entities: Entity[], delayMillis = 0) =>
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy(catalogServiceMock({ entities }), {
        get(_target, key) {
          if (typeof key !== 'string' || key === 'then') {
            return undefined;
          }
          return async (...args: unknown[]) => {
            if (key === 'getEntities' && delayMillis > 0) {
              await new Promise(r => setTimeout(r, delayMillis));
            }
            const current = catalogServiceMock({ entities: [...entities] });
            return (current as any)[key](...args);
          };
        },
      }),
  });

describe('guardrail holes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    // One database per engine: every test has sessions of its own, and a
    // backend of its own on it, stopped after the test.
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });
    const backends: Array<{ stop(): Promise<void> }> = [];
    afterEach(async () => {
      await Promise.all(backends.splice(0).map(backend => backend.stop()));
    });
    async function start(
      options: Omit<
        NonNullable<Parameters<typeof startIntentBackend>[2]>,
        'knex'
      > = {},
    ) {
      const backend = await startIntentBackend(databases, databaseId, {
        ...options,
        knex,
      });
      backends.push(backend);
      return backend;
    }

    describe('extend', () => {
      it('runs the lifetime limits of the policies, not only the configured maximum', async () => {
        const { api } = await start({
          entities: [euPolicy],
        });
        const created = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.micro with ubuntu in eu-west-1 for 20 hours' });
        expect(created.status).toBe(201);
        expect(created.body.revisions[0].plan.ttlHours).toBe(20);
        expect(['allow', 'warn']).toContain(
          created.body.revisions[0].policy.verdict,
        );
        const id = created.body.session.id;

        const tooLong = await api()
          .post(`/api/intent/v1/sessions/${id}/extend`)
          .send({ hours: 51 });
        expect(tooLong.status).toBe(409);
        expect(tooLong.body.error.message).toContain('at most 24');
        expect(tooLong.body.error.message).toContain('eu-sandboxes');
        const unchanged = await api().get(`/api/intent/v1/sessions/${id}`);
        expect(unchanged.body.session.expiresAt).toBe(
          created.body.session.expiresAt,
        );

        const within = await api()
          .post(`/api/intent/v1/sessions/${id}/extend`)
          .send({ hours: 3 });
        expect(within.status).toBe(200);
      });

      it('is refused where the new lifetime needs approval, naming the approvers', async () => {
        const { api } = await start({
          entities: [
            policy('long-lived', {
              rules: [
                {
                  id: 'long-lived-needs-approval',
                  outcome: 'require-approval',
                  expression: 'session.ttlHours > 30',
                  approvers: 'group:default/platform',
                  message: 'Sessions over 30 hours need approval',
                },
              ],
            }),
          ],
        });
        const created = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.micro with ubuntu for 20 hours' });
        expect(['allow', 'warn']).toContain(
          created.body.revisions[0].policy.verdict,
        );
        const longer = await api()
          .post(`/api/intent/v1/sessions/${created.body.session.id}/extend`)
          .send({ hours: 20 });
        expect(longer.status).toBe(409);
        expect(longer.body.error.message).toContain('group:default/platform');
      });
    });

    describe('team', () => {
      const entities = [
        user(me, ['group:default/payments']),
        user('user:default/twoteams', [
          'group:default/payments',
          'group:default/web',
        ]),
        paymentsPolicy,
      ];

      it('must be a group the caller belongs to', async () => {
        const { api } = await start({
          entities,
        });
        const userRef = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.micro with ubuntu', team: outsider });
        expect(userRef.status).toBe(400);
        expect(userRef.body.error.message).toContain('team');
        const other = await api().post('/api/intent/v1/sessions').send({
          intent: 'a t3.micro with ubuntu',
          team: 'group:default/web',
        });
        expect(other.status).toBe(403);
        expect(other.body.error.message).toContain('group:default/web');
        const mine = await api().post('/api/intent/v1/sessions').send({
          intent: 'a t3.micro with ubuntu',
          team: 'group:default/payments',
        });
        expect(mine.status).toBe(201);
        expect(mine.body.session.team).toBe('group:default/payments');
      });

      it('defaults to the caller\u2019s only group, and team policies follow the caller\u2019s groups', async () => {
        const { api } = await start({
          entities,
        });
        const implicit = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.medium with ubuntu' });
        expect(implicit.status).toBe(201);
        expect(implicit.body.session.team).toBe('group:default/payments');
        expect(implicit.body.revisions[0].policy.verdict).toBe('deny');

        const several = await api()
          .post('/api/intent/v1/sessions')
          .set(as('user:default/twoteams'))
          .send({ intent: 'a t3.medium with ubuntu' });
        expect(several.status).toBe(201);
        expect(several.body.session.team).toBeNull();
        expect(several.body.revisions[0].policy.verdict).toBe('deny');

        const otherTeam = await api()
          .post('/api/intent/v1/sessions')
          .set(as('user:default/twoteams'))
          .send({
            intent: 'a t3.medium with ubuntu',
            team: 'group:default/web',
          });
        expect(otherTeam.status).toBe(201);
        expect(otherTeam.body.revisions[0].policy.verdict).toBe('deny');
      });
    });

    describe('decision', () => {
      it('checks membership before state and hash, and answers 404 to a caller who may neither read nor approve', async () => {
        const { api } = await start({
          entities: [
            user(approver, ['group:default/platform']),
            user(outsider, ['group:default/other']),
            gpuPolicy,
          ],
        });
        const created = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a g5.xlarge with ubuntu 22.04' });
        const id = created.body.session.id;
        const { planHash } = created.body.revisions[0];
        const requests = [
          [1, { decision: 'approve', planHash: 'f'.repeat(64) }],
          [1, { decision: 'approve', planHash }],
          [2, { decision: 'approve', planHash }],
        ] as const;
        // Every permission is allowed here: the outsider may read the
        // session, but learns nothing more from the decision route.
        for (const [seq, body] of requests) {
          const res = await api()
            .post(`/api/intent/v1/sessions/${id}/revisions/${seq}/decision`)
            .set(as(outsider))
            .send(body);
          expect(res.status).toBe(403);
          expect(res.body.error.message).toContain('group:default/platform');
          expect(JSON.stringify(res.body)).not.toContain(planHash);
          expect(JSON.stringify(res.body)).not.toContain('require-approval');
        }
        // Without the read permission (the router's decision), 404.
        const approvals = new Approvals({
          store: await DatabaseSessionStore.create({
            database: { getClient: async () => knex } as DatabaseService,
          }),
          membership: new (class {
            async isMemberOfAny(ref: string, groups: string[]) {
              return (
                ref === approver && groups.includes('group:default/platform')
              );
            }
          })(),
          logger: mockServices.logger.mock(),
          approvalTtlHours: 1,
        });
        for (const [seq, body] of requests) {
          await expect(
            approvals.decide({
              id,
              seq,
              ...body,
              actor: { userEntityRef: outsider },
              mayRead: false,
            }),
          ).rejects.toThrow(new NotFoundError(`No session with id ${id}`));
        }
        // An approver still learns why a decision cannot be taken.
        const stale = await api()
          .post(`/api/intent/v1/sessions/${id}/revisions/1/decision`)
          .set(as(approver))
          .send({ decision: 'approve', planHash: 'f'.repeat(64) });
        expect(stale.status).toBe(409);
        const approved = await api()
          .post(`/api/intent/v1/sessions/${id}/revisions/1/decision`)
          .set(as(approver))
          .send({ decision: 'approve', planHash });
        expect(approved.status).toBe(200);
      });
    });

    describe('a follow-up while an apply starts', () => {
      it('either waits for the apply or stops it: never an active session with a proposed revision', async () => {
        // Policies are read slowly: the follow-up's planning and the
        // apply's policy recheck overlap.
        const slowCatalog = catalogOf([], 300);
        const { api, server } = await start({
          catalog: slowCatalog,
          config: {
            ...testConfig,
            intent: { ...testConfig.intent, simulated: { bootMillis: 500 } },
          },
        });
        const created = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.micro with ubuntu' });
        const id = created.body.session.id;
        const followUp = api()
          .post(`/api/intent/v1/sessions/${id}/revisions`)
          .send({ intent: 'make it a t3.small' })
          .then(r => r);
        await new Promise(r => setTimeout(r, 100));
        const apply = await api()
          .post(`/api/intent/v1/sessions/${id}/apply`)
          .send({ planHash: created.body.revisions[0].planHash });
        const planned = await followUp;
        const settled = await waitForStatus(
          server,
          id,
          apply.status === 202 ? ['active', 'failed'] : ['planned'],
        );
        expect([
          {
            followUp: 201,
            apply: 409,
            status: 'planned',
            revisions: ['superseded', 'proposed'],
          },
          {
            followUp: 409,
            apply: 202,
            status: 'active',
            revisions: ['applied'],
          },
        ]).toContainEqual({
          followUp: planned.status,
          apply: apply.status,
          status: settled.session.status,
          revisions: settled.revisions.map((r: any) => r.status),
        });
        // The refusal names what it lost to.
        const refused = apply.status === 409 ? apply : planned;
        expect(refused.body.error.message).toContain(
          apply.status === 409 ? 'revision 2' : apply.body.operationId,
        );
      });

      it('is refused while the apply runs, naming the operation', async () => {
        const { api, server } = await start({
          config: {
            ...testConfig,
            intent: { ...testConfig.intent, simulated: { bootMillis: 800 } },
          },
        });
        const created = await api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.micro with ubuntu' });
        const id = created.body.session.id;
        const apply = await api()
          .post(`/api/intent/v1/sessions/${id}/apply`)
          .send({ planHash: created.body.revisions[0].planHash });
        expect(apply.status).toBe(202);
        const during = await api()
          .post(`/api/intent/v1/sessions/${id}/revisions`)
          .send({ intent: 'make it a t3.small' });
        expect(during.status).toBe(409);
        expect(during.body.error.message).toContain(apply.body.operationId);
        const after = await waitForStatus(server, id, ['active', 'failed']);
        expect(after.session.status).toBe('active');
        expect(after.revisions.map((r: any) => r.status)).toEqual(['applied']);
        // The operation releases its lock right after it records the outcome.
        for (let i = 0; i < 200; i++) {
          const now = await api().get(`/api/intent/v1/sessions/${id}`);
          if (now.body.lock === null) break;
          await new Promise(r => setTimeout(r, 25));
        }
        const next = await api()
          .post(`/api/intent/v1/sessions/${id}/revisions`)
          .send({ intent: 'make it a t3.small' });
        expect(next.body).toMatchObject({ session: { status: 'planned' } });
        expect(next.status).toBe(201);
      });
    });

    describe('destroy', () => {
      async function activeSession(entities: Entity[] = []) {
        const backend = await start({
          catalog: catalogOf(entities),
        });
        const created = await backend
          .api()
          .post('/api/intent/v1/sessions')
          .send({ intent: 'a t3.medium with ubuntu' });
        const id = created.body.session.id as string;
        await backend
          .api()
          .post(`/api/intent/v1/sessions/${id}/apply`)
          .send({ planHash: created.body.revisions[0].planHash })
          .expect(202);
        await waitForStatus(backend.server, id, ['active']);
        return { ...backend, id };
      }

      async function destroyed(
        backend: Awaited<ReturnType<typeof activeSession>>,
      ) {
        const res = await backend
          .api()
          .post(`/api/intent/v1/sessions/${backend.id}/destroy`)
          .send({ confirm: true });
        expect(res.status).toBe(202);
        const after = await waitForStatus(backend.server, backend.id, [
          'destroyed',
          'failed',
        ]);
        expect(after.session.status).toBe('destroyed');
        expect(after.resources).toEqual([]);
      }

      it('works from failed', async () => {
        const backend = await activeSession();
        await backend
          .knex('sessions')
          .where({ id: backend.id })
          .update({ status: 'failed' });
        await destroyed(backend);
      });

      it('works from applying once the lease of the crashed apply expired', async () => {
        const backend = await activeSession();
        await backend
          .knex('sessions')
          .where({ id: backend.id })
          .update({ status: 'applying' });
        // Whatever lock row the apply left has a lease that ran out.
        await backend
          .knex('locks')
          .where({ key: `session:${backend.id}` })
          .update({ expires_at: new Date(Date.now() - 60_000) });
        await destroyed(backend);
      });

      it('works whatever policy says now', async () => {
        const entities: Entity[] = [];
        const backend = await activeSession(entities);
        entities.push(
          policy('no-medium', {
            rules: [
              {
                id: 'no-medium',
                outcome: 'deny',
                expression:
                  'resource.type == "aws_instance" && resource.instanceType == "t3.medium"',
                message: 'No t3.medium',
              },
            ],
          }),
        );
        await destroyed(backend);
      });
    });
  });
});

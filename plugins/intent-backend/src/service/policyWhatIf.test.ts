// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  INTENT_SESSION_RESOURCE_TYPE,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { Knex } from 'knex';
import request from 'supertest';
import { DatabaseSessionStore } from '../database';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
} from '../permissions';
import { startIntentBackend, testConfig } from '../__testUtils__/backend';
import { newRevision } from '../__testUtils__/revisions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { revisionToJudge } from './policyWhatIf';

jest.setTimeout(60_000);

const ME = mockCredentials.user().principal.userEntityRef;
const SOMEONE_ELSE = 'user:default/someone-else';

function policy(
  name: string,
  spec: Record<string, unknown>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name, namespace: 'default', ...extra },
    spec: { owner: 'group:default/platform', ...spec },
  };
}

/** Large instances need approval, micro ones are denied (a test policy). */
const sizes = policy('sizes', {
  appliesTo: { all: true },
  rules: [
    {
      id: 'no-micro',
      outcome: 'deny',
      expression:
        'resource.type == "aws_instance" && resource.instanceType == "t3.micro"',
      message: 'Micro instances are too small',
    },
    {
      id: 'large-needs-approval',
      outcome: 'require-approval',
      expression:
        'resource.type == "aws_instance" && resource.instanceType.endsWith("large")',
      approvers: 'group:default/platform',
    },
  ],
});

async function seed(knex: Knex) {
  const store = await DatabaseSessionStore.create({
    database: { getClient: async () => knex } as DatabaseService,
  });
  const create = (
    intent: string,
    status: SessionStatus,
    owner = ME,
  ): Promise<string> =>
    store.createSession({
      session: {
        title: intent,
        owner,
        team: null,
        provider: 'simulated',
        region: 'us-east-1',
        status,
        expiresAt: null,
      },
      revision: newRevision(intent, owner),
      audit: { actor: owner, action: 'session-create', details: {} },
    });
  return {
    store,
    micro: await create('a t3.micro', 'planned'),
    large: await create('a t3.large in eu-west-1', 'planned'),
    small: await create('a t3.small', 'planned'),
    destroyed: await create('a t3.micro', 'destroyed'),
    theirs: await create('a t3.micro', 'planned', SOMEONE_ELSE),
  };
}

/** Owners only: an adopter's policy that limits reads to one's own sessions. */
const ownersOnly = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async requests =>
    requests.map(r =>
      isResourcePermission(r.permission, INTENT_SESSION_RESOURCE_TYPE)
        ? (createIntentSessionConditionalDecision(
            r.permission as ResourcePermission<'intent-session'>,
            intentSessionConditions.isSessionOwner({ claims: [ME] }),
          ) as any)
        : { result: AuthorizeResult.ALLOW },
    ),
});

describe('POST /v1/policies/what-if', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'judges every live session with a pasted policy and changes nothing, on %p',
    async databaseId => {
      const { server, knex, stop } = await startIntentBackend(
        databases,
        databaseId,
      );
      const ids = await seed(knex);
      const before = await Promise.all(
        [ids.micro, ids.large].map(id => ids.store.getSession({ id })),
      );
      const auditBefore = await ids.store.listAuditEvents({ limit: 100 });

      const res = await request(server)
        .post('/api/intent/v1/policies/what-if')
        .send({ entity: sizes });

      expect(res.status).toBe(200);
      expect(res.body.policy).toBe('intentpolicy:default/sizes');
      expect(res.body.counts).toEqual({
        deny: 2,
        'require-approval': 1,
        warn: 0,
        allow: 1,
      });
      expect(res.body.truncated).toBe(false);
      const verdicts = Object.fromEntries(
        res.body.sessions.map((s: any) => [s.sessionId, s.verdict]),
      );
      expect(verdicts).toEqual({
        [ids.micro]: 'deny',
        [ids.theirs]: 'deny',
        [ids.large]: 'require-approval',
        [ids.small]: 'allow',
      });
      // The most affected first; the destroyed session is not live.
      expect(res.body.sessions.map((s: any) => s.verdict)).toEqual([
        'deny',
        'deny',
        'require-approval',
        'allow',
      ]);
      const large = res.body.sessions.find(
        (s: any) => s.sessionId === ids.large,
      );
      expect(large).toMatchObject({
        revisionSeq: 1,
        revisionStatus: 'proposed',
        covered: true,
        currentVerdict: 'allow',
        findings: [
          {
            ruleId: 'large-needs-approval',
            source: 'intentpolicy:default/sizes',
            outcome: 'require-approval',
            approvers: 'group:default/platform',
            address: 'aws_instance.sandbox',
          },
        ],
      });

      const after = await Promise.all(
        [ids.micro, ids.large].map(id => ids.store.getSession({ id })),
      );
      expect(after).toEqual(before);
      expect(await ids.store.listAuditEvents({ limit: 100 })).toEqual(
        auditBefore,
      );
      await stop();
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a policy from the catalog by ref, and only judges the sessions the caller may read, on %p',
    async databaseId => {
      const regional = policy('eu-only', {
        appliesTo: { regions: ['eu-west-1'] },
        rules: [
          {
            id: 'warn-everything',
            outcome: 'warn',
            expression: 'resource.type == "aws_instance"',
          },
        ],
      });
      const { server, knex, stop } = await startIntentBackend(
        databases,
        databaseId,
        { entities: [regional], permissions: ownersOnly.factory },
      );
      const ids = await seed(knex);

      const res = await request(server)
        .post('/api/intent/v1/policies/what-if')
        .send({ entityRef: 'intentpolicy:default/eu-only' });

      expect(res.status).toBe(200);
      const byId = Object.fromEntries(
        res.body.sessions.map((s: any) => [s.sessionId, s]),
      );
      expect(Object.keys(byId).sort()).toEqual(
        [ids.micro, ids.large, ids.small].sort(),
      );
      expect(byId[ids.large]).toMatchObject({ covered: true, verdict: 'warn' });
      expect(byId[ids.micro]).toMatchObject({
        covered: false,
        verdict: 'allow',
        findings: [],
      });

      const unknown = await request(server)
        .post('/api/intent/v1/policies/what-if')
        .send({ entityRef: 'intentpolicy:default/nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No IntentPolicy intentpolicy:default/nope in the catalog',
      );
      await stop();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses bad input with the catalog processor\u2019s message, on %p',
    async databaseId => {
      const { server, knex, stop } = await startIntentBackend(
        databases,
        databaseId,
      );
      await seed(knex);
      const whatIf = (body: object) =>
        request(server).post('/api/intent/v1/policies/what-if').send(body);
      const refused = async (body: object, status: number, message: string) => {
        const res = await whatIf(body);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({ status, message });
      };

      await refused(
        {},
        400,
        'Send either "entity" (a whole IntentPolicy entity) or "entityRef" (e.g. "intentpolicy:default/platform-guardrails"), not both',
      );
      await refused(
        { entity: sizes, entityRef: 'intentpolicy:default/sizes' },
        400,
        'Send either "entity" (a whole IntentPolicy entity) or "entityRef" (e.g. "intentpolicy:default/platform-guardrails"), not both',
      );
      await refused(
        {
          entity: policy('bad', {
            rules: [
              { id: 'big', outcome: 'require-approval', expression: 'true' },
            ],
          }),
        },
        400,
        'Invalid IntentPolicy intentpolicy:default/bad: spec.rules.0.approvers: Required when outcome is require-approval: name the group that approves',
      );
      await refused(
        {
          entity: policy('broken', {
            rules: [
              {
                id: 'half',
                outcome: 'deny',
                expression: 'resource.type ==',
              },
            ],
          }),
        },
        400,
        'Invalid IntentPolicy intentpolicy:default/broken: spec.rules.0.expression: rule half: line 1, column 17: Unexpected token: EOF',
      );
      await refused(
        { entity: { ...sizes, kind: 'Component' } },
        400,
        'Invalid IntentPolicy intentpolicy:default/sizes: kind: Invalid input: expected "IntentPolicy"',
      );
      await refused(
        { entityRef: 'component:default/web' },
        400,
        'entityRef component:default/web is a component, not an IntentPolicy',
      );
      await refused(
        { entityRef: 'intentpolicy:default/' },
        400,
        'entityRef intentpolicy:default/ is not an entity ref (Entity reference "intentpolicy:default/" was not on the form [<kind>:][<namespace>/]<name>); use e.g. intentpolicy:default/platform-guardrails',
      );
      await refused(
        { entityRef: '  ' },
        400,
        'entityRef must be an entity ref such as intentpolicy:default/platform-guardrails',
      );
      await stop();
    },
  );
});

describe('GET /v1/policies/baseline', () => {
  const databases = createTestDatabases();

  it('answers the baseline in force: app-config over the defaults', async () => {
    const { server, stop } = await startIntentBackend(databases, 'SQLITE_3', {
      config: {
        ...testConfig,
        intent: {
          ...testConfig.intent,
          policy: {
            baseline: { maxTtlHours: 24, rules: { 'no-public-ip': 'deny' } },
            idle: { warnAfterHours: 12, destroyAfterHours: 36 },
          },
        },
      },
    });
    const res = await request(server).get('/api/intent/v1/policies/baseline');
    expect(res.status).toBe(200);
    expect(res.body.maxTtlHours).toBe(24);
    expect(res.body.maxInstances).toBe(5);
    expect(res.body.rules['no-public-ip']).toBe('deny');
    expect(res.body.rules['imdsv2-required']).toBe('deny');
    expect(res.body.idle).toEqual({
      warnAfterHours: 12,
      destroyAfterHours: 36,
    });
    await stop();
  });

  it('answers idle null when the policy has no idle rule', async () => {
    const { server, stop } = await startIntentBackend(databases, 'SQLITE_3');
    const res = await request(server).get('/api/intent/v1/policies/baseline');
    expect(res.status).toBe(200);
    expect(res.body.idle).toBeNull();
    await stop();
  });
});

describe('revisionToJudge', () => {
  const rev = (seq: number, status: string) => ({ seq, status } as any);

  it('takes the latest pending revision, else the latest applied one', () => {
    expect(revisionToJudge([rev(1, 'applied'), rev(2, 'proposed')])?.seq).toBe(
      2,
    );
    expect(revisionToJudge([rev(1, 'applied'), rev(2, 'rejected')])?.seq).toBe(
      1,
    );
    expect(
      revisionToJudge([
        rev(1, 'applied'),
        rev(2, 'superseded'),
        rev(3, 'approved'),
      ])?.seq,
    ).toBe(3);
    expect(revisionToJudge([rev(1, 'rejected')])).toBeUndefined();
  });
});

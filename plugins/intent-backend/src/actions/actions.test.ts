// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceMock,
  MockActionsRegistry,
} from '@backstage/backend-test-utils/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import { startIntentBackend, testConfig } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ALICE, MALLORY, malloryDeniedPolicy } from './__testUtils__/policy';

jest.setTimeout(120_000);

const alice = mockCredentials.user(ALICE);
const mallory = mockCredentials.user(MALLORY);
const automation = mockCredentials.service('plugin:mcp-actions');

/** GPU instances need the platform team's approval. */
const gpuPolicy: Entity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: { name: 'gpu', namespace: 'default' },
  spec: {
    owner: 'group:default/platform',
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
  },
};

/** Starts the plugin with an actions registry the test calls directly. */
async function startWithActions(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startIntentBackend>[1],
  config: JsonObject = testConfig,
) {
  const registry: MockActionsRegistry = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  const backend = await startIntentBackend(databases, databaseId, {
    config,
    permissions: malloryDeniedPolicy.factory,
    entities: [gpuPolicy],
    services: [
      // approval requests go nowhere
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const call = (
    name: string,
    input: JsonObject,
    credentials: BackstageCredentials = alice,
  ) => registry.invoke({ id: `test:${name}`, input, credentials });
  const output = async (
    name: string,
    input: JsonObject,
    credentials?: BackstageCredentials,
  ) => (await call(name, input, credentials)).output as any;
  return { ...backend, registry, call, output };
}

describe('the intent actions', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let portal: Awaited<ReturnType<typeof startWithActions>>;
    /** A planned session of Alice's. */
    let planned: { id: string; planHash: string };

    beforeAll(async () => {
      portal = await startWithActions(databases, databaseId);
      const created = await portal.output('create-session', {
        intent: 'a t3.micro in eu-west-1',
      });
      planned = {
        id: created.session.id,
        planHash: created.latestRevision.planHash,
      };
    });
    afterAll(() => portal.stop());

    it('registers every action with honest attributes', async () => {
      const { actions } = await portal.registry.list();
      expect(
        Object.fromEntries(
          actions.map(a => [
            a.name,
            [a.attributes.readOnly, a.attributes.destructive],
          ]),
        ),
      ).toEqual({
        'preview-plan': [true, false],
        'get-session': [true, false],
        'list-sessions': [true, false],
        'create-session': [false, false],
        'follow-up': [false, false],
        'extend-session': [false, false],
        'apply-revision': [false, true],
        'destroy-session': [false, true],
        'instance-action': [false, false],
      });
      for (const action of actions) {
        expect(action.description.length).toBeGreaterThan(100);
        expect(action.examples?.length).toBeGreaterThan(0);
      }
    });

    describe('preview-plan', () => {
      it('refuses a caller without the create permission', async () => {
        await expect(
          portal.call('preview-plan', { intent: 'a t3.micro' }, mallory),
        ).rejects.toThrow('You are not allowed to intent.session.create');
      });
      it('says which session does not exist', async () => {
        await expect(
          portal.call('preview-plan', {
            intent: 'a t3.micro',
            sessionId: 'no-such-session',
          }),
        ).rejects.toThrow('No session with id no-such-session');
      });
      it('refuses control characters as the REST API does', async () => {
        await expect(
          portal.call('preview-plan', { intent: 'a\u0000t3.micro' }),
        ).rejects.toThrow(
          'input.intent contains a control character (U+0000) at position 1; remove it',
        );
      });
      it('refuses an intent that is too long with what to do', async () => {
        await expect(
          portal.call('preview-plan', { intent: 'x'.repeat(2001) }),
        ).rejects.toThrow(
          'The intent is 2001 characters long; keep it under 2000 and describe one sandbox at a time',
        );
      });
    });

    describe('create-session', () => {
      it('acts as the caller, in the session and its audit trail', async () => {
        const audit = await portal
          .api()
          .get(`/api/intent/v1/sessions/${planned.id}/audit`);
        expect(audit.status).toBe(200);
        expect(audit.body.items.map((e: any) => [e.action, e.actor])).toEqual([
          ['session-create', ALICE],
        ]);
      });
      it('refuses a service unless the portal allows services', async () => {
        await expect(
          portal.call('create-session', { intent: 'a t3.micro' }, automation),
        ).rejects.toThrow(
          'To create a session the caller must be a signed-in user, not the service plugin:mcp-actions: connect the MCP client with OAuth sign-in (see the README, "AI assistants (MCP)"), or have an admin set intent.actions.allowServicePrincipals',
        );
      });
      it('refuses a caller without the create permission', async () => {
        await expect(
          portal.call('create-session', { intent: 'a t3.micro' }, mallory),
        ).rejects.toThrow('You are not allowed to intent.session.create');
      });
    });

    describe('get-session', () => {
      it('answers 404 before 403', async () => {
        await expect(
          portal.call('get-session', { sessionId: 'no-such-session' }, mallory),
        ).rejects.toThrow('No session with id no-such-session');
        await expect(
          portal.call('get-session', { sessionId: planned.id }, mallory),
        ).rejects.toThrow(
          `You are not allowed to intent.session.read on session ${planned.id}`,
        );
      });
      it('lets a service read', async () => {
        const read = await portal.output(
          'get-session',
          { sessionId: planned.id },
          automation,
        );
        expect(read.session.owner).toBe(ALICE);
        expect(read.nextSteps[0]).toBe(
          `Apply with apply-revision and planHash ${planned.planHash}, once the user agrees`,
        );
      });
    });

    describe('list-sessions', () => {
      it('needs a user for mine: true', async () => {
        await expect(
          portal.call('list-sessions', { mine: true }, automation),
        ).rejects.toThrow(
          'mine: true needs a signed-in user; this caller is a service (send owner instead)',
        );
      });
      it('refuses mine: true with someone else as owner', async () => {
        await expect(
          portal.call('list-sessions', { mine: true, owner: MALLORY }),
        ).rejects.toThrow(
          `Send either mine: true or owner, not both (you are ${ALICE}, owner is ${MALLORY})`,
        );
      });
      it('shows a caller without the read permission nothing', async () => {
        expect(await portal.output('list-sessions', {}, mallory)).toEqual({
          items: [],
          totalCount: 0,
        });
      });
    });

    describe('apply-revision', () => {
      it('refuses a plan the caller did not review', async () => {
        await expect(
          portal.call('apply-revision', {
            sessionId: planned.id,
            planHash: 'not-the-hash',
          }),
        ).rejects.toThrow(
          `The plan changed since you reviewed it (you sent not-the-hash, revision 1 has ${planned.planHash}); review it and apply again`,
        );
      });
      it('refuses a caller without the apply permission', async () => {
        await expect(
          portal.call(
            'apply-revision',
            { sessionId: planned.id, planHash: planned.planHash },
            mallory,
          ),
        ).rejects.toThrow(
          `You are not allowed to intent.session.apply on session ${planned.id}`,
        );
      });
      it('cannot skip a deny', async () => {
        const denied = await portal.output('create-session', {
          intent: 'a t3.micro in ap-southeast-2',
        });
        expect(denied.latestRevision.policy.verdict).toBe('deny');
        await expect(
          portal.call('apply-revision', {
            sessionId: denied.session.id,
            planHash: denied.latestRevision.planHash,
            confirm: true,
          }),
        ).rejects.toThrow(
          `Policy denies revision 1: ${denied.latestRevision.policy.findings
            .filter((f: any) => f.outcome === 'deny')
            .map(
              (f: any) =>
                `${f.ruleId}${f.address ? ` on ${f.address}` : ''}: ${
                  f.message
                }`,
            )
            .join('; ')}`,
        );
        const after = await portal.output('get-session', {
          sessionId: denied.session.id,
        });
        expect(after.session.status).toBe('planned');
        expect(after.operations).toEqual([]);
      });

      it('cannot skip an approval', async () => {
        const gpu = await portal.output('create-session', {
          intent: 'a g5.xlarge with ubuntu 22.04',
        });
        expect(gpu.latestRevision.policy.verdict).toBe('require-approval');
        expect(gpu.nextSteps[0]).toBe(
          'An approver must approve this revision in the portal before it can be applied',
        );
        await expect(
          portal.call('apply-revision', {
            sessionId: gpu.session.id,
            planHash: gpu.latestRevision.planHash,
            confirm: true,
          }),
        ).rejects.toThrow(
          'Revision 1 needs approval by a member of group:default/platform before it can be applied',
        );
      });
    });

    describe('extend-session', () => {
      it('keeps within the maximum lifetime', async () => {
        await expect(
          portal.call('extend-session', { sessionId: planned.id, hours: 100 }),
        ).rejects.toThrow(
          /^A session may live at most 72 hours from now \(until \S+\); extend by less$/,
        );
      });
    });

    describe('instance-action', () => {
      it('acts only on an applied session, for a permitted user', async () => {
        await expect(
          portal.call('instance-action', {
            sessionId: planned.id,
            address: 'aws_instance.web',
            action: 'stop',
          }),
        ).rejects.toThrow(
          `Session ${planned.id} is planned; instances can be stopped, started or rebooted only in an applied (active) session`,
        );
        await expect(
          portal.call(
            'instance-action',
            {
              sessionId: planned.id,
              address: 'aws_instance.web',
              action: 'stop',
            },
            mallory,
          ),
        ).rejects.toThrow(
          `You are not allowed to intent.session.apply on session ${planned.id}`,
        );
        await expect(
          portal.call(
            'instance-action',
            {
              sessionId: planned.id,
              address: 'aws_instance.web',
              action: 'stop',
            },
            automation,
          ),
        ).rejects.toThrow(
          'To act on an instance the caller must be a signed-in user, not the service plugin:mcp-actions',
        );
      });
    });

    describe('destroy-session and what follows', () => {
      it('refuses a service, then changes nothing more once destroyed', async () => {
        const { session } = await portal.output('create-session', {
          intent: 'a t3.micro in eu-west-1',
        });
        await expect(
          portal.call(
            'destroy-session',
            { sessionId: session.id, confirm: true },
            automation,
          ),
        ).rejects.toThrow(
          'To destroy a session the caller must be a signed-in user, not the service plugin:mcp-actions',
        );
        const unconfirmed = await portal.output('destroy-session', {
          sessionId: session.id,
        });
        expect(unconfirmed.outcome).toBe('confirmation-required');
        expect(unconfirmed.message).toBe(
          `Nothing was destroyed. Destroying session ${session.id} discards its plan (nothing runs); ask the user, then call destroy-session again with confirm: true`,
        );
        expect(unconfirmed.wouldDestroy).toEqual([]);

        await portal.output('destroy-session', {
          sessionId: session.id,
          confirm: true,
        });
        const deadline = Date.now() + 20_000;
        while (
          (await portal.output('get-session', { sessionId: session.id }))
            .session.status !== 'destroyed'
        ) {
          if (Date.now() > deadline) throw new Error('never destroyed');
          await new Promise(r => setTimeout(r, 25));
        }
        await expect(
          portal.call('destroy-session', {
            sessionId: session.id,
            confirm: true,
          }),
        ).rejects.toThrow(
          `Session ${session.id} is destroyed; it cannot be destroyed now`,
        );
        await expect(
          portal.call('follow-up', { sessionId: session.id, intent: 'more' }),
        ).rejects.toThrow(
          new RegExp(
            `^Session ${session.id} is destroyed; follow-ups are possible when it is `,
          ),
        );
        await expect(
          portal.call('extend-session', { sessionId: session.id, hours: 1 }),
        ).rejects.toThrow(
          `Session ${session.id} is destroyed; its expiry cannot change`,
        );
      });
      it('says which session does not exist', async () => {
        await expect(
          portal.call('destroy-session', { sessionId: 'no-such-session' }),
        ).rejects.toThrow('No session with id no-such-session');
      });
    });
  });

  it.each(databases.eachSupportedId())(
    'lets services act as the configured user when the portal allows it, on %p',
    async databaseId => {
      const portal = await startWithActions(databases, databaseId, {
        ...testConfig,
        intent: {
          ...testConfig.intent,
          actions: {
            allowServicePrincipals: true,
            serviceActor: 'user:default/ci-bot',
          },
        },
      });
      try {
        const created = await portal.output(
          'create-session',
          { intent: 'a t3.micro in eu-west-1' },
          automation,
        );
        expect(created.session.owner).toBe('user:default/ci-bot');
      } finally {
        await portal.stop();
      }
    },
  );
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import mcpActionsBackend from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startIntentBackend, testConfig } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ALICE, MALLORY, malloryDeniedPolicy } from './__testUtils__/policy';

jest.setTimeout(120_000);

const MUTATING = [
  'intent.create-session',
  'intent.follow-up',
  'intent.apply-revision',
  'intent.extend-session',
  'intent.destroy-session',
  'intent.instance-action',
];
const READ_ONLY = [
  'intent.get-session',
  'intent.list-sessions',
  'intent.preview-plan',
];

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: any;
};

describe('the intent actions over MCP (/api/mcp-actions/v1)', () => {
  const databases = createTestDatabases();

  async function start(databaseId: Parameters<typeof startIntentBackend>[1]) {
    const backend = await startIntentBackend(databases, databaseId, {
      config: {
        ...testConfig,
        app: { baseUrl: 'http://localhost:3000' },
        backend: { actions: { pluginSources: ['intent'] } },
        mcpActions: {
          name: 'intent-sandboxes',
          servers: {
            readonly: {
              name: 'intent-sandboxes-readonly',
              filter: { include: [{ attributes: { readOnly: true } }] },
            },
          },
        },
      },
      permissions: malloryDeniedPolicy.factory,
      features: [mcpActionsBackend],
      services: [actionsRegistryServiceFactory, actionsServiceFactory],
    });
    const clients: Client[] = [];
    async function connect(authorization: string, server = '') {
      const client = new Client({ name: 'intent-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(
          new URL(
            `http://localhost:${(
              backend.server as any
            ).port()}/api/mcp-actions/v1${server}`,
          ),
          { requestInit: { headers: { Authorization: authorization } } },
        ),
      );
      clients.push(client);
      const call = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as ToolResult;
      return { client, call };
    }
    return {
      connect,
      stop: async () => {
        await Promise.all(clients.map(c => c.close()));
        await backend.stop();
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'lists, previews, creates, applies, reads and destroys only with confirmation, as the user, on %p',
    async databaseId => {
      const portal = await start(databaseId);
      try {
        const alice = await portal.connect(mockCredentials.user.header(ALICE));

        const { tools } = await alice.client.listTools();
        const names = tools.map(t => t.name);
        expect(names.sort()).toEqual([...MUTATING, ...READ_ONLY].sort());
        const destroyTool = tools.find(
          t => t.name === 'intent.destroy-session',
        )!;
        expect(destroyTool.annotations).toMatchObject({
          readOnlyHint: false,
          destructiveHint: true,
        });
        expect(
          tools.find(t => t.name === 'intent.get-session')!.annotations,
        ).toMatchObject({ readOnlyHint: true, destructiveHint: false });

        const intent = 'a t3.micro web server in eu-west-1 for 4 hours';
        const preview = await alice.call('intent.preview-plan', { intent });
        expect(preview.isError).toBeFalsy();
        expect(preview.structuredContent.region).toBe('eu-west-1');
        expect(
          preview.structuredContent.changes.map((c: any) => c.action),
        ).toContain('create');

        const created = await alice.call('intent.create-session', { intent });
        expect(created.isError).toBeFalsy();
        const { session, latestRevision } = created.structuredContent;
        expect(session.owner).toBe(ALICE);
        expect(session.status).toBe('planned');
        expect(latestRevision.planHash).toBe(
          preview.structuredContent.planHash,
        );

        const applied = await alice.call('intent.apply-revision', {
          sessionId: session.id,
          planHash: latestRevision.planHash,
        });
        expect(applied.isError).toBeFalsy();
        expect(applied.structuredContent.outcome).toBe('applying');

        let read: ToolResult;
        const deadline = Date.now() + 30_000;
        do {
          read = await alice.call('intent.get-session', {
            sessionId: session.id,
          });
          if (read.structuredContent?.session.status === 'active') break;
          await new Promise(r => setTimeout(r, 50));
        } while (Date.now() < deadline);
        expect(read.structuredContent.session.status).toBe('active');
        const running = read.structuredContent.resources;
        expect(running.length).toBeGreaterThan(0);
        expect(read.structuredContent.portalUrl).toBe(
          `http://localhost:3000/intent/sessions/${session.id}`,
        );

        const instance = running.find((r: any) => r.type === 'aws_instance');
        const stopped = await alice.call('intent.instance-action', {
          sessionId: session.id,
          address: instance.address,
          action: 'stop',
        });
        expect(stopped.isError).toBeFalsy();
        expect(
          stopped.structuredContent.resources.find(
            (r: any) => r.address === instance.address,
          ).status,
        ).toBe('stopped');
        expect(
          await alice.call('intent.instance-action', {
            sessionId: session.id,
            address: 'aws_instance.nope',
            action: 'start',
          }),
        ).toEqual({
          isError: true,
          content: [
            {
              type: 'text',
              text: `NotFoundError: Session ${session.id} has no resource aws_instance.nope`,
            },
          ],
        });

        // Without confirmation: nothing is destroyed, and the answer says so.
        const unconfirmed = await alice.call('intent.destroy-session', {
          sessionId: session.id,
        });
        expect(unconfirmed.isError).toBeFalsy();
        expect(unconfirmed.structuredContent.outcome).toBe(
          'confirmation-required',
        );
        expect(unconfirmed.structuredContent.message).toBe(
          `Nothing was destroyed. Destroying session ${
            session.id
          } deletes ${running
            .map((r: any) => `${r.address} (${r.cloudId})`)
            .join(
              ', ',
            )}; ask the user, then call destroy-session again with confirm: true`,
        );
        expect(
          unconfirmed.structuredContent.wouldDestroy.map((r: any) => r.address),
        ).toEqual(running.map((r: any) => r.address));
        expect(unconfirmed.structuredContent.operationId).toBeUndefined();
        const stillActive = await alice.call('intent.get-session', {
          sessionId: session.id,
        });
        expect(stillActive.structuredContent.session.status).toBe('active');

        const destroyed = await alice.call('intent.destroy-session', {
          sessionId: session.id,
          confirm: true,
        });
        expect(destroyed.isError).toBeFalsy();
        expect(destroyed.structuredContent.outcome).toBe('destroying');
        expect(typeof destroyed.structuredContent.operationId).toBe('string');
        let after: ToolResult;
        do {
          after = await alice.call('intent.get-session', {
            sessionId: session.id,
          });
          if (after.structuredContent?.session.status === 'destroyed') break;
          await new Promise(r => setTimeout(r, 50));
        } while (Date.now() < deadline + 30_000);
        expect(after.structuredContent.session.status).toBe('destroyed');

        const listed = await alice.call('intent.list-sessions', { mine: true });
        expect(listed.structuredContent.items.map((s: any) => s.id)).toEqual([
          session.id,
        ]);
      } finally {
        await portal.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a caller without permission, and a service, on %p',
    async databaseId => {
      const portal = await start(databaseId);
      try {
        const alice = await portal.connect(mockCredentials.user.header(ALICE));
        const created = await alice.call('intent.create-session', {
          intent: 'a t3.micro in eu-west-1',
        });
        const sessionId = created.structuredContent.session.id;

        const mallory = await portal.connect(
          mockCredentials.user.header(MALLORY),
        );
        expect(
          await mallory.call('intent.create-session', {
            intent: 'a t3.micro in eu-west-1',
          }),
        ).toEqual({
          isError: true,
          content: [
            {
              type: 'text',
              text: 'NotAllowedError: You are not allowed to intent.session.create',
            },
          ],
        });
        expect(
          await mallory.call('intent.destroy-session', {
            sessionId,
            confirm: true,
          }),
        ).toEqual({
          isError: true,
          content: [
            {
              type: 'text',
              text: `NotAllowedError: You are not allowed to intent.session.destroy on session ${sessionId}`,
            },
          ],
        });
        expect(
          (await mallory.call('intent.get-session', { sessionId })).content,
        ).toEqual([
          {
            type: 'text',
            text: `NotAllowedError: You are not allowed to intent.session.read on session ${sessionId}`,
          },
        ]);
        expect(
          (await mallory.call('intent.list-sessions', {})).structuredContent,
        ).toEqual({ items: [], totalCount: 0 });

        // A static token reaches the actions as a service (here the test's
        // service token; in a portal plugin:mcp-actions): it may read, not change.
        const automation = await portal.connect(
          mockCredentials.service.header(),
        );
        const refused = await automation.call('intent.destroy-session', {
          sessionId,
          confirm: true,
        });
        expect(refused.isError).toBe(true);
        expect(refused.content[0].text).toBe(
          'NotAllowedError: To destroy a session the caller must be a signed-in user, not the service external:test-service: connect the MCP client with OAuth sign-in (see the README, "AI assistants (MCP)"), or have an admin set intent.actions.allowServicePrincipals',
        );
        const readByService = await automation.call('intent.get-session', {
          sessionId,
        });
        expect(readByService.structuredContent.session.status).toBe('planned');
      } finally {
        await portal.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'serves only read-only actions on the read-only server, on %p',
    async databaseId => {
      const portal = await start(databaseId);
      try {
        const alice = await portal.connect(
          mockCredentials.user.header(ALICE),
          '/readonly',
        );
        const { tools } = await alice.client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual(READ_ONLY.sort());
        expect(tools.every(t => t.annotations?.readOnlyHint === true)).toBe(
          true,
        );
        const refused = await alice.call('intent.destroy-session', {
          sessionId: 'any',
          confirm: true,
        });
        expect(refused).toEqual({
          isError: true,
          content: [
            {
              type: 'text',
              text: 'NotFoundError: Action "intent.destroy-session" not found',
            },
          ],
        });
      } finally {
        await portal.stop();
      }
    },
  );
});

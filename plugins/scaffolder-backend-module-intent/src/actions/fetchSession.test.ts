// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  Plan,
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import express from 'express';
import {
  backstageError,
  IntentApiServer,
  startIntentApi,
} from '../__testUtils__/intentApiServer';
import {
  testRevision,
  testSessionDetails,
  webInstancePlan,
  webInstanceResource,
} from '../__testUtils__/sessionFixtures';
import { createFetchSessionAction } from './fetchSession';
import { examples } from './fetchSession.examples';

/** Sessions the fake intent API knows, including the examples' literal id. */
const knownSessionIds = [
  'sess-1',
  'team/sess 1',
  '3f2c9a4e-5b1d-4c8e-9f0a-7d6e5c4b3a21',
];

const firstPlan = webInstancePlan('t3.micro');
const latestPlan = webInstancePlan('t3.large');

function revision(seq: number, plan: unknown): Revision {
  return testRevision({
    sessionId: 'sess-1',
    seq,
    plan: plan as Plan,
    status: seq === 2 ? 'applied' : 'superseded',
    creates: 0,
  });
}

function sessionDetails(id: string, revisions: Revision[]): SessionDetails {
  return testSessionDetails({
    id,
    title: 'Web sandbox',
    status: 'active',
    revisions,
    resources: [
      webInstanceResource(
        { instanceType: 't3.large' },
        { instanceType: 't3.large' },
      ),
    ],
  });
}

/** Plays the intent plugin's `GET /api/intent/v1/sessions/:id`. */
function createIntentApi(requests: { id: string; authorization?: string }[]) {
  const app = express();
  app.get('/api/intent/v1/sessions/:id', (req, res) => {
    const id = req.params.id;
    requests.push({ id, authorization: req.headers.authorization });
    if (knownSessionIds.includes(id)) {
      // Out of order on purpose: the action must pick the highest seq.
      res.json(
        sessionDetails(id, [revision(2, latestPlan), revision(1, firstPlan)]),
      );
    } else if (id === 'no-revisions') {
      res.json(sessionDetails(id, []));
    } else if (id === 'bad-plan') {
      res.json(
        sessionDetails(id, [revision(1, { ...firstPlan, region: 'nowhere' })]),
      );
    } else if (id === 'broken') {
      res
        .status(500)
        .json(backstageError(500, 'Error', 'The session store is unavailable'));
    } else {
      res
        .status(404)
        .json(backstageError(404, 'NotFoundError', `No session ${id}`));
    }
  });
  return app;
}

describe('intent:session:fetch', () => {
  const requests: { id: string; authorization?: string }[] = [];
  let server: IntentApiServer;
  let discovery: DiscoveryService;

  beforeAll(async () => {
    server = await startIntentApi(createIntentApi(requests));
    discovery = server.discovery;
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    requests.length = 0;
  });

  function run(sessionId: string) {
    const action = createFetchSessionAction({
      discovery,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
    const ctx = createMockActionContext({ input: { sessionId } });
    return { ctx, done: action.handler(ctx) };
  }

  it('outputs the session, the latest plan and the resources', async () => {
    const { ctx, done } = run('sess-1');
    await done;

    const expected = sessionDetails('sess-1', []);
    expect(ctx.output).toHaveBeenCalledTimes(3);
    expect(ctx.output).toHaveBeenCalledWith('session', expected.session);
    expect(ctx.output).toHaveBeenCalledWith('plan', latestPlan);
    expect(ctx.output).toHaveBeenCalledWith('resources', expected.resources);
  });

  it('reads on behalf of the user who runs the template', async () => {
    await run('sess-1').done;

    expect(requests).toEqual([
      {
        id: 'sess-1',
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'intent',
        })}`,
      },
    ]);
  });

  it('encodes the session id in the path', async () => {
    const { ctx, done } = run('team/sess 1');
    await done;

    expect(requests.map(r => r.id)).toEqual(['team/sess 1']);
    expect(ctx.output).toHaveBeenCalledWith(
      'session',
      expect.objectContaining({ id: 'team/sess 1' }),
    );
  });

  it('throws an InputError for an unknown session', async () => {
    const { ctx, done } = run('sess-404');

    await expect(done).rejects.toThrow(InputError);
    await expect(done).rejects.toThrow(
      'No intent session sess-404 was found; check the session id on its session page',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('throws with the status and the server message on other failures', async () => {
    const { ctx, done } = run('broken');

    await expect(done).rejects.toThrow(
      'Could not read intent session broken: The session store is unavailable; caused by ResponseError: Request failed with 500 Internal Server Error',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('throws when the session has no revision', async () => {
    const { done } = run('no-revisions');

    await expect(done).rejects.toThrow(InputError);
    await expect(done).rejects.toThrow(
      'Intent session no-revisions has no revision yet, so there is no plan to read',
    );
  });

  it('throws when the latest plan is not a valid plan', async () => {
    const { ctx, done } = run('bad-plan');

    await expect(done).rejects.toThrow(
      /^The plan of revision 1 of intent session bad-plan is invalid: region: Expected an AWS region code/,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('describes its input and outputs', () => {
    const action = createFetchSessionAction({
      discovery,
      auth: mockServices.auth(),
    });

    expect(action.id).toBe('intent:session:fetch');
    expect(action.schema?.input).toMatchObject({
      type: 'object',
      required: ['sessionId'],
      properties: {
        sessionId: {
          type: 'string',
          minLength: 1,
          description: expect.any(String),
        },
      },
    });
    expect(Object.keys(action.schema?.output?.properties ?? {})).toEqual([
      'session',
      'plan',
      'resources',
    ]);
  });

  describe('examples', () => {
    const stepInput =
      /action: intent:session:fetch\n\s+input:\n\s+sessionId: (.+)\n/g;

    it.each(examples)('$description', async ({ example }) => {
      const sessionIds = [...example.matchAll(stepInput)].map(m => m[1]);
      expect(sessionIds).toHaveLength(1);
      const sessionId = sessionIds[0].startsWith('${{')
        ? 'sess-1'
        : sessionIds[0];

      const { ctx, done } = run(sessionId);
      await done;

      expect(ctx.output).toHaveBeenCalledWith(
        'session',
        expect.objectContaining({ id: sessionId }),
      );
      expect(ctx.output).toHaveBeenCalledWith('plan', latestPlan);
    });
  });
});

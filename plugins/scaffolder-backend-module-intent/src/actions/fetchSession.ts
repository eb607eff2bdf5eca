// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  parsePlan,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { examples } from './fetchSession.examples';
import { callIntentApi } from './intentApi';

/**
 * Creates the `intent:session:fetch` scaffolder action, which reads an intent
 * session over the intent plugin's API with the credentials of the user who
 * runs the template.
 *
 * @public
 */
export function createFetchSessionAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  const { discovery, auth } = options;

  return createTemplateAction({
    id: 'intent:session:fetch',
    description:
      'Reads an intent session: the session, the plan of its latest revision and its cloud resources. ' +
      'The session is read on behalf of the user who runs the template, so they need access to it.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sessionId: z =>
          z
            .string()
            .min(1)
            .describe(
              'Id of the intent session to read, as shown on its session page',
            ),
      },
      output: {
        session: z =>
          z
            .record(z.any())
            .describe(
              'The session: id, title, owner, provider, region, status, expiresAt, createdAt and updatedAt',
            ),
        plan: z =>
          z
            .record(z.any())
            .describe(
              'The plan of the latest revision: formatVersion, region and resources',
            ),
        resources: z =>
          z
            .array(z.record(z.any()))
            .describe(
              'The cloud resources of the session: address, type, cloudId, status, desired and actual state',
            ),
      },
    },
    async handler(ctx) {
      const { sessionId } = ctx.input;

      ctx.logger.info(`Reading intent session ${sessionId}`);
      const details = await callIntentApi<SessionDetails>(
        { discovery, auth },
        {
          credentials: await ctx.getInitiatorCredentials(),
          sessionId,
          signal: ctx.signal,
          verb: 'read',
        },
      );
      const latest = details.revisions.reduce<
        SessionDetails['revisions'][number] | undefined
      >(
        (found, revision) =>
          !found || revision.seq > found.seq ? revision : found,
        undefined,
      );
      if (!latest) {
        throw new InputError(
          `Intent session ${sessionId} has no revision yet, so there is no plan to read`,
        );
      }
      const parsed = parsePlan(latest.plan);
      if (!parsed.ok) {
        throw new Error(
          `The plan of revision ${
            latest.seq
          } of intent session ${sessionId} is invalid: ${parsed.problems.join(
            '; ',
          )}`,
        );
      }

      ctx.logger.info(
        `Read intent session ${sessionId}: revision ${latest.seq}, ${details.resources.length} resources`,
      );
      ctx.output('session', details.session);
      ctx.output('plan', parsed.plan);
      ctx.output('resources', details.resources);
    },
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { intentSessionDestroyPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ConfirmationRequiredError } from '../service/errors';
import {
  audited,
  guarded,
  IntentActionsContext,
  sessionAction,
} from './context';
import { sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerDestroySessionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'destroy-session',
    title: 'Destroy a sandbox session',
    description: `Deletes every cloud resource of a session and ends it (status destroyed). This cannot be undone.
Without confirm: true nothing happens: the result has outcome "confirmation-required" and lists in wouldDestroy what would be deleted. Show that list to the user and call again with confirm: true only when they say so.
Refused while another operation holds the session. The destroy runs in the background: follow it with get-session.`,
    schema: {
      input: z =>
        z.object({
          sessionId: sessionIdInput(z),
          confirm: z
            .boolean()
            .optional()
            .describe(
              'true only after the user confirmed the deletion of the resources listed by a call without it',
            ),
        }),
      output: z =>
        z.object({
          outcome: z
            .enum(['destroying', 'confirmation-required'])
            .describe(
              'destroying: the destroy started (operationId); confirmation-required: nothing was destroyed, see wouldDestroy',
            ),
          message: z.string(),
          operationId: z.string().optional(),
          wouldDestroy: z
            .array(
              z.object({
                address: z.string(),
                type: z.string(),
                cloudId: z.string().nullable(),
              }),
            )
            .describe('The resources the destroy deletes'),
          details: sessionDetailsSchema(z),
        }),
    },
    examples: [
      {
        title: 'See what would be destroyed',
        input: { sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11' },
      },
      {
        title: 'Destroy, once the user confirmed',
        input: {
          sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11',
          confirm: true,
        },
      },
    ],
    // A second destroy finds nothing left to delete and is refused.
    attributes: { destructive: true, idempotent: true },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        const actor = await sessionAction(
          context,
          credentials,
          intentSessionDestroyPermission,
          'destroy a session',
          input,
        );
        const before = await context.store.getSession({ id: input.sessionId });
        const wouldDestroy = before.resources.map(r => ({
          address: r.address,
          type: r.type,
          cloudId: r.cloudId,
        }));
        try {
          const { details, operationId } = await audited(
            context,
            'session-destroy',
            actor,
            { sessionId: input.sessionId },
            () =>
              context.sessions.destroy({
                id: input.sessionId,
                confirm: input.confirm,
                actor,
              }),
          );
          return {
            output: {
              outcome: 'destroying' as const,
              message: `The destroy started (operation ${operationId}); follow it with get-session`,
              operationId,
              wouldDestroy,
              details: toSessionDetails(details, context.appBaseUrl),
            },
          };
        } catch (error) {
          if (!(error instanceof ConfirmationRequiredError)) {
            throw error;
          }
          return {
            output: {
              outcome: 'confirmation-required' as const,
              message: `Nothing was destroyed. ${error.message.replace(
                'send "confirm": true to go ahead',
                'ask the user, then call destroy-session again with confirm: true',
              )}`,
              wouldDestroy,
              details: toSessionDetails(before, context.appBaseUrl),
            },
          };
        }
      }),
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { intentSessionApplyPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ConfirmationRequiredError } from '../service/errors';
import {
  audited,
  guarded,
  IntentActionsContext,
  sessionAction,
} from './context';
import { sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerApplyRevisionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'apply-revision',
    title: 'Apply a sandbox session\u2019s plan',
    description: `Creates or changes the session's cloud resources to match its latest revision. Only after the user has seen the plan and agreed.
Send the planHash of the revision the user reviewed (latestRevision.planHash): if the plan changed since, the apply is refused. Refused too when policy denies the plan, when it waits for an approver, or while another operation holds the session.
When the apply deletes or replaces resources it needs confirm: true; without it nothing happens and the result has outcome "confirmation-required" and lists what would be deleted or replaced: ask the user, then call again with confirm: true.
The apply runs in the background: follow it with get-session until the status is active or failed.`,
    schema: {
      input: z =>
        z.object({
          sessionId: sessionIdInput(z),
          planHash: z
            .string()
            .min(1)
            .max(64)
            .describe('latestRevision.planHash of the plan the user reviewed'),
          confirm: z
            .boolean()
            .optional()
            .describe(
              'true once the user agreed that resources are deleted or replaced; only needed when the plan is destructive',
            ),
        }),
      output: z =>
        z.object({
          outcome: z
            .enum(['applying', 'confirmation-required'])
            .describe(
              'applying: the apply started (operationId); confirmation-required: nothing happened, see message and wouldDeleteOrReplace',
            ),
          message: z.string(),
          operationId: z.string().optional(),
          wouldDeleteOrReplace: z
            .array(z.string())
            .optional()
            .describe(
              'Addresses of the resources the apply would delete or replace',
            ),
          details: sessionDetailsSchema(z),
        }),
    },
    examples: [
      {
        title: 'Apply the reviewed plan',
        input: {
          sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11',
          planHash:
            '9b2e6c5d4a3f8e7d6c5b4a3928171615141312111009080706050403020100ff',
        },
      },
    ],
    // Applying the same revision again changes nothing more (a failed one resumes).
    attributes: { destructive: true, idempotent: true },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        const actor = await sessionAction(
          context,
          credentials,
          intentSessionApplyPermission,
          'apply a session',
          input,
        );
        try {
          const { details, operationId } = await audited(
            context,
            'session-apply',
            actor,
            { sessionId: input.sessionId },
            () =>
              context.sessions.apply({
                id: input.sessionId,
                planHash: input.planHash,
                confirm: input.confirm,
                actor,
              }),
          );
          return {
            output: {
              outcome: 'applying' as const,
              message: `The apply started (operation ${operationId}); follow it with get-session`,
              operationId,
              details: toSessionDetails(details, context.appBaseUrl),
            },
          };
        } catch (error) {
          if (!(error instanceof ConfirmationRequiredError)) {
            throw error;
          }
          const details = await context.store.getSession({
            id: input.sessionId,
          });
          const revision = details.revisions[details.revisions.length - 1];
          return {
            output: {
              outcome: 'confirmation-required' as const,
              message: `Nothing was applied. ${error.message.replace(
                'send "confirm": true to go ahead',
                'ask the user, then call apply-revision again with confirm: true',
              )}`,
              wouldDeleteOrReplace: revision.diff.changes
                .filter(c => c.action === 'delete' || c.action === 'replace')
                .map(c => c.address),
              details: toSessionDetails(details, context.appBaseUrl),
            },
          };
        }
      }),
  });
}

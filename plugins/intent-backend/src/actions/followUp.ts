// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { intentSessionApplyPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  audited,
  guarded,
  IntentActionsContext,
  sessionAction,
} from './context';
import { intentInput, sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerFollowUpAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'follow-up',
    title: 'Change a sandbox session\u2019s plan',
    description: `Sends a follow-up intent to a session ("add a second instance", "open port 443 too", or answers to the planner's questions) and plans its next revision against the latest one.
It only proposes: nothing changes in the cloud until apply-revision applies the new revision's planHash. Refused while an apply or destroy runs, and for destroyed or expired sessions.`,
    schema: {
      input: z =>
        z.object({
          sessionId: sessionIdInput(z),
          intent: intentInput(z).describe(
            'What to change, or the answers to the planner\u2019s questions, in plain language',
          ),
        }),
      output: z => sessionDetailsSchema(z),
    },
    examples: [
      {
        title: 'Open HTTPS too',
        input: {
          sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11',
          intent: 'Also open port 443 to the world',
        },
      },
    ],
    attributes: { destructive: false, idempotent: false },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        const actor = await sessionAction(
          context,
          credentials,
          intentSessionApplyPermission,
          'change a session',
          input,
        );
        const details = await audited(
          context,
          'revision-create',
          actor,
          { sessionId: input.sessionId },
          () =>
            context.sessions.followUp({
              id: input.sessionId,
              intent: input.intent,
              actor,
            }),
        );
        return { output: toSessionDetails(details, context.appBaseUrl) };
      }),
  });
}

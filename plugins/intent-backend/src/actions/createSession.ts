// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { intentSessionCreatePermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  actorOf,
  audited,
  authorize,
  checkText,
  guarded,
  IntentActionsContext,
} from './context';
import { intentInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerCreateSessionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'create-session',
    title: 'Create a sandbox session',
    description: `Creates a sandbox session owned by the caller from a plain-language intent, with its first plan. Nothing is created in the cloud yet: show the user the plan (latestRevision: changes, policy, cost, questions) and call apply-revision only once they agree.
If the planner asked questions (status draft), relay them and send the answers with follow-up. The session is destroyed automatically when it expires.`,
    schema: {
      input: z =>
        z.object({
          intent: intentInput(z),
          team: z
            .string()
            .max(255)
            .optional()
            .describe(
              'The group entity ref the sandbox is for, e.g. group:default/payments; one of the caller\u2019s groups. Leave it out to use the caller\u2019s only group',
            ),
        }),
      output: z => sessionDetailsSchema(z),
    },
    examples: [
      {
        title: 'A database to try a migration',
        input: {
          intent:
            'An Ubuntu t3.small with 50 GB of encrypted storage in eu-west-1, ssh from my IP, for 8 hours',
        },
      },
    ],
    attributes: { destructive: false, idempotent: false },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        checkText(input);
        const actor = actorOf(context, credentials, 'create a session');
        await authorize(context, credentials, intentSessionCreatePermission);
        const details = await audited(
          context,
          'session-create',
          actor,
          {},
          () =>
            context.sessions.createSession({
              intent: input.intent,
              team: input.team ?? null,
              actor,
            }),
        );
        return { output: toSessionDetails(details, context.appBaseUrl) };
      }),
  });
}

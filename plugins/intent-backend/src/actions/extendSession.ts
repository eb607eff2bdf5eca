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
import { sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerExtendSessionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'extend-session',
    title: 'Extend a sandbox session\u2019s lifetime',
    description: `Moves a session's expiry later by a number of hours (from its current expiry, or from now if that has passed), within the portal's maximum lifetime counted from now and the guardrails' lifetime limits. Each call adds the hours again.`,
    schema: {
      input: z =>
        z.object({
          sessionId: sessionIdInput(z),
          hours: z
            .number()
            .positive()
            .max(8760)
            .describe(
              'Hours to add; the maximum lifetime usually allows far less than the limit of 8760',
            ),
        }),
      output: z => sessionDetailsSchema(z),
    },
    examples: [
      {
        title: 'Two more hours',
        input: { sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11', hours: 2 },
      },
    ],
    attributes: { destructive: false, idempotent: false },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        const actor = await sessionAction(
          context,
          credentials,
          intentSessionApplyPermission,
          'extend a session',
          input,
        );
        const details = await audited(
          context,
          'session-extend',
          actor,
          { sessionId: input.sessionId },
          () =>
            context.sessions.extend({
              id: input.sessionId,
              hours: input.hours,
              actor,
            }),
        );
        return { output: toSessionDetails(details, context.appBaseUrl) };
      }),
  });
}

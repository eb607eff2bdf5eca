// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import { intentSessionReadPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  checkText,
  conditionAuthorizer,
  guarded,
  IntentActionsContext,
} from './context';
import { sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

export function registerGetSessionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  const isAllowed = conditionAuthorizer(context);
  registry.register({
    name: 'get-session',
    title: 'Get a sandbox session',
    description: `Reads one sandbox session: its status, latest plan (with the planHash apply-revision needs), policy findings, cost, the resources that run (with their cloud ids), how to connect to its instances, recent apply/destroy operations and who holds its lock.
Call it again to follow an apply or destroy: they run in the background until the status becomes active, failed or destroyed. nextSteps says what can be done now.`,
    schema: {
      input: z => z.object({ sessionId: sessionIdInput(z) }),
      output: z => sessionDetailsSchema(z),
    },
    examples: [
      {
        title: 'Follow an apply',
        input: { sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11' },
      },
    ],
    attributes: { readOnly: true, idempotent: true },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        checkText(input);
        // 404 before 403, and the decision taken on the session just loaded,
        // as GET /v1/sessions/:id does.
        const details = await context.store.getSession({ id: input.sessionId });
        const [decision] = await context.permissions.authorizeConditional(
          [{ permission: intentSessionReadPermission }],
          { credentials },
        );
        if (!isAllowed(decision, details.session)) {
          throw new NotAllowedError(
            `You are not allowed to ${intentSessionReadPermission.name} on session ${input.sessionId}`,
          );
        }
        return {
          output: toSessionDetails(
            context.sessions.withConnections(details),
            context.appBaseUrl,
          ),
        };
      }),
  });
}

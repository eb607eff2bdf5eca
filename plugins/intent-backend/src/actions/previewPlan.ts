// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  intentSessionCreatePermission,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  actorOf,
  authorize,
  checkText,
  guarded,
  IntentActionsContext,
  requireSession,
} from './context';
import { intentInput, sessionIdInput } from './inputs';
import { planSchema, toPlan } from './summaries';

export function registerPreviewPlanAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'preview-plan',
    title: 'Preview a sandbox plan',
    description: `Plans a sandbox from a plain-language intent and returns what it would create, what the guardrails say and what it would cost, without storing or creating anything.
Use it to show the user the plan before create-session, or with sessionId to see what a follow-up to an existing session would change.
Read the result: policy.verdict "deny" means the plan cannot be applied as is (each finding says how to fix it); "require-approval" means an approver must approve it in the portal; questions are things the planner could not decide: ask the user.`,
    schema: {
      input: z =>
        z.object({
          intent: intentInput(z),
          sessionId: sessionIdInput(z)
            .optional()
            .describe(
              'Plan the intent as a follow-up of this session (against its latest plan) instead of a new sandbox',
            ),
        }),
      output: z => planSchema(z),
    },
    examples: [
      {
        title: 'A small web server',
        input: {
          intent:
            'A t3.micro Ubuntu web server in eu-west-1 with HTTP open to the world, for 4 hours',
        },
      },
    ],
    attributes: { readOnly: true, idempotent: true },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        checkText(input);
        const actor = actorOf(context, credentials, 'preview a plan');
        await authorize(context, credentials, intentSessionCreatePermission);
        if (input.sessionId) {
          await requireSession(context, input.sessionId);
          await authorize(
            context,
            credentials,
            intentSessionReadPermission,
            input.sessionId,
          );
        }
        const preview = await context.sessions.preview({
          intent: input.intent,
          sessionId: input.sessionId,
          actor,
        });
        return { output: toPlan(preview) };
      }),
  });
}

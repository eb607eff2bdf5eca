// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { intentSessionReadPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import { checkText, guarded, IntentActionsContext } from './context';
import { sessionSchema, sessionStatusSchema, toSession } from './summaries';

export function registerListSessionsAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  const toSessionQuery = createConditionTransformer(context.sessionRuleset);
  registry.register({
    name: 'list-sessions',
    title: 'List sandbox sessions',
    description: `Lists the sandbox sessions the caller may see, newest first, to find a session id or to answer "what sandboxes do I have running?".
Use mine: true for the caller's own sessions and status to narrow down (e.g. active). Page with limit and offset; totalCount says how many match.`,
    schema: {
      input: z =>
        z.object({
          mine: z
            .boolean()
            .optional()
            .describe('Only the caller\u2019s own sessions'),
          owner: z
            .string()
            .max(255)
            .optional()
            .describe(
              'Only the sessions of this user entity ref, e.g. user:default/jane',
            ),
          status: sessionStatusSchema(z).optional(),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('Page size, 1 to 100 (default 20)'),
          offset: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Sessions to skip (default 0)'),
        }),
      output: z =>
        z.object({
          items: z.array(
            sessionSchema(z).extend({ portalUrl: z.string().optional() }),
          ),
          totalCount: z.number(),
        }),
    },
    examples: [
      {
        title: 'My running sandboxes',
        input: { mine: true, status: 'active' },
      },
    ],
    attributes: { readOnly: true, idempotent: true },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        checkText(input);
        let owner = input.owner;
        if (input.mine) {
          if (!context.auth.isPrincipal(credentials, 'user')) {
            throw new InputError(
              'mine: true needs a signed-in user; this caller is a service (send owner instead)',
            );
          }
          if (owner && owner !== credentials.principal.userEntityRef) {
            throw new InputError(
              `Send either mine: true or owner, not both (you are ${credentials.principal.userEntityRef}, owner is ${owner})`,
            );
          }
          owner = credentials.principal.userEntityRef;
        }
        const [decision] = await context.permissions.authorizeConditional(
          [{ permission: intentSessionReadPermission }],
          { credentials },
        );
        if (decision.result === AuthorizeResult.DENY) {
          return { output: { items: [], totalCount: 0 } };
        }
        const page = await context.store.listSessions({
          owner,
          status: input.status,
          criteria:
            decision.result === AuthorizeResult.CONDITIONAL
              ? toSessionQuery(decision.conditions)
              : undefined,
          limit: input.limit ?? 20,
          offset: input.offset ?? 0,
        });
        return {
          output: {
            items: page.items.map(session => ({
              ...toSession(session),
              ...(context.appBaseUrl && {
                portalUrl: `${context.appBaseUrl}/intent/sessions/${session.id}`,
              }),
            })),
            totalCount: page.totalCount,
          },
        };
      }),
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SESSION_ANNOTATION } from './catalogInfo';
import { callIntentApi, IntentApiDeps } from './intentApi';
import { examples } from './promoteSession.examples';

/**
 * Creates the `intent:session:promote` scaffolder action: once the
 * repository is published and its component registered, marks the session
 * promoted (final, no expiry), linked to the component.
 *
 * @public
 */
export function createPromoteSessionAction(
  deps: IntentApiDeps & { catalog: CatalogService },
) {
  return createTemplateAction({
    id: 'intent:session:promote',
    description:
      'Marks an applied intent session as promoted to a registered catalog component: the session no longer ' +
      'expires and links to the component. Run it last, after publishing and registering.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sessionId: z =>
          z.string().min(1).describe('Id of the intent session to promote'),
        repositoryUrl: z =>
          z
            .string()
            .min(1, {
              message:
                'is empty: publish the repository before promoting the session',
            })
            .describe('Where the Terraform repository was published'),
        entityRef: z =>
          z
            .string()
            .min(1, {
              message:
                'is empty: register the component before promoting the session',
            })
            .describe(
              'Ref of the registered component, e.g. component:default/web-sandbox-3f2c9a4e',
            ),
      },
      output: {
        status: z => z.string().describe('The session status: promoted'),
        promotedTo: z =>
          z.string().describe('Entity ref the session now links to'),
      },
    },
    async handler(ctx) {
      const { sessionId, repositoryUrl } = ctx.input;
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(
          parseEntityRef(ctx.input.entityRef, { defaultKind: 'component' }),
        );
      } catch (error) {
        throw new InputError(
          `${ctx.input.entityRef} is not an entity ref: ${
            (error as Error).message
          }`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would promote intent session ${sessionId} to ${entityRef} (${repositoryUrl})`,
        );
        ctx.output('status', 'promoted');
        ctx.output('promotedTo', entityRef);
        return;
      }

      const credentials = await ctx.getInitiatorCredentials();
      const entity = await deps.catalog.getEntityByRef(entityRef, {
        credentials,
      });
      if (!entity) {
        throw new InputError(
          `${entityRef} is not in the catalog; publish the repository and register its catalog-info.yaml before promoting intent session ${sessionId}`,
        );
      }
      const annotated = entity.metadata.annotations?.[SESSION_ANNOTATION];
      if (annotated !== sessionId) {
        throw new InputError(
          `${entityRef} is annotated ${SESSION_ANNOTATION}: ${
            annotated ?? '(none)'
          }, not ${sessionId}; promote the session its component came from`,
        );
      }

      const details = await callIntentApi<SessionDetails>(deps, {
        credentials,
        sessionId,
        subPath: '/promote',
        method: 'POST',
        body: { repositoryUrl, entityRef },
        signal: ctx.signal,
        verb: 'promote',
      });
      ctx.logger.info(`Promoted intent session ${sessionId} to ${entityRef}`);
      ctx.output('status', details.session.status);
      ctx.output('promotedTo', details.session.promotedTo ?? entityRef);
    },
  });
}

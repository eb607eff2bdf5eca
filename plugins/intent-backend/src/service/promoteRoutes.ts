// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { intentAdminPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { SessionStore } from '../database';
import type { spec } from '../schema/openapi';
import type { RouteContext } from './routeContext';
import type { SessionService } from './SessionService';

/**
 * Promotion of an applied session to a catalog component, called by the
 * scaffolder action that published its Terraform: the session's owner may,
 * anyone else needs the admin permission. 404 for an unknown session first.
 *
 * @internal
 */
export function addPromoteRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext & {
    sessions: SessionService;
    store: Pick<SessionStore, 'findSession'>;
  },
) {
  const { sessions, store, userCredentials, authorize, audited } = ctx;

  router.post('/v1/sessions/:id/promote', async (req, res) => {
    const credentials = await userCredentials(req);
    const session = await store.findSession({ id: req.params.id });
    if (!session) {
      throw new NotFoundError(`No session with id ${req.params.id}`);
    }
    if (session.owner !== credentials.principal.userEntityRef) {
      await authorize(credentials, intentAdminPermission);
    }
    const details = await audited(
      req,
      'session-promote',
      {
        sessionId: req.params.id,
        repositoryUrl: req.body.repositoryUrl,
        entityRef: req.body.entityRef,
      },
      () =>
        sessions.promote({
          id: req.params.id,
          repositoryUrl: req.body.repositoryUrl,
          entityRef: req.body.entityRef,
          actor: ctx.actorOf(req, credentials),
        }),
    );
    res.json(details);
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { intentSessionApplyPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { spec } from '../schema/openapi';
import type { RouteContext } from './routeContext';
import type { SessionService } from './SessionService';

/**
 * Day-2 actions on a session's instances (stop, start, reboot): 404 for an
 * unknown session before 403; needs the apply permission, as changing the
 * session does. Answers the session with its connections.
 *
 * @internal
 */
export function addInstanceRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext & { sessions: SessionService },
) {
  const { sessions, userCredentials, authorize, requireSession, audited } = ctx;

  router.post(
    '/v1/sessions/:id/instances/:address/actions',
    async (req, res) => {
      const credentials = await userCredentials(req);
      await requireSession(req.params.id);
      await authorize(credentials, intentSessionApplyPermission, req.params.id);
      const details = await audited(
        req,
        'instance-action',
        {
          sessionId: req.params.id,
          address: req.params.address,
          action: req.body.action,
        },
        () =>
          sessions.instanceAction({
            id: req.params.id,
            address: req.params.address,
            action: req.body.action,
            actor: ctx.actorOf(req, credentials),
          }),
      );
      res.json(sessions.withConnections(details));
    },
  );
}

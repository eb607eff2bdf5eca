// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  intentAdminPermission,
  intentSessionApplyPermission,
  accruedCostUsd,
  intentSessionReadPermission,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { Request } from 'express';
import { spec } from '../schema/openapi';
import type { Actor } from '../service/sessionState';
import { LifecycleService } from './LifecycleService';

/** What the plugin's router lends the lifecycle routes. @internal */
export interface LifecycleRouteContext {
  lifecycle: LifecycleService;
  userCredentials: (
    req: Request<any, any, any, any>,
  ) => Promise<BackstageCredentials<BackstageUserPrincipal>>;
  authorize: (
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission<'intent-session'>,
    sessionId?: string,
  ) => Promise<void>;
  requireSession: (id: string) => Promise<void>;
  audited: <T>(
    req: Request<any, any, any, any>,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => Promise<T>;
  actorOf: (
    req: Request<any, any, any, any>,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Actor;
}

/**
 * The session's details with the cost it accrued, from the revisions and
 * operations they hold (no query: `GET /v1/sessions/{id}` stays at two). The
 * drift report is read with `GET /v1/sessions/{id}/drift`.
 */
export function withAccruedCost<T extends SessionDetails>(details: T): T {
  return {
    ...details,
    session: {
      ...details.session,
      accruedCostUsd: accruedCostUsd(details.revisions, details.operations),
    },
  };
}

/**
 * Drift (check, read, revert, accept), the expiry state, keep (the idle
 * rule), expiry exemption and orphans. Session routes: 404 for an unknown
 * session before 403; reading drift or the expiry state needs read, acting
 * on drift and keeping apply; exemption and orphans are for admins.
 *
 * @internal
 */
export function addLifecycleRoutes(
  router: ApiRouter<typeof spec>,
  ctx: LifecycleRouteContext,
) {
  const { lifecycle, userCredentials, authorize, requireSession, audited } =
    ctx;

  router.post('/v1/sessions/:id/drift-check', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionReadPermission, req.params.id);
    const report = await audited(
      req,
      'session-drift-check',
      { sessionId: req.params.id },
      () => lifecycle.drift.checkSession(req.params.id),
    );
    res.json(report as any);
  });

  router.get('/v1/sessions/:id/drift', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionReadPermission, req.params.id);
    res.json({ report: await lifecycle.store.getDrift(req.params.id) } as any);
  });

  router.post('/v1/sessions/:id/drift/revert', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const result = await audited(
      req,
      'session-drift-revert',
      { sessionId: req.params.id },
      () =>
        lifecycle.driftActions.revert({
          id: req.params.id,
          actor: ctx.actorOf(req, credentials),
        }),
    );
    res.status(202).json(result as any);
  });

  router.post('/v1/sessions/:id/drift/accept', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const result = await audited(
      req,
      'session-drift-accept',
      { sessionId: req.params.id },
      () =>
        lifecycle.driftActions.accept({
          id: req.params.id,
          actor: ctx.actorOf(req, credentials),
        }),
    );
    res.status(202).json(result as any);
  });

  router.get('/v1/sessions/:id/expiry', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionReadPermission, req.params.id);
    res.json((await lifecycle.expiryState(req.params.id)) as any);
  });

  // Same permission as extend: the owner, or anyone who may apply it.
  router.post('/v1/sessions/:id/keep', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const state = await audited(
      req,
      'session-idle-keep',
      { sessionId: req.params.id },
      () =>
        lifecycle.keep({
          id: req.params.id,
          actor: credentials.principal.userEntityRef,
        }),
    );
    res.json(state as any);
  });

  router.post('/v1/sessions/:id/expiry-exemption', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentAdminPermission);
    const state = await audited(
      req,
      'session-expiry-exemption',
      { sessionId: req.params.id, exempt: String(req.body.exempt) },
      () =>
        lifecycle.setExempt({
          id: req.params.id,
          exempt: req.body.exempt,
          actor: credentials.principal.userEntityRef,
        }),
    );
    res.json(state as any);
  });

  router.get('/v1/orphans', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentAdminPermission);
    res.json({ items: await lifecycle.orphans.list() } as any);
  });

  router.post('/v1/orphans/destroy', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentAdminPermission);
    const destroyed = await audited(
      req,
      'orphan-destroy',
      { cloudId: req.body.cloudId, provider: req.body.provider },
      () =>
        lifecycle.orphans.destroy({
          ...req.body,
          actor: credentials.principal.userEntityRef,
        }),
    );
    res.json(destroyed as any);
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { Request as ExpressRequest } from 'express';
import type { SessionStore } from '../database';
import { authorizeOrThrow } from '../permissions/authorizeOrThrow';
import type { Actor } from './sessionState';

/** Any request of the validated router, whatever its path and body. @internal */
export type RouteRequest = ExpressRequest<any, any, any, any>;

/**
 * What every route module of the plugin's router uses: who calls, whether
 * they may, and the auditor. The lifecycle routes take the same functions.
 *
 * @internal
 */
export interface RouteContext {
  /** The signed-in user calling; 401 for anyone else. */
  userCredentials: (
    req: RouteRequest,
  ) => Promise<BackstageCredentials<BackstageUserPrincipal>>;
  actorOf: (
    req: RouteRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Actor;
  /** 403 naming the permission (and the session) unless the policy allows. */
  authorize: (
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission<'intent-session'>,
    sessionId?: string,
  ) => Promise<void>;
  /** 404 before 403: an unknown session is not a permission problem. */
  requireSession: (id: string) => Promise<void>;
  /** Runs a change and reports it to the auditor service, failed or not. */
  audited: <T>(
    req: RouteRequest,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => Promise<T>;
}

/** The route context over the plugin's services and store. @internal */
export function createRouteContext(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  store: Pick<SessionStore, 'findSession'>;
}): RouteContext {
  const { httpAuth, permissions, auditor, store } = options;
  return {
    userCredentials: req => httpAuth.credentials(req, { allow: ['user'] }),

    actorOf: (req, credentials) => ({
      userEntityRef: credentials.principal.userEntityRef,
      clientIp: req.ip,
    }),

    authorize: (credentials, permission, sessionId) =>
      authorizeOrThrow(permissions, credentials, permission, sessionId),

    async requireSession(id) {
      if (!(await store.findSession({ id }))) {
        throw new NotFoundError(`No session with id ${id}`);
      }
    },

    async audited(req, eventId, meta, fn) {
      const event = await auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        request: req,
        meta,
      });
      try {
        const result = await fn();
        await event.success();
        return result;
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  };
}

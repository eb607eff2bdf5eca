// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { JsonObject } from '@backstage/types';
import { SessionStore } from '../database';
import { SessionQuery } from '../permissions';
import { authorizeOrThrow } from '../permissions/authorizeOrThrow';
import { Actor, SessionService } from '../service/SessionService';
import { isDatabaseError } from '../service/databaseErrors';
import { findBadText } from '../service/textInput';

/** `intent.actions.*`: who may call the mutating actions. @internal */
export interface ActionSettings {
  /** Services (a static token) may run actions that need a user. */
  allowServicePrincipals: boolean;
  /** The user entity ref such calls act as (owner, audit actor). */
  serviceActor: string;
}

/** The default of `intent.actions.serviceActor`. */
export const DEFAULT_SERVICE_ACTOR = 'user:default/intent-automation';

/** Reads `intent.actions.*` (see config.d.ts). @internal */
export function readActionSettings(config: RootConfigService): ActionSettings {
  const serviceActor =
    config.getOptionalString('intent.actions.serviceActor') ??
    DEFAULT_SERVICE_ACTOR;
  if (!/^user:[^:/\s]+\/[^:/\s]+$/.test(serviceActor)) {
    throw new Error(
      `intent.actions.serviceActor must be a user entity ref such as ${DEFAULT_SERVICE_ACTOR}, got ${serviceActor}`,
    );
  }
  return {
    allowServicePrincipals:
      config.getOptionalBoolean('intent.actions.allowServicePrincipals') ??
      false,
    serviceActor,
  };
}

/** What every action uses: the same services and rules as the REST router. @internal */
export interface IntentActionsContext {
  sessions: SessionService;
  store: SessionStore;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  sessionRuleset: PermissionRuleset<Session, SessionQuery>;
  settings: ActionSettings;
  /** The portal's address (`app.baseUrl`), for links to a session's page. */
  appBaseUrl?: string;
}

/**
 * The caller as the session service sees it. Users act as themselves; a
 * service (an MCP client with a static token reaches actions as the service
 * `plugin:mcp-actions`) is refused unless `intent.actions.allowServicePrincipals`,
 * and then acts as `intent.actions.serviceActor`.
 */
export function actorOf(
  context: Pick<IntentActionsContext, 'auth' | 'settings'>,
  credentials: BackstageCredentials,
  what: string,
): Actor {
  const { auth, settings } = context;
  if (auth.isPrincipal(credentials, 'user')) {
    return { userEntityRef: credentials.principal.userEntityRef };
  }
  if (auth.isPrincipal(credentials, 'service')) {
    if (settings.allowServicePrincipals) {
      return { userEntityRef: settings.serviceActor };
    }
    throw new NotAllowedError(
      `To ${what} the caller must be a signed-in user, not the service ${credentials.principal.subject}: connect the MCP client with OAuth sign-in (see the README, "AI assistants (MCP)"), or have an admin set intent.actions.allowServicePrincipals`,
    );
  }
  throw new NotAllowedError(`To ${what} the caller must sign in`);
}

/** Refuses, as the REST API does, a caller the permission policy does not allow. */
export async function authorize(
  context: Pick<IntentActionsContext, 'permissions'>,
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission<'intent-session'>,
  sessionId?: string,
) {
  await authorizeOrThrow(
    context.permissions,
    credentials,
    permission,
    sessionId,
  );
}

/** Whether a conditional decision allows the loaded session. */
export function conditionAuthorizer(
  context: Pick<IntentActionsContext, 'sessionRuleset'>,
) {
  return createConditionAuthorizer(
    context.sessionRuleset as PermissionRuleset<Session>,
  );
}

/** 404 before 403: an unknown session is not a permission problem. */
export async function requireSession(
  context: Pick<IntentActionsContext, 'store'>,
  id: string,
) {
  if (!(await context.store.findSession({ id }))) {
    throw new NotFoundError(`No session with id ${id}`);
  }
}

/**
 * Runs a change and reports it to the auditor service, failed or not, as
 * the REST router does (the session's own audit trail is written by the
 * session service).
 */
export async function audited<T>(
  context: Pick<IntentActionsContext, 'auditor'>,
  eventId: string,
  actor: Actor,
  meta: JsonObject,
  fn: () => Promise<T>,
): Promise<T> {
  // Without an HTTP request the auditor names the plugin as the actor: the
  // user the action acts for goes into the metadata.
  const event = await context.auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    meta: { ...meta, via: 'actions', onBehalfOf: actor.userEntityRef },
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** The same text checks as the REST API's (control characters, lone surrogates). */
export function checkText(input: unknown) {
  const problem = findBadText(input, 'input');
  if (problem) {
    throw new InputError(problem);
  }
}

/**
 * The guard of every action on one session, in the REST API's order: bad
 * text 400, a caller who may not act 403, an unknown session 404, then the
 * permission on that session 403. `verb` completes "To … the caller must
 * be a signed-in user". Returns who acts.
 */
export async function sessionAction(
  context: Pick<
    IntentActionsContext,
    'auth' | 'settings' | 'store' | 'permissions'
  >,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'intent-session'>,
  verb: string,
  input: { sessionId: string },
): Promise<Actor> {
  checkText(input);
  const actor = actorOf(context, credentials, verb);
  await requireSession(context, input.sessionId);
  await authorize(context, credentials, permission, input.sessionId);
  return actor;
}

/**
 * Runs an action's body; a database error becomes a 503 without the
 * driver's message (it holds SQL and values), logged with its detail.
 */
export async function guarded<T>(
  context: Pick<IntentActionsContext, 'logger'>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (
      isDatabaseError(error) &&
      ![
        'InputError',
        'NotAllowedError',
        'NotFoundError',
        'ConflictError',
      ].includes(error.name)
    ) {
      context.logger.error('An intent action failed in the database', error);
      throw new ServiceUnavailableError(
        'The database could not complete the request; the error is logged',
      );
    }
    throw error;
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  intentAdminPermission,
  intentSessionApplyPermission,
  intentSessionApprovePermission,
  intentSessionCreatePermission,
  intentSessionDestroyPermission,
  intentSessionReadPermission,
  Session,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { IntentAdminRouteContext } from '@intent-sandboxes/backstage-plugin-intent-node';
import express, { Request as ExpressRequest } from 'express';
import { SessionStore } from '../database';
import { SessionQuery } from '../permissions';
import { spec } from '../schema/openapi';
import { Actor, SessionService } from './SessionService';
import { BODY_LIMIT_BYTES, jsonBody, refuseUnexpectedBody } from './bodyLimit';
import { hideDatabaseErrors } from './databaseErrors';
import type { PolicyWhatIf } from './policyWhatIf';
import { checkTextInput } from './textInput';
import type { LifecycleService } from '../lifecycle';
import { addLifecycleRoutes, withAccruedCost } from '../lifecycle/routes';

type Request = ExpressRequest<any, any, any, any>;

/** The auditor service takes string metadata. */
function auditorMeta(details: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/** @internal */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The session rules (IS_OWNER), from `permissionsRegistry.getPermissionRuleset`. */
  sessionRuleset: PermissionRuleset<Session, SessionQuery>;
  auditor: AuditorService;
  store: SessionStore;
  sessions: SessionService;
  /** `POST /v1/policies/what-if` and `GET /v1/policies/baseline`; both answer 404 without it. */
  policyWhatIf?: PolicyWhatIf;
  /** Drift, expiry exemption, orphans and accrued cost; their routes answer 404 without it. */
  lifecycle?: LifecycleService;
  /** Admin routes added by modules (e.g. the simulated cloud's). */
  adminRoutes?: Array<(context: IntentAdminRouteContext) => express.Router>;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, store, sessions } = options;
  const router = createValidatedOpenApiRouter(spec);
  // A conditional read decision (e.g. IS_OWNER) becomes a WHERE clause of the list.
  const toSessionQuery = createConditionTransformer(options.sessionRuleset);
  // ...and a conditional decision on one loaded session is applied here.
  const isAllowed = createConditionAuthorizer(
    options.sessionRuleset as PermissionRuleset<Session>,
  );

  const userCredentials = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user'] });

  const actorOf = (
    req: Request,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Actor => ({
    userEntityRef: credentials.principal.userEntityRef,
    clientIp: req.ip,
  });

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission<'intent-session'>,
    sessionId?: string,
  ) {
    const [decision] = await permissions.authorize(
      [
        permission.type === 'resource'
          ? { permission, resourceRef: sessionId! }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${permission.name}${
          sessionId ? ` on session ${sessionId}` : ''
        }`,
      );
    }
  }

  /** 404 before 403: an unknown session is not a permission problem. */
  async function requireSession(id: string) {
    if (!(await store.findSession({ id }))) {
      throw new NotFoundError(`No session with id ${id}`);
    }
  }

  /** Runs a change and reports it to the auditor service, failed or not. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) {
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
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/v1/plans/preview', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentSessionCreatePermission);
    if (req.body.sessionId) {
      await authorize(
        credentials,
        intentSessionReadPermission,
        req.body.sessionId,
      );
    }
    res.json(
      await sessions.preview({
        intent: req.body.intent,
        base: req.body.base,
        sessionId: req.body.sessionId,
        actor: actorOf(req, credentials),
      }),
    );
  });

  router.get('/v1/sessions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: intentSessionReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      res.json({ items: [], totalCount: 0 });
      return;
    }
    const page = await store.listSessions({
      owner: req.query.owner,
      status: req.query.status as SessionStatus | undefined,
      criteria:
        decision.result === AuthorizeResult.CONDITIONAL
          ? toSessionQuery(decision.conditions)
          : undefined,
      limit: req.query.limit ?? 20,
      offset: req.query.offset ?? 0,
    });
    const items = options.lifecycle
      ? await options.lifecycle.withAccruedCost(page.items)
      : page.items;
    res.json({ ...page, items });
  });

  router.post('/v1/sessions', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentSessionCreatePermission);
    const details = await audited(req, 'session-create', {}, () =>
      sessions.createSession({
        intent: req.body.intent,
        team: req.body.team ?? null,
        actor: actorOf(req, credentials),
      }),
    );
    res.status(201).json(details);
  });

  router.get('/v1/sessions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // 404 before 403: getSession throws NotFoundError. The read decision is
    // then taken on the session just loaded: `authorize` with the id would
    // have the permission backend load it once more (apply-conditions ->
    // getResources) when the policy answers with conditions.
    const details = await store.getSession({ id: req.params.id });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: intentSessionReadPermission }],
      { credentials },
    );
    if (!isAllowed(decision, details.session)) {
      throw new NotAllowedError(
        `You are not allowed to ${intentSessionReadPermission.name} on session ${req.params.id}`,
      );
    }
    res.json(withAccruedCost(sessions.withConnections(details)));
  });

  router.post('/v1/sessions/:id/revisions', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const details = await audited(
      req,
      'revision-create',
      { sessionId: req.params.id },
      () =>
        sessions.followUp({
          id: req.params.id,
          intent: req.body.intent,
          actor: actorOf(req, credentials),
        }),
    );
    res.status(201).json(details);
  });

  router.post('/v1/sessions/:id/revisions/:seq/decision', async (req, res) => {
    const credentials = await userCredentials(req);
    // Approvers need not own the session: whether they may approve is decided
    // by their membership in the approver groups (in decide, before anything
    // about the revision is said). Callers who may neither read nor approve
    // learn nothing, not even that the session exists.
    const loaded = await store.getSession({ id: req.params.id });
    const [approve, read] = await permissions.authorizeConditional(
      [
        { permission: intentSessionApprovePermission },
        { permission: intentSessionReadPermission },
      ],
      { credentials },
    );
    const mayApprove = isAllowed(approve, loaded.session);
    const mayRead = isAllowed(read, loaded.session);
    if (!mayApprove && !mayRead) {
      throw new NotFoundError(`No session with id ${req.params.id}`);
    }
    if (!mayApprove) {
      throw new NotAllowedError(
        `You are not allowed to ${intentSessionApprovePermission.name} on session ${req.params.id}`,
      );
    }
    const details = await audited(
      req,
      'revision-decide',
      { sessionId: req.params.id, decision: req.body.decision },
      () =>
        sessions.decide({
          id: req.params.id,
          seq: Number(req.params.seq),
          planHash: req.body.planHash,
          decision: req.body.decision,
          comment: req.body.comment,
          actor: actorOf(req, credentials),
          mayRead,
        }),
    );
    res.json(details);
  });

  router.post('/v1/sessions/:id/apply', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const result = await audited(
      req,
      'session-apply',
      { sessionId: req.params.id },
      () =>
        sessions.apply({
          id: req.params.id,
          planHash: req.body.planHash,
          confirm: req.body.confirm,
          actor: actorOf(req, credentials),
        }),
    );
    res.status(202).json(result);
  });

  router.post('/v1/sessions/:id/destroy', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionDestroyPermission, req.params.id);
    const result = await audited(
      req,
      'session-destroy',
      { sessionId: req.params.id },
      () =>
        sessions.destroy({
          id: req.params.id,
          confirm: req.body?.confirm,
          actor: actorOf(req, credentials),
        }),
    );
    res.status(202).json(result);
  });

  router.post('/v1/sessions/:id/extend', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionApplyPermission, req.params.id);
    const details = await audited(
      req,
      'session-extend',
      { sessionId: req.params.id },
      () =>
        sessions.extend({
          id: req.params.id,
          hours: req.body.hours,
          actor: actorOf(req, credentials),
        }),
    );
    res.json(details);
  });

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
            actor: actorOf(req, credentials),
          }),
      );
      res.json(sessions.withConnections(details));
    },
  );

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
          actor: actorOf(req, credentials),
        }),
    );
    res.json(details);
  });

  router.get('/v1/sessions/:id/audit', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireSession(req.params.id);
    await authorize(credentials, intentSessionReadPermission, req.params.id);
    res.json({
      items: await store.listAuditEvents({
        sessionId: req.params.id,
        limit: req.query.limit ?? 100,
        beforeId: req.query.before,
      }),
    });
  });

  router.post('/v1/sessions/:id/lock/release', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentAdminPermission);
    const result = await audited(
      req,
      'lock-force-release',
      { sessionId: req.params.id },
      () =>
        sessions.forceReleaseLock({
          id: req.params.id,
          actor: actorOf(req, credentials),
        }),
    );
    res.json(result);
  });

  router.get('/v1/operations/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const operation = await store.getOperation({ id: req.params.id });
    await authorize(
      credentials,
      intentSessionReadPermission,
      operation.sessionId,
    );
    res.json(operation);
  });

  router.get('/v1/audit', async (req, res) => {
    const credentials = await userCredentials(req);
    await authorize(credentials, intentAdminPermission);
    res.json({
      items: await store.listAuditEvents({
        limit: req.query.limit ?? 100,
        beforeId: req.query.before,
      }),
    });
  });

  router.get('/v1/policies/baseline', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    if (!options.policyWhatIf) {
      throw new NotFoundError('Policy reading is not set up in this backend');
    }
    res.json(options.policyWhatIf.baseline);
  });

  // Read-only: judges the sessions the caller may read, changes nothing.
  router.post('/v1/policies/what-if', async (req, res) => {
    const credentials = await userCredentials(req);
    if (!options.policyWhatIf) {
      throw new NotFoundError('Policy what-if is not set up in this backend');
    }
    const [decision] = await permissions.authorizeConditional(
      [{ permission: intentSessionReadPermission }],
      { credentials },
    );
    let readable: Parameters<PolicyWhatIf['run']>[0]['readable'] = 'all';
    if (decision.result === AuthorizeResult.DENY) {
      readable = 'none';
    } else if (decision.result === AuthorizeResult.CONDITIONAL) {
      readable = toSessionQuery(decision.conditions);
    }
    const result = await options.policyWhatIf.run({
      body: req.body,
      credentials,
      readable,
    });
    res.json(result);
  });

  if (options.lifecycle) {
    addLifecycleRoutes(router, {
      lifecycle: options.lifecycle,
      userCredentials,
      authorize,
      requireSession,
      audited,
      actorOf,
    });
  }

  const adminContext: IntentAdminRouteContext = {
    requireAdmin: async req => {
      const credentials = await userCredentials(req);
      await authorize(credentials, intentAdminPermission);
      return credentials.principal.userEntityRef;
    },
    audited: (req, { action, actor, details }, fn) =>
      audited(req, action, auditorMeta(details), async () => {
        const result = await fn();
        await store.appendAudit({ sessionId: null, actor, action, details });
        return result;
      }),
  };
  // Checks every request, the admin routes' included, before any route.
  // The body is parsed here, not inside the validated router: see jsonBody.
  const root = express.Router();
  root.use(refuseUnexpectedBody(spec));
  root.use(jsonBody({ limitBytes: BODY_LIMIT_BYTES }));
  root.use(checkTextInput());
  root.use(router);
  for (const factory of options.adminRoutes ?? []) {
    root.use(factory(adminContext));
  }
  root.use(hideDatabaseErrors());
  return root;
}

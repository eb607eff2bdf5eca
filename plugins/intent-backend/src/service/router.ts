// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  intentAdminPermission,
  intentSessionApplyPermission,
  intentSessionApprovePermission,
  intentSessionCreatePermission,
  intentSessionDestroyPermission,
  intentSessionReadPermission,
  Session,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { IntentAdminRouteContext } from '@intent-sandboxes/backstage-plugin-intent-node';
import express from 'express';
import { SessionStore } from '../database';
import { SessionQuery } from '../permissions';
import { spec } from '../schema/openapi';
import { SessionService } from './SessionService';
import { BODY_LIMIT_BYTES, jsonBody, refuseUnexpectedBody } from './bodyLimit';
import { hideDatabaseErrors } from './databaseErrors';
import { addInstanceRoutes } from './instanceRoutes';
import { addPolicyRoutes } from './policyRoutes';
import { addPromoteRoutes } from './promoteRoutes';
import { createRouteContext } from './routeContext';
import type { PolicyWhatIf } from './policyWhatIf';
import { checkTextInput } from './textInput';
import { listSessionPage, sessionListFilter, viewerOf } from './sessionList';
import type { LifecycleService } from '../lifecycle';
import { addLifecycleRoutes, withAccruedCost } from '../lifecycle/routes';

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
  /** The caller's teams (ownership refs) for the list's `scope=team`. */
  userInfo: UserInfoService;
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

  const routeContext = createRouteContext({
    httpAuth,
    permissions,
    auditor,
    store,
  });
  const { userCredentials, actorOf, authorize, requireSession, audited } =
    routeContext;

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
    const viewer = await viewerOf(options.userInfo, credentials);
    const filter = sessionListFilter(req.query, viewer);
    const [decision] = await permissions.authorizeConditional(
      [{ permission: intentSessionReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      res.json({ items: [], totalCount: 0 });
      return;
    }
    const page = await listSessionPage({
      store,
      filter,
      viewer,
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

  addInstanceRoutes(router, { ...routeContext, sessions });
  addPromoteRoutes(router, { ...routeContext, sessions, store });
  addPolicyRoutes(router, {
    ...routeContext,
    httpAuth,
    permissions,
    toSessionQuery,
    policyWhatIf: options.policyWhatIf,
  });
  if (options.lifecycle) {
    addLifecycleRoutes(router, {
      ...routeContext,
      lifecycle: options.lifecycle,
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

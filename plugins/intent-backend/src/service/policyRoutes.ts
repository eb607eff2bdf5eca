// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ConditionTransformer } from '@backstage/plugin-permission-node';
import { intentSessionReadPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { SessionQuery } from '../permissions';
import type { spec } from '../schema/openapi';
import type { PolicyWhatIf } from './policyWhatIf';
import type { RouteContext } from './routeContext';

/** What the policy routes need besides the route context. @internal */
export interface PolicyRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Turns a conditional read decision into the sessions' WHERE clause. */
  toSessionQuery: ConditionTransformer<SessionQuery>;
  /** Both routes answer 404 without it. */
  policyWhatIf?: PolicyWhatIf;
}

/**
 * Reading policy: the baseline guardrails in force, and what an
 * IntentPolicy would do to the live sessions the caller may read (a
 * what-if, which changes nothing).
 *
 * @internal
 */
export function addPolicyRoutes(
  router: ApiRouter<typeof spec>,
  ctx: Pick<RouteContext, 'userCredentials'> & PolicyRouteOptions,
) {
  const { httpAuth, permissions, toSessionQuery, policyWhatIf } = ctx;

  router.get('/v1/policies/baseline', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    if (!policyWhatIf) {
      throw new NotFoundError('Policy reading is not set up in this backend');
    }
    res.json(policyWhatIf.guardrails);
  });

  // Read-only: judges the sessions the caller may read, changes nothing.
  router.post('/v1/policies/what-if', async (req, res) => {
    const credentials = await ctx.userCredentials(req);
    if (!policyWhatIf) {
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
    const result = await policyWhatIf.run({
      body: req.body,
      credentials,
      readable,
    });
    res.json(result);
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  INTENT_SESSION_RESOURCE_TYPE,
  Session,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { z } from 'zod';

/** How a permission condition filters the session list. @public */
export type SessionQuery = { ownedByAnyOf: string[] };

/** @public */
export const sessionResourceRef = createPermissionResourceRef<
  Session,
  SessionQuery
>().with({
  pluginId: 'intent',
  resourceType: INTENT_SESSION_RESOURCE_TYPE,
});

/**
 * `IS_OWNER`: the session's owner, or its team, is one of the claims (the
 * caller's user ref and ownership refs, e.g. from `$ownerRefs`).
 *
 * @public
 */
export const isSessionOwner = createPermissionRule({
  name: 'IS_OWNER',
  description:
    'Allow sessions whose owner or team is one of the given entity refs',
  resourceRef: sessionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'User and group entity refs, e.g. the caller\u2019s ownership refs',
      ),
  }),
  apply: (session, { claims }) =>
    claims.includes(session.owner) ||
    (session.team !== null && claims.includes(session.team)),
  toQuery: ({ claims }) => ({ ownedByAnyOf: claims }),
});

/** @public */
export const sessionRules = { isSessionOwner };

/**
 * For permission policies: `intentSessionConditions.isSessionOwner({ claims })`
 * and `createIntentSessionConditionalDecision(permission, conditions)`.
 *
 * @public
 */
export const {
  conditions: intentSessionConditions,
  createConditionalDecision: createIntentSessionConditionalDecision,
} = createConditionExports({
  resourceRef: sessionResourceRef,
  rules: sessionRules,
});

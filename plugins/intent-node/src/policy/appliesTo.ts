// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { CompiledIntentPolicy } from './compilePolicy';
import { normalizeEntityRef } from './matching';
import type { PolicySession } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Whether a policy covers a session, as the IntentPolicy kind documents
 * `appliesTo`: left out or `all: true` covers every session; otherwise the
 * session is covered when its team is in `teams`, its owner in `users` or its
 * region in `regions`. Refs in the policy default to kind `group` (teams) or
 * `user` (users) and to the policy's namespace; the session's refs default to
 * the `default` namespace. Refs compare case-insensitively.
 *
 * @public
 */
export function policyAppliesTo(
  policy: Pick<CompiledIntentPolicy, 'appliesTo' | 'namespace'>,
  session: PolicySession,
): boolean {
  const { appliesTo, namespace } = policy;
  if (!appliesTo || appliesTo.all) {
    return true;
  }
  const matches = (
    listed: string[] | undefined,
    actual: string | null | undefined,
    kind: string,
  ) =>
    typeof actual === 'string' &&
    (listed ?? []).some(
      ref =>
        normalizeEntityRef(ref, { kind, namespace }) ===
        normalizeEntityRef(actual, { kind, namespace: 'default' }),
    );
  return (
    matches(appliesTo.teams, session.team, 'group') ||
    matches(appliesTo.users, session.owner, 'user') ||
    (appliesTo.regions ?? []).includes(session.region)
  );
}

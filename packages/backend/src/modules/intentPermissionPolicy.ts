// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
} from '@intent-sandboxes/backstage-plugin-intent-backend';
import {
  intentPermissions,
  intentSessionApplyPermission,
  intentSessionCreatePermission,
  intentSessionDestroyPermission,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** The group whose members see every session, approve and administer. */
export const DEFAULT_PLATFORM_GROUPS = ['group:default/platform'];

/**
 * What the intent plugin's permissions decide for a user, or `undefined` when
 * the permission is not one of the plugin's (so another policy decides):
 *
 * - members of a platform group: everything;
 * - everyone else: create sessions; read the sessions they or one of their
 *   groups own; apply, extend and destroy the sessions they own themselves;
 *   never approve or administer.
 *
 * A pure function, so that an adopter's policy can call it first and fall
 * back to its own rules.
 */
export function decideIntentPermission(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: { platformGroups?: string[] } = {},
): PolicyDecision | undefined {
  const { permission } = request;
  if (!intentPermissions.some(p => isPermission(permission, p))) {
    return undefined;
  }
  const userRef = user?.info.userEntityRef;
  const ownership = user?.info.ownershipEntityRefs ?? [];
  const platformGroups = options.platformGroups ?? DEFAULT_PLATFORM_GROUPS;
  if (ownership.some(ref => platformGroups.includes(ref))) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (!userRef) {
    return { result: AuthorizeResult.DENY };
  }
  if (isPermission(permission, intentSessionCreatePermission)) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (isPermission(permission, intentSessionReadPermission)) {
    return createIntentSessionConditionalDecision(
      permission,
      intentSessionConditions.isSessionOwner({
        claims: Array.from(new Set([userRef, ...ownership])),
      }),
    );
  }
  if (
    isPermission(permission, intentSessionApplyPermission) ||
    isPermission(permission, intentSessionDestroyPermission)
  ) {
    return createIntentSessionConditionalDecision(
      permission,
      intentSessionConditions.isSessionOwner({ claims: [userRef] }),
    );
  }
  // Approving and administering (and any permission the plugin adds later)
  // are for the platform groups only.
  return { result: AuthorizeResult.DENY };
}

/**
 * The local portal's policy: the intent plugin's rules
 * ({@link decideIntentPermission}); every other permission is allowed, as
 * with the allow-all policy it replaces.
 */
export class IntentPortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly options: { platformGroups?: string[] } = {}) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return (
      decideIntentPermission(request, user, this.options) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}

/**
 * Installs {@link IntentPortalPermissionPolicy}. The platform groups come from
 * `permission.intent.platformGroups` (default `group:default/platform`).
 */
export const intentPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'intent-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        policy.setPolicy(
          new IntentPortalPermissionPolicy({
            platformGroups: config.getOptionalStringArray(
              'permission.intent.platformGroups',
            ),
          }),
        );
      },
    });
  },
});

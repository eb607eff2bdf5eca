// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Asks the permission policy; throws NotAllowedError (403) naming the
 * permission and the session unless it allows. Routes and actions share it.
 */
export async function authorizeOrThrow(
  permissions: Pick<PermissionsService, 'authorize'>,
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission<'intent-session'>,
  sessionId?: string,
): Promise<void> {
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

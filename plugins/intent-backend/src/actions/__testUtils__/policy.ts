// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

export const ALICE = 'user:default/alice';
/** Has no permission at all under {@link malloryDeniedPolicy}. */
export const MALLORY = 'user:default/mallory';

const decide = (credentials: BackstageCredentials) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef ===
  MALLORY
    ? AuthorizeResult.DENY
    : AuthorizeResult.ALLOW;

/** A portal's policy: everyone may do everything, but Mallory nothing. */
export const malloryDeniedPolicy = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(() => ({ result: decide(credentials) })),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(() => ({ result: decide(credentials) })) as any,
});

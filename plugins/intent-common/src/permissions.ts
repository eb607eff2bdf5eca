// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createPermission } from '@backstage/plugin-permission-common';

/** The permission resource type of sessions. @public */
export const INTENT_SESSION_RESOURCE_TYPE = 'intent-session';

/** Create a session from an intent (also preview plans). @public */
export const intentSessionCreatePermission = createPermission({
  name: 'intent.session.create',
  attributes: { action: 'create' },
});

/** See a session, its revisions, resources, operations and audit log. @public */
export const intentSessionReadPermission = createPermission({
  name: 'intent.session.read',
  attributes: { action: 'read' },
  resourceType: INTENT_SESSION_RESOURCE_TYPE,
});

/** Add follow-up intents, apply revisions and extend the expiry. @public */
export const intentSessionApplyPermission = createPermission({
  name: 'intent.session.apply',
  attributes: { action: 'update' },
  resourceType: INTENT_SESSION_RESOURCE_TYPE,
});

/** Destroy a session's resources. @public */
export const intentSessionDestroyPermission = createPermission({
  name: 'intent.session.destroy',
  attributes: { action: 'delete' },
  resourceType: INTENT_SESSION_RESOURCE_TYPE,
});

/** Approve or reject a revision that policy sent for approval. @public */
export const intentSessionApprovePermission = createPermission({
  name: 'intent.session.approve',
  attributes: { action: 'update' },
  resourceType: INTENT_SESSION_RESOURCE_TYPE,
});

/** Administer the plugin: force-release locks, cause simulated drift. @public */
export const intentAdminPermission = createPermission({
  name: 'intent.admin',
  attributes: {},
});

/** @public */
export const intentPermissions = [
  intentSessionCreatePermission,
  intentSessionReadPermission,
  intentSessionApplyPermission,
  intentSessionDestroyPermission,
  intentSessionApprovePermission,
  intentAdminPermission,
];

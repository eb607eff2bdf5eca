// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Session,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * The intent backend's REST API, as the portal pages use it.
 *
 * @public
 */
export interface IntentApi {
  createSession(request: { intent: string }): Promise<SessionDetails>;
  getSession(request: { id: string }): Promise<SessionDetails>;
  listSessions(request?: {
    owner?: string;
    limit?: number;
    offset?: number;
  }): Promise<{ items: Session[]; totalCount: number }>;
  applySession(request: {
    id: string;
    planHash: string;
  }): Promise<SessionDetails>;
}

/** @public */
export const intentApiRef = createApiRef<IntentApi>().with({
  id: 'intent',
  pluginId: 'intent',
});

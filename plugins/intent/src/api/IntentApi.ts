// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Operation,
  PlanPreview,
  Session,
  SessionDetails,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** What apply and destroy return: the operation that started. @public */
export interface OperationStarted {
  details: SessionDetails;
  operationId: string;
}

/**
 * The intent backend's REST API, as the portal pages use it.
 *
 * @public
 */
export interface IntentApi {
  /** What an intent would plan, with its diff, verdict and cost; stores nothing. */
  previewPlan(
    request: { intent: string; sessionId?: string },
    options?: { signal?: AbortSignal },
  ): Promise<PlanPreview>;
  createSession(request: { intent: string }): Promise<SessionDetails>;
  getSession(request: { id: string }): Promise<SessionDetails>;
  listSessions(request?: {
    owner?: string;
    status?: SessionStatus;
    limit?: number;
    offset?: number;
  }): Promise<{ items: Session[]; totalCount: number }>;
  followUp(request: { id: string; intent: string }): Promise<SessionDetails>;
  applySession(request: {
    id: string;
    planHash: string;
    confirm?: boolean;
  }): Promise<OperationStarted>;
  destroySession(request: {
    id: string;
    confirm: boolean;
  }): Promise<OperationStarted>;
  extendSession(request: {
    id: string;
    hours: number;
  }): Promise<SessionDetails>;
  getOperation(request: { id: string }): Promise<Operation>;
  decide(request: {
    id: string;
    seq: number;
    planHash: string;
    decision: 'approve' | 'reject';
    comment?: string;
  }): Promise<SessionDetails>;
}

/** @public */
export const intentApiRef = createApiRef<IntentApi>().with({
  id: 'intent',
  pluginId: 'intent',
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  PolicyBaseline,
  DriftReport,
  Operation,
  OrphanResource,
  PlanPreview,
  PolicyWhatIfResult,
  SessionDetails,
  SessionExpiryState,
  SessionList,
  SessionListScope,
  SessionListStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** What apply and destroy return: the operation that started. @public */
export interface OperationStarted {
  details: SessionDetails;
  operationId: string;
}

// Defined beside the other API types; still exported here, where the
// plugin's API has always offered them.
export type {
  PolicyWhatIfResult,
  PolicyWhatIfSession,
} from '@intent-sandboxes/backstage-plugin-intent-common';

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
  /**
   * A page of the sessions the caller may see, filtered on the server:
   * whose (`scope`), `status` (or `live`), and a search `q` in title, id,
   * owner, team and intent; with each session's cost and the caller's
   * monthly run-rate.
   */
  listSessions(request?: {
    scope?: SessionListScope;
    owner?: string;
    status?: SessionListStatus;
    q?: string;
    limit?: number;
    offset?: number;
  }): Promise<SessionList>;
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
  /** The expiry state, with the idle state when the policy has an idle rule. */
  getExpiryState(request: { id: string }): Promise<SessionExpiryState>;
  /** Says an active session is still needed: starts its idle clock again. */
  keepSession(request: { id: string }): Promise<SessionExpiryState>;
  /**
   * Stops, starts or reboots an instance of an applied session; resolves
   * with the session once the instance got there.
   */
  instanceAction(request: {
    id: string;
    address: string;
    action: 'stop' | 'start' | 'reboot';
  }): Promise<SessionDetails>;
  getOperation(request: { id: string }): Promise<Operation>;
  decide(request: {
    id: string;
    seq: number;
    planHash: string;
    decision: 'approve' | 'reject';
    comment?: string;
  }): Promise<SessionDetails>;
  /**
   * Which live sessions a policy (a whole entity, e.g. an edited copy, or
   * the ref of one in the catalog) would deny or send to approval now;
   * changes nothing.
   */
  whatIfPolicy(
    request: { entity: object } | { entityRef: string },
  ): Promise<PolicyWhatIfResult>;
  /** The built-in baseline guardrails in force. */
  getPolicyBaseline(): Promise<PolicyBaseline>;
  /** The latest drift report, null before the first check. */
  getDrift(request: { id: string }): Promise<{ report: DriftReport | null }>;
  /** Describes the session's resources now and compares them with what was applied. */
  checkDrift(request: { id: string }): Promise<DriftReport>;
  /** Sets drifted fields back to the last applied revision. */
  revertDrift(request: { id: string }): Promise<{ operationId: string }>;
  /** A new revision adopting what the cloud holds, policy-checked; applied unless it needs approval. */
  acceptDrift(request: {
    id: string;
  }): Promise<{ details: SessionDetails; operationId: string | null }>;
  /** Admins: resources tagged with a session that is gone. */
  listOrphans(): Promise<{ items: OrphanResource[] }>;
  /** Admins: deletes one orphan. */
  destroyOrphan(request: {
    provider: string;
    region: string;
    type: string;
    cloudId: string;
  }): Promise<OrphanResource>;
}

/** @public */
export const intentApiRef = createApiRef<IntentApi>().with({
  id: 'intent',
  pluginId: 'intent',
});

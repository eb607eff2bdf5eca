// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  BaselineConfig,
  DriftReport,
  Operation,
  OrphanResource,
  PlanPreview,
  PolicyFinding,
  PolicyVerdict,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** What apply and destroy return: the operation that started. @public */
export interface OperationStarted {
  details: SessionDetails;
  operationId: string;
}

/** How one live session fares under a policy in a what-if. @public */
export interface PolicyWhatIfSession {
  sessionId: string;
  title: string;
  owner: string;
  team: string | null;
  status: SessionStatus;
  /** The revision judged: the latest pending one, else the latest applied. */
  revisionSeq: number;
  revisionStatus: RevisionStatus;
  /** Whether the policy's `appliesTo` covers the session. */
  covered: boolean;
  /** The verdict of this policy alone. */
  verdict: PolicyVerdict;
  /** The verdict stored with the revision when it was planned. */
  currentVerdict: PolicyVerdict;
  findings: PolicyFinding[];
}

/** What a policy would do to the live sessions now (`POST /v1/policies/what-if`). @public */
export interface PolicyWhatIfResult {
  /** The policy's entity ref. */
  policy: string;
  evaluatedAt: string;
  /** The live sessions the caller may read, the most affected first. */
  sessions: PolicyWhatIfSession[];
  counts: Record<PolicyVerdict, number>;
  /** True when there were more live sessions than the backend looks at. */
  truncated: boolean;
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
  getPolicyBaseline(): Promise<BaselineConfig>;
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

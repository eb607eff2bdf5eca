// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  PolicyBaseline,
  DriftReport,
  Operation,
  OrphanResource,
  PlanPreview,
  SessionDetails,
  SessionExpiryState,
  SessionList,
  SessionListScope,
  SessionListStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { IntentApi, OperationStarted, PolicyWhatIfResult } from './IntentApi';

/**
 * {@link IntentApi} over HTTP, with the signed-in user's token.
 *
 * @public
 */
export class IntentClient implements IntentApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  previewPlan(
    request: { intent: string; sessionId?: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<PlanPreview> {
    return this.request('/v1/plans/preview', {
      method: 'POST',
      body: request,
      signal: options.signal,
    });
  }

  createSession(request: { intent: string }): Promise<SessionDetails> {
    return this.request('/v1/sessions', { method: 'POST', body: request });
  }

  getSession(request: { id: string }): Promise<SessionDetails> {
    return this.request(this.sessionPath(request.id));
  }

  listSessions(
    request: {
      scope?: SessionListScope;
      owner?: string;
      status?: SessionListStatus;
      q?: string;
      limit?: number;
      offset?: number;
    } = {},
  ): Promise<SessionList> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) {
      if (value !== undefined) {
        query.set(key, String(value));
      }
    }
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(`/v1/sessions${suffix}`);
  }

  followUp(request: { id: string; intent: string }): Promise<SessionDetails> {
    return this.request(`${this.sessionPath(request.id)}/revisions`, {
      method: 'POST',
      body: { intent: request.intent },
    });
  }

  applySession(request: {
    id: string;
    planHash: string;
    confirm?: boolean;
  }): Promise<OperationStarted> {
    return this.request(`${this.sessionPath(request.id)}/apply`, {
      method: 'POST',
      body: {
        planHash: request.planHash,
        ...(request.confirm ? { confirm: true } : {}),
      },
    });
  }

  destroySession(request: {
    id: string;
    confirm: boolean;
  }): Promise<OperationStarted> {
    return this.request(`${this.sessionPath(request.id)}/destroy`, {
      method: 'POST',
      body: { confirm: request.confirm },
    });
  }

  extendSession(request: {
    id: string;
    hours: number;
  }): Promise<SessionDetails> {
    return this.request(`${this.sessionPath(request.id)}/extend`, {
      method: 'POST',
      body: { hours: request.hours },
    });
  }

  getExpiryState(request: { id: string }): Promise<SessionExpiryState> {
    return this.request(`${this.sessionPath(request.id)}/expiry`);
  }

  keepSession(request: { id: string }): Promise<SessionExpiryState> {
    return this.request(`${this.sessionPath(request.id)}/keep`, {
      method: 'POST',
    });
  }

  instanceAction(request: {
    id: string;
    address: string;
    action: 'stop' | 'start' | 'reboot';
  }): Promise<SessionDetails> {
    return this.request(
      `${this.sessionPath(request.id)}/instances/${encodeURIComponent(
        request.address,
      )}/actions`,
      { method: 'POST', body: { action: request.action } },
    );
  }

  getOperation(request: { id: string }): Promise<Operation> {
    return this.request(`/v1/operations/${encodeURIComponent(request.id)}`);
  }

  decide(request: {
    id: string;
    seq: number;
    planHash: string;
    decision: 'approve' | 'reject';
    comment?: string;
  }): Promise<SessionDetails> {
    return this.request(
      `${this.sessionPath(request.id)}/revisions/${request.seq}/decision`,
      {
        method: 'POST',
        body: {
          decision: request.decision,
          planHash: request.planHash,
          ...(request.comment ? { comment: request.comment } : {}),
        },
      },
    );
  }

  whatIfPolicy(
    request: { entity: object } | { entityRef: string },
  ): Promise<PolicyWhatIfResult> {
    return this.request('/v1/policies/what-if', {
      method: 'POST',
      body: request,
    });
  }

  getPolicyBaseline(): Promise<PolicyBaseline> {
    return this.request('/v1/policies/baseline');
  }

  getDrift(request: { id: string }): Promise<{ report: DriftReport | null }> {
    return this.request(`${this.sessionPath(request.id)}/drift`);
  }

  checkDrift(request: { id: string }): Promise<DriftReport> {
    return this.request(`${this.sessionPath(request.id)}/drift-check`, {
      method: 'POST',
    });
  }

  revertDrift(request: { id: string }): Promise<{ operationId: string }> {
    return this.request(`${this.sessionPath(request.id)}/drift/revert`, {
      method: 'POST',
    });
  }

  acceptDrift(request: {
    id: string;
  }): Promise<{ details: SessionDetails; operationId: string | null }> {
    return this.request(`${this.sessionPath(request.id)}/drift/accept`, {
      method: 'POST',
    });
  }

  listOrphans(): Promise<{ items: OrphanResource[] }> {
    return this.request('/v1/orphans');
  }

  destroyOrphan(request: {
    provider: string;
    region: string;
    type: string;
    cloudId: string;
  }): Promise<OrphanResource> {
    return this.request('/v1/orphans/destroy', {
      method: 'POST',
      body: request,
    });
  }

  private sessionPath(id: string) {
    return `/v1/sessions/${encodeURIComponent(id)}`;
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('intent');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers:
        options.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

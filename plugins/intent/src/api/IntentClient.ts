// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Session,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { IntentApi } from './IntentApi';

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

  createSession(request: { intent: string }): Promise<SessionDetails> {
    return this.request('/v1/sessions', { method: 'POST', body: request });
  }

  getSession(request: { id: string }): Promise<SessionDetails> {
    return this.request(`/v1/sessions/${encodeURIComponent(request.id)}`);
  }

  listSessions(
    request: { owner?: string; limit?: number; offset?: number } = {},
  ): Promise<{ items: Session[]; totalCount: number }> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) {
      if (value !== undefined) {
        query.set(key, String(value));
      }
    }
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(`/v1/sessions${suffix}`);
  }

  applySession(request: {
    id: string;
    planHash: string;
  }): Promise<SessionDetails> {
    return this.request(
      `/v1/sessions/${encodeURIComponent(request.id)}/apply`,
      {
        method: 'POST',
        body: { planHash: request.planHash },
      },
    );
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
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
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ForwardedError, InputError, ResponseError } from '@backstage/errors';
import {
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** What the actions need to call the intent plugin's API. */
export interface IntentApiDeps {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * Calls the intent API on behalf of `credentials` (the user who runs the
 * template) and turns its failures into errors a template author can act on:
 * 404 → the session does not exist, 403 → the user may not do this, anything
 * else → the status and the API's message.
 */
export async function callIntentApi<T>(
  deps: IntentApiDeps,
  request: {
    credentials: BackstageCredentials;
    sessionId: string;
    /** Under `/v1/sessions/:id`, e.g. `/promote`; empty to read the session. */
    subPath?: string;
    method?: 'GET' | 'POST';
    body?: unknown;
    signal?: AbortSignal;
    /** Says what was attempted, for error messages: `read`, `promote`, … */
    verb: string;
  },
): Promise<T> {
  const { sessionId, verb } = request;
  const baseUrl = await deps.discovery.getBaseUrl('intent');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: request.credentials,
    targetPluginId: 'intent',
  });
  const response = await fetch(
    `${baseUrl}/v1/sessions/${encodeURIComponent(sessionId)}${
      request.subPath ?? ''
    }`,
    {
      method: request.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(request.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body:
        request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: request.signal,
    },
  );
  if (response.status === 404) {
    throw new InputError(
      `No intent session ${sessionId} was found; check the session id on its session page`,
    );
  }
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    if (response.status === 403) {
      throw new InputError(
        `You may not ${verb} intent session ${sessionId}: ${error.cause.message}`,
      );
    }
    throw new ForwardedError(
      `Could not ${verb} intent session ${sessionId}: ${error.cause.message}`,
      error,
    );
  }
  return (await response.json()) as T;
}

/** The applied revision a session runs, the highest applied seq; undefined when none. */
export function appliedRevision(
  details: Pick<SessionDetails, 'revisions'>,
): Revision | undefined {
  return details.revisions
    .filter(revision => revision.status === 'applied')
    .reduce<Revision | undefined>(
      (found, revision) =>
        !found || revision.seq > found.seq ? revision : found,
      undefined,
    );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded answer of the Messages API; `hang` never answers. */
export type Replay =
  | { status?: number; headers?: Record<string, string>; body: unknown }
  | { hang: true };

/** A local stand-in for api.anthropic.com that replays answers in order. */
export interface ReplayServer {
  baseUrl: string;
  /** The JSON bodies of the requests received, in order. */
  requests: Array<Record<string, any>>;
  /** The credentials each request carried (`Bearer <key>`). */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts an HTTP server on 127.0.0.1 (a free port) that answers
 * `POST /v1/messages` with the replays, one per request.
 */
export async function startReplayServer(
  replays: Replay[],
): Promise<ReplayServer> {
  const queue = [...replays];
  const requests: Array<Record<string, any>> = [];
  const authorizations: Array<string | undefined> = [];
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.method !== 'POST' || request.url !== '/v1/messages') {
      response.writeHead(404).end();
      return;
    }
    requests.push(JSON.parse(body));
    authorizations.push(
      request.headers.authorization ??
        (request.headers['x-api-key'] as string | undefined),
    );
    const replay = queue.shift();
    if (!replay) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'api_error', message: 'no replay left' },
        }),
      );
      return;
    }
    if ('hang' in replay) {
      return;
    }
    response.writeHead(replay.status ?? 200, {
      'content-type': 'application/json',
      ...replay.headers,
    });
    response.end(JSON.stringify(replay.body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    authorizations,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let messageCount = 0;

/** A Messages API answer that calls `submit_plan` with `input`. */
export function toolUseMessage(input: unknown, stopReason = 'tool_use') {
  messageCount += 1;
  return {
    id: `msg_${messageCount}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-6',
    content: [
      {
        type: 'tool_use',
        id: `toolu_${messageCount}`,
        name: 'submit_plan',
        input,
      },
    ],
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 1200, output_tokens: 300 },
  };
}

/** A Messages API answer with text only (no tool call). */
export function textMessage(text: string, stopReason = 'end_turn') {
  messageCount += 1;
  return {
    id: `msg_${messageCount}`,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-6',
    content: [{ type: 'text', text }],
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 1200, output_tokens: 20 },
  };
}

/** An API error body with its status. */
export function apiError(
  status: number,
  type: string,
  headers: Record<string, string> = {},
) {
  return {
    status,
    headers,
    body: { type: 'error', error: { type, message: `${type} (replayed)` } },
  };
}

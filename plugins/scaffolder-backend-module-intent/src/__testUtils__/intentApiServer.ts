// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DiscoveryService } from '@backstage/backend-plugin-api';
import type { Express } from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** An error body as the intent backend's error handler writes it. */
export function backstageError(status: number, name: string, message: string) {
  return {
    error: { name, message },
    request: { method: 'GET', url: '/v1/sessions/x' },
    response: { statusCode: status },
  };
}

/** A fake intent API (an express app playing `/api/intent`) on 127.0.0.1. */
export interface IntentApiServer {
  /** Resolves every plugin id to the fake server. */
  discovery: DiscoveryService;
  close(): Promise<void>;
}

/** Serves `app` on a free port of 127.0.0.1. */
export async function startIntentApi(app: Express): Promise<IntentApiServer> {
  const server = await new Promise<Server>(resolve => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    discovery: {
      getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId =>
        `http://127.0.0.1:${port}/api/${pluginId}`,
    },
    close: async () => {
      await new Promise(resolve => server.close(resolve));
    },
  };
}

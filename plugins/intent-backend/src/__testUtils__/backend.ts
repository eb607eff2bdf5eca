// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import type {
  BackendFeature,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import request from 'supertest';
import rulesPlanner from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import simulatedCloud from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { intentPlugin } from '../plugin';
import { createTestDatabases } from './testDatabases';

/** Config for tests: a fast simulated cloud and short leases. */
export const testConfig = {
  intent: {
    simulated: { bootMillis: 20 },
    operations: { pollMillis: 10, leaseMillis: 2000 },
  },
};

/** Starts the intent plugin on a real database, with the catalog and permissions mocked. */
export async function startIntentBackend(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: TestDatabaseId,
  options: {
    config?: JsonObject;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** A permissions service of its own (e.g. conditional decisions) instead of `permission`. */
    permissions?: ServiceFactory;
    entities?: Entity[];
    /** Another catalog than an in-memory one holding `entities`. */
    catalog?: ServiceFactory;
    /** More service factories, e.g. a notification service that records. */
    services?: ServiceFactory[];
    /** More features, e.g. a module that adds another cloud. */
    features?: BackendFeature[];
    /** The database of an earlier backend, to start again on it (a restart). */
    knex?: Knex;
  } = {},
) {
  const knex = options.knex ?? (await databases.init(databaseId));
  const backend = await startTestBackend({
    features: [
      intentPlugin,
      rulesPlanner,
      simulatedCloud,
      ...(options.features ?? []),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: options.config ?? testConfig }),
      options.permissions ??
        mockServices.permissions.factory({
          result: options.permission ?? AuthorizeResult.ALLOW,
        }),
      options.catalog ??
        catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.services ?? []),
    ],
  });
  const { server } = backend;
  return {
    server,
    knex,
    api: () => request(server),
    /** Stops the backend (its operations finish first); the database stays. */
    stop: () => backend.stop(),
  };
}

/** Polls a session until it reaches one of the statuses. */
export async function waitForStatus(
  server: Parameters<typeof request>[0],
  id: string,
  statuses: string[],
  timeoutMillis = 20_000,
) {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const res = await request(server).get(`/api/intent/v1/sessions/${id}`);
    if (statuses.includes(res.body.session?.status)) {
      return res.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `session ${id} is ${res.body.session?.status}, never ${statuses.join(
          '/',
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 25));
  }
}

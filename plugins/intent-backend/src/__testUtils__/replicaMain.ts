// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * The entry point of a backend replica in a child process (see
 * replicaProcess.ts). Loading the modules is most of its start-up, so it
 * loads them first and says so; the parent then sends the database and
 * config to start on. It runs the intent plugin with the rules planner and
 * the simulated cloud, the catalog and permissions mocked as in
 * startIntentBackend, and tells the parent its port once it serves requests.
 */

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import rulesPlanner from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import simulatedCloud from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import { intentPlugin } from '../plugin';
import type {
  ReplicaMessage,
  ReplicaOptions,
  ReplicaStart,
} from './replicaProtocol';

function tell(message: ReplicaMessage) {
  process.send?.(message);
}

async function start({ database, config }: ReplicaOptions) {
  const backend = await startTestBackend({
    features: [
      intentPlugin,
      rulesPlanner,
      simulatedCloud,
      mockServices.database.factory({ knex: knexFactory(database) }),
      mockServices.rootConfig.factory({ data: config }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  return backend.server.port();
}

if (!process.send) {
  throw new Error(
    'Start this with startReplicaProcess: it needs an IPC channel',
  );
}
process.on('message', (message: Partial<ReplicaStart>) => {
  if (message?.type === 'intent-replica-start' && message.options) {
    start(message.options).then(
      port => tell({ type: 'intent-replica-ready', port }),
      error => tell({ type: 'intent-replica-failed', error: String(error) }),
    );
  }
});
tell({ type: 'intent-replica-loaded' });

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { manualScheduler } from '../lifecycle/testScheduler';
import { startIntentBackend, waitForStatus } from './backend';
import { createTestDatabases } from './testDatabases';

/**
 * An intent backend for lifecycle tests: notifications kept in `sent`, jobs
 * run by hand through `scheduler`, and `activeSession` to make an applied
 * t3.micro session.
 */
export async function startLifecycleBackend(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<typeof startIntentBackend>[1],
  config: NonNullable<Parameters<typeof startIntentBackend>[2]>['config'],
) {
  const sent: NotificationSendOptions[] = [];
  const notifications = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (options: NotificationSendOptions) => {
        sent.push(options);
      },
    }),
  });
  const scheduler = manualScheduler();
  const backend = await startIntentBackend(databases, databaseId, {
    config,
    services: [notifications, scheduler.factory],
  });
  const { api, server } = backend;
  /** A t3.micro session, applied. */
  const activeSession = async () => {
    const created = await api()
      .post('/api/intent/v1/sessions')
      .send({ intent: 't3.micro instance with Ubuntu' });
    const id = created.body.session.id as string;
    await api()
      .post(`/api/intent/v1/sessions/${id}/apply`)
      .send({ planHash: created.body.revisions[0].planHash });
    const details = await waitForStatus(server, id, ['active', 'failed']);
    expect(details.session.status).toBe('active');
    const instance = details.resources.find(
      (r: any) => r.type === 'aws_instance',
    );
    return { id, instance, details };
  };
  return { ...backend, sent, scheduler, activeSession };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { approverGroups } from './approvals';
import { latest } from './sessionState';

/**
 * Who is told that a session changed: its owner, its team, and, while its
 * latest revision waits for an approval, the approver groups (they are the
 * admins of that decision). Group refs reach every member (signals match a
 * user's ownership refs). Everyone else who may read the session, such as an
 * admin, sees changes when the page polls or reloads.
 */
export function sessionSignalRecipients(details: SessionDetails): string[] {
  const { session, revisions } = details;
  const revision = revisions.length > 0 ? latest(revisions) : undefined;
  const approvers =
    revision?.status === 'proposed' &&
    revision.policy.verdict === 'require-approval'
      ? approverGroups(revision)
      : [];
  return [
    ...new Set([
      session.owner,
      ...(session.team ? [session.team] : []),
      ...approvers,
    ]),
  ];
}

/**
 * The `onChange` of the session service: publishes a signal on the session's
 * own channel, `intent:session:<id>`, to the session's recipients. Never fails
 * the change it reports.
 */
export function sessionSignaller(options: {
  store: SessionStore;
  signals: SignalsService;
  logger: LoggerService;
}) {
  const { store, signals, logger } = options;
  const publish = async (sessionId: string, operationId?: string) => {
    const details = await store.getSession({ id: sessionId });
    await signals.publish({
      recipients: {
        type: 'user',
        entityRef: sessionSignalRecipients(details),
      },
      channel: `intent:session:${sessionId}`,
      message: { sessionId, ...(operationId ? { operationId } : {}) },
    });
  };
  return (sessionId: string, operationId?: string) => {
    publish(sessionId, operationId).catch(error =>
      logger.warn(`Could not publish a signal: ${error}`),
    );
  };
}

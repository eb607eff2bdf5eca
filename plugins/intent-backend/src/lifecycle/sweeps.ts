// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { forEachConcurrently } from './concurrently';

/** The actor lifecycle jobs write to the audit log. @internal */
export const LIFECYCLE_ACTOR = 'intent:lifecycle';

/** What one sweep did, for tests, the benchmark and the log. @internal */
export interface SweepResult {
  looked: number;
  warned: string[];
  destroyStarted: string[];
  destroyFailedReported: string[];
  skipped: Array<{ sessionId: string; reason: string }>;
}

/**
 * Handles each candidate of a sweep, 8 at a time; a failure with one session
 * is logged and listed as skipped, and the sweep goes on with the others.
 */
export async function sweepEach<C extends { session: Session }>(
  candidates: C[],
  options: { logger: LoggerService; what: string },
  handle: (candidate: C, result: SweepResult) => Promise<void>,
): Promise<SweepResult> {
  const result: SweepResult = {
    looked: candidates.length,
    warned: [],
    destroyStarted: [],
    destroyFailedReported: [],
    skipped: [],
  };
  await forEachConcurrently(candidates, 8, async candidate => {
    try {
      await handle(candidate, result);
    } catch (error) {
      const reason = (error as Error).message;
      result.skipped.push({ sessionId: candidate.session.id, reason });
      options.logger.warn(
        `${options.what} of session ${candidate.session.id}: ${reason}`,
      );
    }
  });
  return result;
}

/** A session whose destroy waits out its backoff: skipped this time. */
export function skipUntil(
  result: SweepResult,
  sessionId: string,
  until: string,
) {
  result.skipped.push({ sessionId, reason: `retry after ${until}` });
}

/** The lifecycle's notifications: to entity refs, with a link to the session. */
export async function notifySession(
  notifications: Pick<NotificationService, 'send'> | undefined,
  recipients: string[],
  session: Session,
  payload: {
    title: string;
    description: string;
    severity: 'normal' | 'high';
    topic: string;
  },
) {
  await notifications?.send({
    recipients: { type: 'entity', entityRef: [...new Set(recipients)] },
    payload: { ...payload, link: `/intent/sessions/${session.id}` },
  });
}

/**
 * Sends a notice once across replicas: claimed in the database first,
 * released when sending fails (so the next sweep tries again), audited when
 * sent. Resolves false when another run had claimed it.
 */
export async function noticeOnce(
  deps: {
    store: SessionStore;
    lifecycle: DatabaseLifecycleStore;
    notifications?: Pick<NotificationService, 'send'>;
  },
  input: {
    session: Session;
    notice: string;
    recipients: string[];
    payload: Parameters<typeof notifySession>[3];
    audit: { action: string; details: Record<string, unknown> };
  },
): Promise<boolean> {
  const { session, notice } = input;
  if (!(await deps.lifecycle.claimNotice(session.id, notice))) {
    return false;
  }
  try {
    await notifySession(
      deps.notifications,
      input.recipients,
      session,
      input.payload,
    );
  } catch (error) {
    await deps.lifecycle.releaseNotice(session.id, notice);
    throw error;
  }
  await deps.store.appendAudit({
    sessionId: session.id,
    actor: LIFECYCLE_ACTOR,
    ...input.audit,
  });
  return true;
}

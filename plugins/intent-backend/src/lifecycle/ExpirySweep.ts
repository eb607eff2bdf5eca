// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { SessionService } from '../service/SessionService';
import {
  backoffMillis,
  decideExpiry,
  formatLead,
  warningNotice,
} from './expiryRules';
import { LifecycleSettings } from './settings';

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
 * Expires sessions: warns owners at the configured lead times (each warning
 * once, across replicas: the notice is claimed in the database before it is
 * sent), destroys expired sessions into `expired` (under the session lock,
 * like any destroy) and retries a failed expiry destroy with backoff,
 * telling the owner and the admins each time it fails. Exempt and promoted
 * sessions never expire.
 *
 * @internal
 */
export class ExpirySweep {
  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      sessions: Pick<SessionService, 'destroy'>;
      notifications?: Pick<NotificationService, 'send'>;
      logger: LoggerService;
      settings: LifecycleSettings;
    },
  ) {}

  /** One pass over every session whose expiry or warning window has begun. */
  async sweep(now = Date.now()): Promise<SweepResult> {
    const { lifecycle, settings } = this.options;
    const result: SweepResult = {
      looked: 0,
      warned: [],
      destroyStarted: [],
      destroyFailedReported: [],
      skipped: [],
    };
    const horizon = Math.max(0, ...settings.expiryWarningsMillis);
    const candidates = await lifecycle.listExpiryCandidates({
      until: new Date(now + horizon),
      limit: 10_000,
    });
    result.looked = candidates.length;
    // A few at a time: destroys start operations, warnings call the
    // notification service; neither should wait for all the others.
    const queue = [...candidates];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        try {
          await this.handle(c, now, result);
        } catch (error) {
          result.skipped.push({
            sessionId: c.session.id,
            reason: (error as Error).message,
          });
          this.options.logger.warn(
            `Expiry of session ${c.session.id}: ${(error as Error).message}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return result;
  }

  private async handle(
    candidate: Awaited<
      ReturnType<DatabaseLifecycleStore['listExpiryCandidates']>
    >[number],
    now: number,
    result: SweepResult,
  ) {
    const { store, lifecycle, settings } = this.options;
    const { session } = candidate;
    const decision = decideExpiry(
      candidate,
      settings.expiryWarningsMillis,
      now,
    );
    if (decision.action === 'warn') {
      const notice = warningNotice(decision.leadMillis, session.expiresAt!);
      if (await lifecycle.claimNotice(session.id, notice)) {
        try {
          await this.notify([session.owner], session, {
            title: `Sandbox "${session.title}" expires in ${formatLead(
              decision.leadMillis,
            )}`,
            description: `It will be destroyed at ${session.expiresAt}. Extend it from its page if you still need it.`,
            severity: 'normal',
            topic: 'intent-expiry',
          });
        } catch (error) {
          await lifecycle.releaseNotice(session.id, notice);
          throw error;
        }
        await store.appendAudit({
          sessionId: session.id,
          actor: LIFECYCLE_ACTOR,
          action: 'expiry-warning',
          details: {
            lead: formatLead(decision.leadMillis),
            expiresAt: session.expiresAt,
          },
        });
        result.warned.push(session.id);
      }
      return;
    }
    if (decision.action === 'wait') {
      result.skipped.push({
        sessionId: session.id,
        reason: `retry after ${decision.until}`,
      });
      return;
    }
    if (decision.action !== 'destroy') {
      return;
    }
    if (decision.failed && candidate.destroyAttempts > 0) {
      await this.reportFailedDestroy(candidate, decision.failed, result);
    }
    const attempts = candidate.destroyAttempts + 1;
    // Counted before the destroy starts: a crash between the two delays the
    // next attempt, it never repeats one at once.
    await lifecycle.recordDestroyAttempt(
      session.id,
      new Date(
        now +
          backoffMillis(
            attempts,
            settings.destroyRetryMillis,
            settings.destroyRetryMaxMillis,
          ),
      ),
      decision.failed?.error ?? null,
    );
    await this.options.sessions.destroy({
      id: session.id,
      confirm: true,
      reason: 'expired',
      actor: { userEntityRef: LIFECYCLE_ACTOR },
    });
    result.destroyStarted.push(session.id);
  }

  /** Tells the owner and the admins once per failed destroy operation. */
  private async reportFailedDestroy(
    candidate: { session: Session; destroyAttempts: number },
    failed: { id: string; error: string | null },
    result: SweepResult,
  ) {
    const { lifecycle, store, settings } = this.options;
    const { session } = candidate;
    const notice = `expiry-destroy-failed:${failed.id}`;
    if (!(await lifecycle.claimNotice(session.id, notice))) {
      return;
    }
    try {
      await this.notify([session.owner, ...settings.admins], session, {
        title: `Sandbox "${session.title}" expired but could not be destroyed`,
        description: `Attempt ${candidate.destroyAttempts} failed: ${
          failed.error ?? 'unknown error'
        }. It is retried with backoff; its resources still run.`,
        severity: 'high',
        topic: 'intent-expiry',
      });
    } catch (error) {
      await lifecycle.releaseNotice(session.id, notice);
      throw error;
    }
    await store.appendAudit({
      sessionId: session.id,
      actor: LIFECYCLE_ACTOR,
      action: 'expiry-destroy-failed',
      details: {
        operationId: failed.id,
        attempt: candidate.destroyAttempts,
        error: failed.error,
      },
    });
    result.destroyFailedReported.push(session.id);
  }

  private async notify(
    recipients: string[],
    session: Session,
    payload: {
      title: string;
      description: string;
      severity: 'normal' | 'high';
      topic: string;
    },
  ) {
    await this.options.notifications?.send({
      recipients: { type: 'entity', entityRef: [...new Set(recipients)] },
      payload: { ...payload, link: `/intent/sessions/${session.id}` },
    });
  }
}

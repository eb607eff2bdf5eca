// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { forEachConcurrently } from './concurrently';
import { decideExpiry, formatLead, warningNotice } from './expiryRules';
import {
  LIFECYCLE_ACTOR,
  notifySession,
  RetriedDestroy,
} from './retriedDestroy';
import { LifecycleSettings } from './settings';

export { LIFECYCLE_ACTOR } from './retriedDestroy';

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
      destroyer: RetriedDestroy;
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
    await forEachConcurrently(candidates, 8, async c => {
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
    });
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
          await notifySession(
            this.options.notifications,
            [session.owner],
            session,
            {
              title: `Sandbox "${session.title}" expires in ${formatLead(
                decision.leadMillis,
              )}`,
              description: `It will be destroyed at ${session.expiresAt}. Extend it from its page if you still need it.`,
              severity: 'normal',
              topic: 'intent-expiry',
            },
          );
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
    const { reportedFailure } = await this.options.destroyer.start({
      candidate,
      failed: decision.failed,
      cause: 'expired',
      now,
    });
    if (reportedFailure) {
      result.destroyFailedReported.push(session.id);
    }
    result.destroyStarted.push(session.id);
  }
}

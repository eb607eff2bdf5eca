// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { decideExpiry, formatLead, warningNotice } from './expiryRules';
import { RetriedDestroy } from './retriedDestroy';
import { LifecycleSettings } from './settings';
import { noticeOnce, skipUntil, sweepEach, SweepResult } from './sweeps';

export { LIFECYCLE_ACTOR, type SweepResult } from './sweeps';

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
    const { lifecycle, settings, logger } = this.options;
    const horizon = Math.max(0, ...settings.expiryWarningsMillis);
    const candidates = await lifecycle.listExpiryCandidates({
      until: new Date(now + horizon),
      limit: 10_000,
    });
    return sweepEach(candidates, { logger, what: 'Expiry' }, (c, result) =>
      this.handle(c, now, result),
    );
  }

  private async handle(
    candidate: Awaited<
      ReturnType<DatabaseLifecycleStore['listExpiryCandidates']>
    >[number],
    now: number,
    result: SweepResult,
  ) {
    const { settings } = this.options;
    const { session } = candidate;
    const decision = decideExpiry(
      candidate,
      settings.expiryWarningsMillis,
      now,
    );
    if (decision.action === 'warn') {
      const sent = await noticeOnce(this.options, {
        session,
        notice: warningNotice(decision.leadMillis, session.expiresAt!),
        recipients: [session.owner],
        payload: {
          title: `Sandbox "${session.title}" expires in ${formatLead(
            decision.leadMillis,
          )}`,
          description: `It will be destroyed at ${session.expiresAt}. Extend it from its page if you still need it.`,
          severity: 'normal',
          topic: 'intent-expiry',
        },
        audit: {
          action: 'expiry-warning',
          details: {
            lead: formatLead(decision.leadMillis),
            expiresAt: session.expiresAt,
          },
        },
      });
      if (sent) {
        result.warned.push(session.id);
      }
      return;
    }
    if (decision.action === 'wait') {
      skipUntil(result, session.id, decision.until);
      return;
    }
    if (decision.action === 'destroy') {
      await this.options.destroyer.startInSweep(result, {
        candidate,
        failed: decision.failed,
        cause: 'expired',
        now,
      });
    }
  }
}

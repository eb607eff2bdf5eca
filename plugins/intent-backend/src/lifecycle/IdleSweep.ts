// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { SessionStore } from '../database';
import {
  DatabaseLifecycleStore,
  IdleCandidate,
} from '../database/DatabaseLifecycleStore';
import { formatLead } from './expiryRules';
import { decideIdle } from './idleRules';
import { RetriedDestroy } from './retriedDestroy';
import { IdleRule } from './settings';
import {
  LIFECYCLE_ACTOR,
  noticeOnce,
  skipUntil,
  sweepEach,
  SweepResult,
} from './sweeps';

/**
 * The policy's idle rule: a session with no activity (no revision,
 * operation, extension, exemption change or keep) for `warnAfter` is warned
 * once; one still idle at `destroyAfter` is destroyed into `expired` through
 * the expiry's destroy, with its retries. Exempt and promoted sessions are
 * never idle-destroyed. Runs as a step of the expiry job, so that the two
 * never destroy the same session at once.
 *
 * @internal
 */
export class IdleSweep {
  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      destroyer: RetriedDestroy;
      notifications?: Pick<NotificationService, 'send'>;
      logger: LoggerService;
      rule: IdleRule;
    },
  ) {}

  /** One pass over every session idle for longer than the warning limit. */
  async sweep(now = Date.now()): Promise<SweepResult> {
    const { lifecycle, rule, logger } = this.options;
    const candidates = await lifecycle.listIdleCandidates({
      idleSince: new Date(now - rule.warnAfterMillis),
      lifecycleActor: LIFECYCLE_ACTOR,
      limit: 10_000,
    });
    return sweepEach(candidates, { logger, what: 'Idle rule' }, (c, result) =>
      this.handle(c, now, result),
    );
  }

  private async handle(
    candidate: IdleCandidate,
    now: number,
    result: SweepResult,
  ) {
    const { store, lifecycle, rule } = this.options;
    const { session } = candidate;
    const decision = decideIdle(candidate, rule, now);
    if (decision.action === 'warn') {
      const idleFor = formatLead(
        Math.floor(
          (now - new Date(candidate.lastActivityAt).getTime()) / 60_000,
        ) * 60_000,
      );
      const sent = await noticeOnce(this.options, {
        session,
        notice: decision.notice,
        recipients: [session.owner],
        payload: {
          title: `Sandbox "${session.title}" has been idle for ${idleFor}`,
          description: `Nothing changed since ${candidate.lastActivityAt}. It will be destroyed at ${decision.destroyAt} unless you press Keep on its page (or change or extend it).`,
          severity: 'normal',
          topic: 'intent-idle',
        },
        audit: {
          action: 'idle-warning',
          details: {
            idleSince: candidate.lastActivityAt,
            destroyAt: decision.destroyAt,
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
    if (decision.action !== 'destroy') {
      return;
    }
    // Kept or changed since the list was read? Then it is not idle any more.
    const [fresh] = await lifecycle.listIdleCandidates({
      sessionId: session.id,
      lifecycleActor: LIFECYCLE_ACTOR,
      limit: 1,
    });
    const again = fresh && decideIdle(fresh, rule, now);
    if (!again || again.action !== 'destroy') {
      return;
    }
    await store.appendAudit({
      sessionId: session.id,
      actor: LIFECYCLE_ACTOR,
      action: 'idle-destroy',
      details: {
        idleSince: fresh.lastActivityAt,
        warnedAt: fresh.idleWarnedAt,
        attempt: fresh.destroyAttempts + 1,
      },
    });
    await this.options.destroyer.startInSweep(result, {
      candidate: fresh,
      failed: again.failed,
      cause: 'idle',
      now,
    });
  }
}

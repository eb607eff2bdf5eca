// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { SessionService } from '../service/SessionService';
import { backoffMillis } from './expiryRules';
import { LifecycleSettings } from './settings';
import { LIFECYCLE_ACTOR, noticeOnce, SweepResult } from './sweeps';

export { LIFECYCLE_ACTOR } from './sweeps';

/** Why the lifecycle destroys a session: both end it `expired`. @internal */
export type LifecycleDestroyCause = 'expired' | 'idle';

/**
 * The one way the lifecycle destroys a session, at expiry or when idle too
 * long: into `expired`, under the session lock like any destroy, counted
 * before it starts and retried with backoff when it fails, the owner and the
 * admins told once per failed attempt. A session whose destroy keeps
 * failing is never forgotten: every sweep sees it again.
 *
 * @internal
 */
export class RetriedDestroy {
  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      sessions: Pick<SessionService, 'destroy'>;
      notifications?: Pick<NotificationService, 'send'>;
      settings: LifecycleSettings;
    },
  ) {}

  /**
   * Starts the next destroy attempt; first reports the failed one before it
   * (`failed`), unless reported already. Resolves with whether the failure
   * was reported now.
   */
  async start(input: {
    candidate: { session: Session; destroyAttempts: number };
    failed: { id: string; error: string | null } | null;
    cause: LifecycleDestroyCause;
    now: number;
  }): Promise<{ reportedFailure: boolean }> {
    const { lifecycle, settings } = this.options;
    const { candidate, failed } = input;
    const { session } = candidate;
    const reportedFailure =
      failed !== null && candidate.destroyAttempts > 0
        ? await this.reportFailed(candidate, failed, input.cause)
        : false;
    const attempts = candidate.destroyAttempts + 1;
    // Counted before the destroy starts: a crash between the two delays the
    // next attempt, it never repeats one at once.
    await lifecycle.recordDestroyAttempt(
      session.id,
      new Date(
        input.now +
          backoffMillis(
            attempts,
            settings.destroyRetryMillis,
            settings.destroyRetryMaxMillis,
          ),
      ),
      failed?.error ?? null,
    );
    await this.options.sessions.destroy({
      id: session.id,
      confirm: true,
      reason: 'expired',
      actor: { userEntityRef: LIFECYCLE_ACTOR },
    });
    return { reportedFailure };
  }

  /** Starts the next attempt as a sweep does, noting it in the sweep's result. */
  async startInSweep(
    result: SweepResult,
    input: Parameters<RetriedDestroy['start']>[0],
  ): Promise<void> {
    const { reportedFailure } = await this.start(input);
    const id = input.candidate.session.id;
    if (reportedFailure) {
      result.destroyFailedReported.push(id);
    }
    result.destroyStarted.push(id);
  }

  /** Tells the owner and the admins once per failed destroy operation. */
  private reportFailed(
    candidate: { session: Session; destroyAttempts: number },
    failed: { id: string; error: string | null },
    cause: LifecycleDestroyCause,
  ): Promise<boolean> {
    const { session } = candidate;
    return noticeOnce(this.options, {
      session,
      notice: `expiry-destroy-failed:${failed.id}`,
      recipients: [session.owner, ...this.options.settings.admins],
      payload: {
        title: `Sandbox "${session.title}" ${
          cause === 'idle' ? 'was idle too long' : 'expired'
        } but could not be destroyed`,
        description: `Attempt ${candidate.destroyAttempts} failed: ${
          failed.error ?? 'unknown error'
        }. It is retried with backoff; its resources still run.`,
        severity: 'high',
        topic: 'intent-expiry',
      },
      audit: {
        action: 'expiry-destroy-failed',
        details: {
          operationId: failed.id,
          attempt: candidate.destroyAttempts,
          error: failed.error,
          cause,
        },
      },
    });
  }
}

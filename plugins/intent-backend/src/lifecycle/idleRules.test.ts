// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { IdleCandidate } from '../database/DatabaseLifecycleStore';
import { decideIdle, idleNotice, idleState, idleTimes } from './idleRules';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 2, 12);
const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
const rule = { warnAfterMillis: 24 * HOUR, destroyAfterMillis: 48 * HOUR };

function candidate(
  more: Omit<Partial<IdleCandidate>, 'session'> & {
    session?: Partial<Session>;
  } = {},
): IdleCandidate {
  const { session, ...rest } = more;
  return {
    session: {
      id: 's1',
      title: 't',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'active',
      expiresAt: at(100),
      createdAt: at(-100),
      updatedAt: at(-100),
      promotedTo: null,
      ...session,
    } as Session,
    exempt: false,
    destroyAttempts: 0,
    nextAttemptAt: null,
    failedDestroy: null,
    lastActivityAt: at(-30),
    idleWarnedAt: null,
    ...rest,
  };
}

describe('idle rules', () => {
  it('warns once the session was idle for the warning limit, not before', () => {
    expect(
      decideIdle(candidate({ lastActivityAt: at(-23) }), rule, now),
    ).toEqual({ action: 'none' });
    expect(
      decideIdle(candidate({ lastActivityAt: at(-24) }), rule, now),
    ).toEqual({
      action: 'warn',
      notice: `idle-warning:${at(-24)}`,
      destroyAt: at(24),
    });
  });

  it('keys the warning by the quiet spell, so that activity re-arms it', () => {
    expect(idleNotice(at(-1))).toBe(`idle-warning:${at(-1)}`);
  });

  it('destroys a warned session at the destroy limit, and waits out the backoff', () => {
    const warned = { lastActivityAt: at(-48), idleWarnedAt: at(-24) };
    expect(decideIdle(candidate(warned), rule, now)).toEqual({
      action: 'destroy',
      failed: null,
    });
    expect(
      decideIdle(
        candidate({ lastActivityAt: at(-47), idleWarnedAt: at(-23) }),
        rule,
        now,
      ),
    ).toEqual({ action: 'none' });
    const failed = { id: 'op-1', error: 'denied' };
    expect(
      decideIdle(
        candidate({
          ...warned,
          session: { status: 'failed' },
          destroyAttempts: 1,
          nextAttemptAt: at(0.1),
          failedDestroy: failed,
        }),
        rule,
        now,
      ),
    ).toEqual({ action: 'wait', until: at(0.1) });
    expect(
      decideIdle(
        candidate({
          ...warned,
          session: { status: 'failed' },
          destroyAttempts: 1,
          nextAttemptAt: at(-0.1),
          failedDestroy: failed,
        }),
        rule,
        now,
      ),
    ).toEqual({ action: 'destroy', failed });
  });

  it('warns before it destroys a session found idle for longer than the destroy limit, and gives the full grace', () => {
    // The rule was just switched on: idle for 100 h, never warned.
    expect(
      decideIdle(candidate({ lastActivityAt: at(-100) }), rule, now),
    ).toEqual({
      action: 'warn',
      notice: `idle-warning:${at(-100)}`,
      destroyAt: at(24),
    });
    const late = candidate({ lastActivityAt: at(-100), idleWarnedAt: at(-1) });
    expect(decideIdle(late, rule, now)).toEqual({ action: 'none' });
    expect(idleTimes(late.lastActivityAt, late.idleWarnedAt, rule)).toEqual({
      warnAt: at(-76),
      destroyAt: at(23),
    });
  });

  it('never acts on exempt, promoted, ended or busy sessions', () => {
    const idle = { lastActivityAt: at(-100), idleWarnedAt: at(-50) };
    for (const c of [
      candidate({ ...idle, exempt: true }),
      candidate({ ...idle, session: { promotedTo: 'component:default/x' } }),
      candidate({ ...idle, session: { status: 'promoted' } }),
      candidate({ ...idle, session: { status: 'expired' } }),
      candidate({ ...idle, session: { status: 'destroyed' } }),
      candidate({ ...idle, session: { status: 'destroying' } }),
      candidate({ ...idle, session: { status: 'applying' } }),
    ]) {
      expect(decideIdle(c, rule, now)).toEqual({ action: 'none' });
    }
    expect(idleState(candidate({ ...idle, exempt: true }), rule)).toBeNull();
  });

  it('shows the idle state only while the rule is on', () => {
    const c = candidate({ lastActivityAt: at(-30), idleWarnedAt: at(-6) });
    expect(idleState(c, rule)).toEqual({
      lastActivityAt: at(-30),
      warnedAt: at(-6),
      warnAt: at(-6),
      destroyAt: at(18),
    });
    expect(idleState(c, null)).toBeNull();
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  backoffMillis,
  decideExpiry,
  dueWarning,
  formatLead,
  warningNotice,
} from './expiryRules';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 2, 12);
const at = (hours: number) => new Date(now + hours * HOUR).toISOString();

function candidate(
  session: Partial<Session>,
  more: Partial<Parameters<typeof decideExpiry>[0]> = {},
) {
  return {
    session: {
      id: 's1',
      title: 't',
      owner: 'user:default/ada',
      team: null,
      provider: 'simulated',
      region: 'eu-west-1',
      status: 'active',
      expiresAt: at(8),
      createdAt: at(-1),
      updatedAt: at(-1),
      promotedTo: null,
      ...session,
    } as Session,
    exempt: false,
    destroyAttempts: 0,
    nextAttemptAt: null,
    failedDestroy: null,
    ...more,
  };
}

describe('expiry rules', () => {
  const leads = [24 * HOUR, HOUR];

  it('sends only the shortest warning whose window has begun', () => {
    expect(dueWarning(at(30), leads, now)).toBeUndefined();
    expect(dueWarning(at(8), leads, now)).toBe(24 * HOUR);
    expect(dueWarning(at(0.5), leads, now)).toBe(HOUR);
    expect(dueWarning(at(-0.1), leads, now)).toBeUndefined();
  });

  it('keys a warning by its lead time and the expiry it warns of', () => {
    expect(warningNotice(HOUR, at(1))).toBe(`expiry-warning:1h:${at(1)}`);
    expect(formatLead(90 * 60_000)).toBe('90m');
    expect(formatLead(1500)).toBe('2s');
  });

  it('backs off exponentially up to the maximum', () => {
    expect([1, 2, 3, 4, 10].map(a => backoffMillis(a, 1000, 5000))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });

  it('destroys expired sessions unless exempt, promoted or busy, and waits out the backoff', () => {
    expect(decideExpiry(candidate({ expiresAt: at(-1) }), leads, now)).toEqual({
      action: 'destroy',
      failed: null,
    });
    expect(decideExpiry(candidate({ expiresAt: at(0.5) }), leads, now)).toEqual(
      { action: 'warn', leadMillis: HOUR },
    );
    for (const c of [
      candidate({ expiresAt: at(-1) }, { exempt: true }),
      candidate({ expiresAt: at(-1), promotedTo: 'component:default/x' }),
      candidate({ expiresAt: at(-1), status: 'destroying' }),
      candidate({ expiresAt: at(-1), status: 'applying' }),
      candidate({ expiresAt: null }),
    ]) {
      expect(decideExpiry(c, leads, now)).toEqual({ action: 'none' });
    }
    const failed = { id: 'op-1', error: 'denied' };
    expect(
      decideExpiry(
        candidate(
          { expiresAt: at(-1), status: 'failed' },
          { destroyAttempts: 1, nextAttemptAt: at(0.1), failedDestroy: failed },
        ),
        leads,
        now,
      ),
    ).toEqual({ action: 'wait', until: at(0.1) });
    expect(
      decideExpiry(
        candidate(
          { expiresAt: at(-1), status: 'failed' },
          {
            destroyAttempts: 1,
            nextAttemptAt: at(-0.1),
            failedDestroy: failed,
          },
        ),
        leads,
        now,
      ),
    ).toEqual({ action: 'destroy', failed });
  });
});

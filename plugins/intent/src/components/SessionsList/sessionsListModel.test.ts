// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { plannedSession } from '../SessionView/testFixtures';
import { formatUsd, inScope, runRate, timeLeft } from './sessionsListModel';

const base = plannedSession().session;
const viewer = {
  userEntityRef: 'user:default/dana',
  ownershipEntityRefs: ['user:default/dana', 'group:default/payments'],
};

describe('sessionsListModel', () => {
  it('puts a session in mine, my team or neither', () => {
    expect(inScope(base, 'mine', viewer)).toBe(true);
    const toms = { ...base, owner: 'user:default/tom' };
    expect(inScope(toms, 'mine', viewer)).toBe(false);
    expect(inScope(toms, 'team', viewer)).toBe(true);
    expect(inScope(base, 'team', viewer)).toBe(false);
    expect(inScope({ ...toms, team: null }, 'team', viewer)).toBe(false);
    expect(inScope({ ...toms, team: null }, 'all', viewer)).toBe(true);
  });

  it('reads time left, and nothing for ended sessions', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    const at = (iso: string, status = base.status) => ({
      ...base,
      status,
      expiresAt: iso,
    });
    expect(timeLeft(at('2026-11-25T00:45:00Z'), now)).toBe('45 min left');
    expect(timeLeft(at('2026-11-25T03:20:00Z'), now)).toBe('3 h 20 min left');
    expect(timeLeft(at('2026-11-28T00:00:00Z'), now)).toBe('3 days left');
    expect(timeLeft(at('2026-11-24T00:00:00Z'), now)).toBe('expired');
    expect(
      timeLeft(at('2026-11-25T03:20:00Z', 'destroyed'), now),
    ).toBeUndefined();
  });

  it('sums the run-rate of sessions that hold resources only', () => {
    const sessions = [
      { ...base, id: 'a', status: 'active' as const },
      { ...base, id: 'b', status: 'planned' as const },
      { ...base, id: 'c', status: 'failed' as const },
    ];
    expect(runRate(sessions, { a: 10, b: 100, c: 2.5 })).toBe(12.5);
  });

  it('formats dollars, and tiny amounts as under a cent', () => {
    expect(formatUsd(7.6)).toBe('$7.60');
    expect(formatUsd(0.004)).toBe('<$0.01');
    expect(formatUsd(0)).toBe('$0.00');
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { plannedSession } from '../SessionView/testFixtures';
import {
  costText,
  formatUsd,
  pageRange,
  scopesFor,
  STATUS_FILTERS,
  timeLeft,
} from './sessionsListModel';

const base = plannedSession().session;
const summary = {
  ...base,
  hourlyCostUsd: null,
  monthlyCostUsd: null,
  drifted: false,
};

describe('sessionsListModel', () => {
  it('offers All to admins only', () => {
    expect(scopesFor(false)).toEqual(['mine', 'team']);
    expect(scopesFor(true)).toEqual(['mine', 'team', 'all']);
  });

  it('filters on live first, then on every status', () => {
    expect(STATUS_FILTERS).toEqual([
      'live',
      'draft',
      'planned',
      'applying',
      'active',
      'failed',
      'destroying',
      'destroyed',
      'expired',
      'promoted',
    ]);
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

  it('says what a session cost so far and costs a month', () => {
    expect(costText(summary)).toBe('—');
    expect(costText({ ...summary, accruedCostUsd: 0.004 })).toBe(
      '<$0.01 so far',
    );
    expect(costText({ ...summary, monthlyCostUsd: 7.592 })).toBe('$7.59/month');
    expect(
      costText({ ...summary, accruedCostUsd: 1.5, monthlyCostUsd: 7.592 }),
    ).toBe('$1.50 so far · $7.59/month');
  });

  it('formats dollars, and tiny amounts as under a cent', () => {
    expect(formatUsd(7.6)).toBe('$7.60');
    expect(formatUsd(0.004)).toBe('<$0.01');
    expect(formatUsd(0)).toBe('$0.00');
  });

  it('says which rows a page shows', () => {
    expect(pageRange(0, 20, 45)).toBe('1–20 of 45');
    expect(pageRange(40, 20, 45)).toBe('41–45 of 45');
  });
});

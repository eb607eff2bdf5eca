// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { MAX_TTL_HOURS } from '@intent-sandboxes/backstage-plugin-intent-common';
import { matchTtl } from './ttl';

/** Wednesday 10:00 UTC. */
const now = new Date('2026-11-25T10:00:00Z');

describe('matchTtl', () => {
  it.each([
    ['for 4 hours', 4],
    ['4h', 4],
    ['a 2-day sandbox', 48],
    ['for 90 minutes', 1.5],
    ['for half an hour', 0.5],
    ['for a week', 168],
    ['ttl 3d', 72],
    ['until friday', 56],
    ['till fri', 56],
    ['until wednesday', 8],
    ['until monday', 128],
    ['for the weekend', 119],
    ['until tomorrow', 32],
    ['until tomorrow morning', 23],
    ['overnight', 23],
    ['until the end of the day', 8],
    ['until 5pm', 7],
    ['until 09:30', 24],
    ['kill it by 6pm tomorrow', 32],
    ['tomorrow by 9am', 23],
    ['until 2026-12-01', 152],
    ['until the end of the week', 56],
  ])('%j → %p hours', (text, hours) => {
    expect(matchTtl(text, now).ttlHours).toBe(hours);
  });

  it('does not read "and" as "an d(ay)"', () => {
    expect(matchTtl('a web server and a db', now).ttlHours).toBeUndefined();
  });

  it('does not read "to monitor" as Monday', () => {
    expect(matchTtl('a box to monitor things', now).ttlHours).toBeUndefined();
  });

  it('says how a deadline was read', () => {
    expect(matchTtl('until friday', now).notes.assumptions[0]).toEqual({
      field: 'ttlHours',
      value: '56',
      reason:
        '"until friday" was read as Friday 18:00 UTC, the end of the working day (2026-11-27T18:00:00.000Z)',
    });
  });

  it('reads extensions apart from lifetimes', () => {
    const extend = matchTtl('extend by 4 hours', now);
    expect(extend.extendHours).toBe(4);
    expect(extend.ttlHours).toBeUndefined();
    expect(matchTtl('2 more days', now)).toMatchObject({ extendHours: 48 });
    expect(matchTtl('another day', now)).toMatchObject({ extendHours: 24 });
  });

  it('asks instead of planning a sandbox that never expires', () => {
    const found = matchTtl('a permanent box', now);
    expect(found.ttlHours).toBeUndefined();
    expect(found.notes.questions[0]).toContain('Sandboxes always expire');
  });

  it('caps a lifetime longer than any sandbox may live and asks', () => {
    const found = matchTtl('for 6 months', now);
    expect(found.ttlHours).toBe(MAX_TTL_HOURS);
    expect(found.notes.questions).toHaveLength(1);
  });

  it('asks when the deadline is already over', () => {
    const found = matchTtl('until 2026-11-01', now);
    expect(found.ttlHours).toBeUndefined();
    expect(found.notes.questions[0]).toContain('already over');
  });
});

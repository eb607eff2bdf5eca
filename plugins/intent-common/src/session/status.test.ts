// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionStatus } from '../api';
import {
  canTransition,
  isFinalStatus,
  LIVE_SESSION_STATUSES,
  SESSION_TRANSITIONS,
  statesLeadingTo,
} from './status';

const ALL: SessionStatus[] = [
  'draft',
  'planned',
  'applying',
  'active',
  'failed',
  'destroying',
  'destroyed',
  'expired',
  'promoted',
];

describe('session states', () => {
  it('has a row for every state and names only known states', () => {
    expect(Object.keys(SESSION_TRANSITIONS).sort()).toEqual([...ALL].sort());
    for (const targets of Object.values(SESSION_TRANSITIONS)) {
      targets.forEach(target => expect(ALL).toContain(target));
    }
  });

  it('allows the lifecycle of the article: plan, apply, change, destroy', () => {
    const path: SessionStatus[] = [
      'planned',
      'applying',
      'active',
      'planned',
      'applying',
      'active',
      'destroying',
      'destroyed',
    ];
    path.slice(1).forEach((to, i) => {
      expect([path[i], to, canTransition(path[i], to)]).toEqual([
        path[i],
        to,
        true,
      ]);
    });
  });

  it('refuses what must never happen', () => {
    expect(canTransition('draft', 'applying')).toBe(false); // questions unanswered
    expect(canTransition('active', 'applying')).toBe(false); // re-plan first
    expect(canTransition('applying', 'destroying')).toBe(false); // one writer
    expect(canTransition('planned', 'active')).toBe(false); // only by applying
    expect(canTransition('destroyed', 'planned')).toBe(false);
  });

  it('knows the final states, from which nothing leads anywhere', () => {
    expect(ALL.filter(isFinalStatus)).toEqual([
      'destroyed',
      'expired',
      'promoted',
    ]);
    expect(statesLeadingTo('promoted')).toEqual(['active']);
    expect(statesLeadingTo('applying').sort()).toEqual(
      ['applying', 'failed', 'planned'].sort(),
    );
  });
});

describe('LIVE_SESSION_STATUSES', () => {
  it('holds every status that has not ended', () => {
    expect([...LIVE_SESSION_STATUSES].sort()).toEqual(
      ['active', 'applying', 'destroying', 'draft', 'failed', 'planned'].sort(),
    );
  });
});

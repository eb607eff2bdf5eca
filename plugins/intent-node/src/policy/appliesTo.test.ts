// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { policyAppliesTo } from './appliesTo';
import {
  IntentPolicyAppliesTo,
  PolicySession,
} from '@intent-sandboxes/backstage-plugin-intent-common';

const session: PolicySession = {
  owner: 'user:default/ada',
  team: 'group:default/payments',
  region: 'eu-west-1',
  ttlHours: 4,
};

const applies = (
  appliesTo: IntentPolicyAppliesTo | undefined,
  overrides: Partial<PolicySession> = {},
  namespace = 'default',
) => policyAppliesTo({ appliesTo, namespace }, { ...session, ...overrides });

describe('policyAppliesTo', () => {
  it('covers every session when appliesTo is left out or all: true', () => {
    expect(applies(undefined)).toBe(true);
    expect(applies({ all: true })).toBe(true);
  });

  it('covers the listed teams, with short and full refs alike', () => {
    expect(applies({ teams: ['payments'] })).toBe(true);
    expect(applies({ teams: ['group:default/Payments'] })).toBe(true);
    expect(applies({ teams: ['search'] })).toBe(false);
  });

  it('resolves short refs against the policy namespace', () => {
    expect(applies({ teams: ['payments'] }, {}, 'platform')).toBe(false);
    expect(
      applies(
        { teams: ['payments'] },
        { team: 'group:platform/payments' },
        'platform',
      ),
    ).toBe(true);
  });

  it('covers the listed users', () => {
    expect(applies({ users: ['ada'] })).toBe(true);
    expect(applies({ users: ['user:default/grace'] })).toBe(false);
  });

  it('does not cover a session without a team by its team', () => {
    expect(applies({ teams: ['payments'] }, { team: undefined })).toBe(false);
    expect(applies({ teams: ['payments'] }, { team: null })).toBe(false);
  });

  it('covers the listed regions', () => {
    expect(applies({ regions: ['eu-west-1'] })).toBe(true);
    expect(applies({ regions: ['us-east-1'] })).toBe(false);
  });

  it('covers a session when any one of teams, users or regions matches', () => {
    const appliesTo = {
      teams: ['search'],
      users: ['grace'],
      regions: ['eu-west-1'],
    };
    expect(applies(appliesTo)).toBe(true);
    expect(applies(appliesTo, { region: 'us-east-1' })).toBe(false);
    expect(
      applies(appliesTo, { region: 'us-east-1', owner: 'user:default/grace' }),
    ).toBe(true);
  });
});

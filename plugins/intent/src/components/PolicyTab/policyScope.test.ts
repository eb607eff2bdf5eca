// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  describeAppliesTo,
  describeCoverage,
  viewerCoverage,
} from './policyScope';

const ada = {
  userEntityRef: 'user:default/ada',
  ownershipEntityRefs: ['user:default/ada', 'group:default/payments'],
};

describe('viewerCoverage', () => {
  it('covers everyone without appliesTo or with all: true', () => {
    expect(viewerCoverage(undefined, 'default', ada)).toBe('all');
    expect(viewerCoverage({ all: true }, 'default', ada)).toBe('all');
  });

  it('completes refs like the backend: kind by list, the policy namespace, any case', () => {
    expect(viewerCoverage({ users: ['Ada'] }, 'default', ada)).toBe('user');
    expect(viewerCoverage({ teams: ['payments'] }, 'default', ada)).toBe(
      'team',
    );
    expect(
      viewerCoverage({ teams: ['group:default/PAYMENTS'] }, 'other', ada),
    ).toBe('team');
    // `payments` in another namespace's policy is group:other/payments.
    expect(viewerCoverage({ teams: ['payments'] }, 'other', ada)).toBe('none');
    expect(viewerCoverage({ users: ['bob'] }, 'default', ada)).toBe('none');
  });

  it('covers the viewer\u2019s sessions in the listed regions only', () => {
    const regional = { teams: ['search'], regions: ['eu-west-1'] };
    expect(viewerCoverage(regional, 'default', ada)).toBe('regions');
    expect(describeCoverage('regions', regional)).toBe(
      'Applies to your sessions in eu-west-1',
    );
  });
});

describe('describeAppliesTo', () => {
  it('says who and where in one line', () => {
    expect(describeAppliesTo(undefined)).toBe('Every session');
    expect(
      describeAppliesTo({ teams: ['a', 'b'], regions: ['eu-west-1'] }),
    ).toBe('Teams: a, b; Regions: eu-west-1');
  });
});

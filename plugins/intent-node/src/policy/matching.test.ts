// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  instanceTypeAllowed,
  matchesPattern,
  normalizeEntityRef,
} from './matching';

describe('matchesPattern', () => {
  it('treats * as any characters and anchors both ends', () => {
    expect(matchesPattern('eu-west-1', 'eu-*')).toBe(true);
    expect(matchesPattern('us-east-1', 'eu-*')).toBe(false);
    expect(matchesPattern('xeu-west-1', 'eu-*')).toBe(false);
    expect(matchesPattern('eu-west-1', 'eu-west-1')).toBe(true);
    expect(matchesPattern('eu-west-10', 'eu-west-1')).toBe(false);
  });

  it('takes dots and other characters literally', () => {
    expect(matchesPattern('t3.micro', 't3.*')).toBe(true);
    expect(matchesPattern('t3xmicro', 't3.*')).toBe(false);
    expect(matchesPattern('a+b', 'a+b')).toBe(true);
  });
});

describe('instanceTypeAllowed', () => {
  it('matches a bare family exactly', () => {
    expect(instanceTypeAllowed('t3.micro', ['t3'])).toBe(true);
    expect(instanceTypeAllowed('t3a.micro', ['t3'])).toBe(false);
  });

  it('matches types and patterns', () => {
    expect(instanceTypeAllowed('m5.large', ['m5.large'])).toBe(true);
    expect(instanceTypeAllowed('m5.xlarge', ['m5.large'])).toBe(false);
    expect(instanceTypeAllowed('c7g.large', ['*.large'])).toBe(true);
    expect(instanceTypeAllowed('c7g.large', [])).toBe(false);
  });
});

describe('normalizeEntityRef', () => {
  const defaults = { kind: 'group', namespace: 'default' };

  it('completes and lowercases refs', () => {
    expect(normalizeEntityRef('Platform', defaults)).toBe(
      'group:default/platform',
    );
    expect(normalizeEntityRef('ops/platform', defaults)).toBe(
      'group:ops/platform',
    );
    expect(normalizeEntityRef('User:Ada', defaults)).toBe('user:default/ada');
    expect(normalizeEntityRef('group:ops/x', defaults)).toBe('group:ops/x');
  });
});

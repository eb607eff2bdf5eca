// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import {
  orphanScanTargets,
  readOrphanRegions,
  regionsAllowedBy,
} from './orphanRegions';

describe('regionsAllowedBy', () => {
  it('expands patterns over the known regions, and keeps a literal region it does not know', () => {
    expect(
      regionsAllowedBy(
        ['eu-west-*', 'us-east-1', 'eu-west-9'],
        ['us-east-1', 'us-east-2', 'eu-west-1', 'eu-west-2'],
      ),
    ).toEqual(['us-east-1', 'eu-west-1', 'eu-west-2', 'eu-west-9']);
  });

  it('allows nothing for no patterns, and ignores a pattern that is no region', () => {
    expect(regionsAllowedBy([])).toEqual([]);
    expect(regionsAllowedBy(['moon-base'])).toEqual([]);
  });
});

describe('orphanScanTargets', () => {
  it('scans used and extra regions once per cloud a session used, and no other cloud', () => {
    expect(
      orphanScanTargets({
        used: [
          { provider: 'simulated', region: 'us-east-1' },
          { provider: 'simulated', region: 'us-east-1' },
          { provider: 'aws', region: 'eu-west-1' },
          { provider: 'gone', region: 'eu-west-1' },
        ],
        installed: ['simulated', 'aws', 'idle'],
        extraRegions: ['us-east-1', 'eu-north-1'],
      }),
    ).toEqual([
      { provider: 'simulated', region: 'us-east-1', used: true },
      { provider: 'aws', region: 'eu-west-1', used: true },
      { provider: 'simulated', region: 'eu-north-1', used: false },
      { provider: 'aws', region: 'us-east-1', used: false },
      { provider: 'aws', region: 'eu-north-1', used: false },
    ]);
  });

  it('scans nothing before any session', () => {
    expect(
      orphanScanTargets({
        used: [],
        installed: ['simulated'],
        extraRegions: ['us-east-1'],
      }),
    ).toEqual([]);
  });
});

describe('readOrphanRegions', () => {
  const read = (intent: object) =>
    readOrphanRegions(mockServices.rootConfig({ data: { intent } }));

  it('joins the baseline’s allowed regions and the configured ones, each once', () => {
    expect(
      read({
        policy: { baseline: { allowedRegions: ['eu-west-*'] } },
        lifecycle: { orphans: { regions: ['ap-southeast-2', 'eu-west-1'] } },
      }),
    ).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3', 'ap-southeast-2']);
  });

  it('uses the default baseline when none is configured', () => {
    expect(read({})).toEqual(
      expect.arrayContaining(['us-east-1', 'eu-north-1']),
    );
    expect(read({})).not.toContain('ap-southeast-2');
  });

  it('refuses an entry that is not a region code', () => {
    expect(() =>
      read({ lifecycle: { orphans: { regions: ['eu-west-1', 'Frankfurt'] } } }),
    ).toThrow(
      new Error(
        `Invalid region in config at 'intent.lifecycle.orphans.regions[1]': "Frankfurt" is not a region code such as eu-west-1`,
      ),
    );
  });
});

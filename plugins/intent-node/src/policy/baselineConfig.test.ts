// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  baselineRuleIds,
  DEFAULT_BASELINE_CONFIG,
  readBaselineConfig,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { BASELINE_RULES } from './baseline';

describe('readBaselineConfig', () => {
  it('gives the defaults when app-config sets nothing', () => {
    expect(readBaselineConfig(undefined)).toEqual(DEFAULT_BASELINE_CONFIG);
    expect(readBaselineConfig({})).toEqual(DEFAULT_BASELINE_CONFIG);
  });

  it('has every rule on by default, only no-public-ip as a warning', () => {
    const levels = Object.entries(DEFAULT_BASELINE_CONFIG.rules);
    expect(levels.filter(([, level]) => level !== 'deny')).toEqual([
      ['no-public-ip', 'warn'],
    ]);
  });

  it('changes the levels it is given and keeps the others', () => {
    const config = readBaselineConfig({
      rules: { 'no-public-ip': 'deny', 'required-tags': 'off' },
    });
    expect(config.rules['no-public-ip']).toBe('deny');
    expect(config.rules['required-tags']).toBe('off');
    expect(config.rules['imdsv2-required']).toBe('deny');
  });

  it('replaces lists and limits it is given', () => {
    const config = readBaselineConfig({
      allowedRegions: ['eu-west-1'],
      allowedInstanceTypes: ['t4g'],
      maxInstances: 2,
      maxHourlyUsd: 0.5,
      maxTtlHours: 8,
      requiredTags: ['cost-center'],
      openIngressPrefixLength: 16,
    });
    expect(config).toEqual({
      rules: DEFAULT_BASELINE_CONFIG.rules,
      allowedRegions: ['eu-west-1'],
      allowedInstanceTypes: ['t4g'],
      maxInstances: 2,
      maxHourlyUsd: 0.5,
      maxTtlHours: 8,
      requiredTags: ['cost-center'],
      openIngressPrefixLength: 16,
    });
  });

  it('throws with every problem by config path, so a typo cannot switch a rule off', () => {
    expect(() =>
      readBaselineConfig({
        rules: { 'no-public-ips': 'off', 'max-ttl': 'block' },
        maxHourlyUsd: 0,
      }),
    ).toThrow(
      /intent\.policy\.baseline\.rules\.max-ttl: Expected one of deny, warn, off.*intent\.policy\.baseline\.rules: Unrecognized key: "no-public-ips".*intent\.policy\.baseline\.maxHourlyUsd: Must be greater than 0/,
    );
    expect(() => readBaselineConfig({ maxInstances: 1.5 })).toThrow(
      'intent.policy.baseline.maxInstances: Must be a whole number',
    );
    expect(() => readBaselineConfig({ openIngressPrefixLength: 33 })).toThrow(
      'intent.policy.baseline.openIngressPrefixLength: Must be between 0 and 32',
    );
    expect(() => readBaselineConfig('deny')).toThrow(/Invalid baseline/);
  });

  it('has a level for every built-in rule and a rule for every level', () => {
    expect(BASELINE_RULES.map(rule => rule.id).sort()).toEqual(
      [...baselineRuleIds].sort(),
    );
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchRegion, planRegion } from './region';

describe('matchRegion', () => {
  it.each([
    ['in eu-west-1', 'eu-west-1', undefined],
    ['in us-gov-west-1', 'us-gov-west-1', undefined],
    ['eu-central-1b please', 'eu-central-1', 'b'],
    ['in frankfurt', 'eu-central-1', undefined],
    ['somewhere in northern california', 'us-west-1', undefined],
    ['close to dublin, zone c', 'eu-west-1', 'c'],
    ['são paulo', 'sa-east-1', undefined],
    ['tokyo', 'ap-northeast-1', undefined],
  ])('%j → %s %s', (text, region, zone) => {
    expect(matchRegion(text)).toMatchObject({ region, zone });
  });

  it('picks a region for a continent and says so', () => {
    const found = matchRegion('somewhere in europe');
    expect(found.region).toBe('eu-west-1');
    expect(found.notes.assumptions[0].reason).toContain('Europe');
  });

  it('does not read "us" in "give us" as the United States', () => {
    expect(matchRegion('give us a box').region).toBeUndefined();
  });
});

describe('planRegion', () => {
  it('defaults to us-east-1 with an assumption', () => {
    expect(planRegion('a t3.micro')).toMatchObject({
      region: 'us-east-1',
      notes: { assumptions: [{ field: 'region', value: 'us-east-1' }] },
    });
  });

  it('makes no assumption when a region is named', () => {
    expect(planRegion('in ohio').notes.assumptions).toEqual([]);
  });
});

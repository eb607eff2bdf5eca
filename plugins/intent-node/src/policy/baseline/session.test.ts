// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { estimateCost } from '@intent-sandboxes/backstage-plugin-intent-common';
import { check, instance, makePlan, SESSION } from '../__testUtils__/fixtures';
import { allowedRegions, maxHourlyCost, maxTtl, requiredTags } from './session';

describe('allowed-regions', () => {
  it('flags a region outside the allowed patterns', () => {
    const plan = makePlan([instance('web')], { region: 'ap-southeast-2' });
    expect(check(allowedRegions, plan)).toEqual([
      {
        field: 'region',
        message: 'ap-southeast-2 is not an allowed region',
        fix: 'Use a region that matches us-*, eu-*',
      },
    ]);
  });

  it('accepts a region that matches a pattern or an exact entry', () => {
    const plan = makePlan([instance('web')], { region: 'eu-central-1' });
    expect(check(allowedRegions, plan)).toEqual([]);
    expect(
      check(allowedRegions, plan, {
        limits: { allowedRegions: ['eu-central-1'] },
      }),
    ).toEqual([]);
  });

  it('checks the session region too when it differs from the plan', () => {
    const plan = makePlan([instance('web')], { region: 'eu-west-1' });
    const findings = check(allowedRegions, plan, {
      session: { ...SESSION, region: 'sa-east-1' },
    });
    expect(findings.map(f => f.message)).toEqual([
      'sa-east-1 is not an allowed region',
    ]);
  });
});

describe('max-hourly-cost', () => {
  it('flags an estimate above the limit', () => {
    const plan = makePlan([instance('big', { instanceType: 'm5.24xlarge' })]);
    expect(check(maxHourlyCost, plan, { limits: { maxHourlyUsd: 1 } })).toEqual(
      [
        {
          field: 'resources',
          message: expect.stringMatching(
            /^The plan is estimated at \$4\.6\d\/h, more than the \$1\.00\/h allowed per session$/,
          ),
          fix: 'Use smaller or fewer instances and volumes',
        },
      ],
    );
  });

  it('accepts an estimate under the limit', () => {
    const plan = makePlan([instance('web')]);
    expect(check(maxHourlyCost, plan, { limits: { maxHourlyUsd: 1 } })).toEqual(
      [],
    );
  });

  it('fails closed when a price is unknown, however low the rest is', () => {
    const plan = makePlan([
      instance('web'),
      instance('odd', { instanceType: 'x2iedn.32xlarge' }),
    ]);
    expect(estimateCost(plan).hourlyUsd).toBeLessThan(1);
    expect(check(maxHourlyCost, plan)).toEqual([
      {
        field: 'instanceType',
        message:
          'The hourly cost cannot be checked against the $10.00/h limit: the price table has no price for x2iedn.32xlarge',
        fix: expect.stringContaining('known price'),
      },
    ]);
  });
});

describe('max-ttl', () => {
  const plan = makePlan([instance('web')]);

  it('flags a time to live above the maximum', () => {
    expect(
      check(maxTtl, plan, { session: { ...SESSION, ttlHours: 100 } }),
    ).toEqual([
      {
        field: 'ttlHours',
        message: 'The session would live 100 hours; at most 72 are allowed',
        fix: 'Ask for 72 hours or less, and extend the session later if you need to',
      },
    ]);
  });

  it('accepts exactly the maximum', () => {
    expect(
      check(maxTtl, plan, { session: { ...SESSION, ttlHours: 72 } }),
    ).toEqual([]);
  });

  it('treats a time to live that is not a number as too long', () => {
    expect(
      check(maxTtl, plan, { session: { ...SESSION, ttlHours: Number.NaN } }),
    ).toHaveLength(1);
  });
});

describe('required-tags', () => {
  const limits = { requiredTags: ['cost-center', 'owner'] };

  it('flags each taggable resource that lacks a tag, naming the first as the field', () => {
    const plan = makePlan([
      instance('web', { tags: { owner: 'ada' } }),
      { type: 'aws_ebs_volume', name: 'data', sizeGb: 10 },
      {
        type: 'aws_volume_attachment',
        name: 'data',
        volume: 'aws_ebs_volume.data',
        instance: 'aws_instance.web',
        deviceName: '/dev/sdf',
      },
    ]);
    expect(check(requiredTags, plan, { limits })).toEqual([
      {
        address: 'aws_instance.web',
        field: 'tags.cost-center',
        message: 'aws_instance.web lacks the tag cost-center',
        fix: "Add cost-center: <value> to the plan's tags or to the resource's tags",
      },
      expect.objectContaining({
        address: 'aws_ebs_volume.data',
        message: 'aws_ebs_volume.data lacks the tags cost-center, owner',
      }),
    ]);
  });

  it('counts plan-wide tags and ignores empty values', () => {
    const plan = makePlan([instance('web', { tags: { owner: ' ' } })], {
      tags: { 'cost-center': 'cc-1' },
    });
    expect(check(requiredTags, plan, { limits }).map(f => f.message)).toEqual([
      'aws_instance.web lacks the tag owner',
    ]);
    const tagged = makePlan([instance('web', { tags: { owner: 'ada' } })], {
      tags: { 'cost-center': 'cc-1' },
    });
    expect(check(requiredTags, tagged, { limits })).toEqual([]);
  });

  it('requires nothing by default', () => {
    expect(check(requiredTags, makePlan([instance('web')]))).toEqual([]);
  });
});

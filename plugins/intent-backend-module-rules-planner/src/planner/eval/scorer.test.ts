// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { planSchema } from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { EvalCase, evaluate, fieldValue, scoreCase, summarise } from './scorer';

const plan = planSchema.parse({
  formatVersion: 1,
  region: 'eu-west-1',
  ttlHours: 4,
  tags: { team: 'platform' },
  resources: [
    {
      type: 'aws_security_group',
      name: 'web',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ['0.0.0.0/0'],
        },
        {
          protocol: 'tcp',
          fromPort: 8000,
          toPort: 8100,
          cidrBlocks: ['10.0.0.0/8', '192.168.0.0/16'],
        },
      ],
    },
    {
      type: 'aws_instance',
      name: 'web',
      instanceType: 't3.small',
      image: { os: 'debian', version: '12', architecture: 'x86_64' },
      securityGroups: ['aws_security_group.web'],
    },
  ],
});

const result: PlannerResult = {
  planner: 'rules',
  plan,
  assumptions: [],
  questions: [],
  outOfScope: ['"install docker": software on the machine'],
  modification: 'resized',
};

const base: EvalCase = {
  id: 'x',
  style: 'terse',
  intent: 'irrelevant',
  expect: {},
};

describe('fieldValue', () => {
  it('reads plan fields, resource fields by address and nested fields', () => {
    expect(fieldValue(plan, 'region')).toBe('eu-west-1');
    expect(fieldValue(plan, 'tags.team')).toBe('platform');
    expect(fieldValue(plan, 'aws_instance.web.image.os')).toBe('debian');
    expect(fieldValue(plan, 'aws_instance.web.keyPair')).toBeUndefined();
    expect(fieldValue(plan, 'aws_instance.nope.instanceType')).toBeUndefined();
  });

  it('reads existing resources by their data address', () => {
    const withExisting: Plan = {
      ...plan,
      existing: [
        { type: 'aws_vpc', name: 'default', lookup: { default: true } },
        {
          type: 'aws_key_pair',
          name: 'dev_laptop',
          lookup: { name: 'dev-laptop' },
        },
      ],
    };
    expect(
      fieldValue(withExisting, 'data.aws_vpc.default.lookup.default'),
    ).toBe(true);
    expect(
      fieldValue(withExisting, 'data.aws_key_pair.dev_laptop.lookup'),
    ).toEqual({ name: 'dev-laptop' });
    expect(
      fieldValue(withExisting, 'data.aws_key_pair.nope.lookup.name'),
    ).toBeUndefined();
    expect(fieldValue(plan, 'data.aws_vpc.default.lookup')).toBeUndefined();
  });

  it('writes security group rules compactly', () => {
    expect(fieldValue(plan, 'aws_security_group.web.ingress')).toEqual([
      'tcp 443 0.0.0.0/0',
      'tcp 8000-8100 10.0.0.0/8,192.168.0.0/16',
    ]);
  });
});

describe('scoreCase', () => {
  it('scores every expected field and finds the wrong ones', () => {
    const scores = scoreCase(
      {
        ...base,
        expect: {
          addresses: ['aws_instance.web', 'aws_security_group.web'],
          fields: {
            region: 'eu-west-1',
            ttlHours: 8,
            'aws_instance.web.keyPair': null,
            'aws_instance.web.image': {
              architecture: 'x86_64',
              os: 'debian',
              version: '12',
            },
            'aws_security_group.web.ingress': [
              'tcp 8000-8100 10.0.0.0/8,192.168.0.0/16',
              'tcp 443 0.0.0.0/0',
            ],
          },
          asks: true,
          outOfScope: ['docker', 'nat gateway'],
          modifies: true,
        },
      },
      result,
    );
    expect(scores.map(s => [s.field, s.ok])).toEqual([
      ['addresses', true],
      ['region', true],
      ['ttlHours', false],
      ['aws_instance.web.keyPair', true],
      ['aws_instance.web.image', true],
      ['aws_security_group.web.ingress', true],
      ['asks', false],
      ['outOfScope:docker', true],
      ['outOfScope:nat gateway', false],
      ['modification', true],
    ]);
  });

  it('scores each expected count of resources by type as one field', () => {
    const scores = scoreCase(
      {
        ...base,
        expect: {
          types: {
            aws_instance: 1,
            aws_security_group: 2,
            aws_internet_gateway: 0,
          },
        },
      },
      result,
    );
    expect(scores.map(s => [s.field, s.ok, s.actual])).toEqual([
      ['types:aws_instance', true, 1],
      ['types:aws_security_group', false, 1],
      ['types:aws_internet_gateway', true, 0],
    ]);
  });

  it('counts a missing or extra resource against the addresses', () => {
    const [score] = scoreCase(
      { ...base, expect: { addresses: ['aws_instance.web'] } },
      result,
    );
    expect(score).toMatchObject({
      ok: false,
      actual: ['aws_instance.web', 'aws_security_group.web'],
    });
  });
});

describe('summarise', () => {
  it('computes overall and per-style accuracy over fields', () => {
    const report = summarise([
      [
        {
          caseId: 'a',
          style: 'terse',
          field: 'f',
          ok: true,
          expected: 1,
          actual: 1,
        },
        {
          caseId: 'a',
          style: 'terse',
          field: 'g',
          ok: false,
          expected: 1,
          actual: 2,
        },
      ],
      [
        {
          caseId: 'b',
          style: 'follow-up',
          field: 'f',
          ok: true,
          expected: 1,
          actual: 1,
        },
      ],
    ]);
    expect(report).toMatchObject({ cases: 2, fields: 3, correct: 2 });
    expect(report.accuracy).toBeCloseTo(2 / 3);
    expect(report.byStyle.terse).toEqual({
      cases: 1,
      fields: 2,
      accuracy: 0.5,
    });
    expect(report.byStyle['follow-up']).toEqual({
      cases: 1,
      fields: 1,
      accuracy: 1,
    });
    expect(report.failures.map(f => f.field)).toEqual(['g']);
  });
});

describe('evaluate', () => {
  it('passes the request, current plan, client IP and time to the planner', () => {
    const seen: unknown[] = [];
    evaluate(
      [
        {
          ...base,
          intent: 'make it bigger',
          clientIp: '203.0.113.4',
          now: '2026-01-02T03:04:05.000Z',
          current: { formatVersion: 1, region: 'eu-west-1', resources: [] },
        },
      ],
      request => {
        seen.push(request);
        return result;
      },
    );
    expect(seen).toEqual([
      {
        intent: 'make it bigger',
        current: {
          formatVersion: 1,
          region: 'eu-west-1',
          tags: {},
          existing: [],
          resources: [],
        },
        context: { clientIp: '203.0.113.4' },
        now: new Date('2026-01-02T03:04:05.000Z'),
      },
    ]);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  parsePlan,
  planSchema,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules, toResult } from './rulesPlanner';
import { NO_NOTES } from './notes';

const now = new Date('2026-11-25T10:00:00Z');

describe('planWithRules', () => {
  it('plans the article example: a t3.micro instance with Ubuntu', () => {
    const result = planWithRules('t3.micro instance with Ubuntu');
    expect(result.plan).toEqual({
      formatVersion: 1,
      region: 'us-east-1',
      tags: {},
      resources: [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
          securityGroups: [],
          rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: true },
          metadataHttpTokens: 'required',
          software: [],
          tags: {},
        },
      ],
      existing: [],
    });
    expect(result.planner).toBe('rules');
    expect(result.assumptions.map(a => a.field)).toEqual([
      'region',
      'ttlHours',
      'aws_instance.sandbox.image',
    ]);
    expect(result.questions).toEqual([]);
    expect(result.modification).toBeUndefined();
  });

  it('plans the product example with the caller IP and lists dependencies first', () => {
    const result = planWithRules({
      intent: 'a t3.micro with Ubuntu 24.04, ssh from my IP, for 4 hours',
      context: { clientIp: '203.0.113.4' },
      now,
    });
    expect(result.plan.ttlHours).toBe(4);
    expect(result.plan.resources.map(r => `${r.type}.${r.name}`)).toEqual([
      'aws_security_group.sandbox',
      'aws_key_pair.sandbox',
      'aws_instance.sandbox',
    ]);
    expect(result.plan.resources[0]).toMatchObject({
      ingress: [
        { protocol: 'tcp', fromPort: 22, cidrBlocks: ['203.0.113.4/32'] },
      ],
    });
    expect(result.questions).toEqual([]);
  });

  it('asks for the IP instead of guessing when the caller IP is unknown', () => {
    const result = planWithRules('a t3.micro, ssh from my IP');
    expect(result.questions[0]).toContain('Your IP address is not known');
    expect(result.plan.resources.map(r => r.type)).not.toContain(
      'aws_security_group',
    );
  });

  it('reads deadlines against the given time', () => {
    const friday = planWithRules({ intent: 'a t3.micro until Friday', now });
    expect(friday.plan.ttlHours).toBe(56);
    const later = planWithRules({
      intent: 'a t3.micro until Friday',
      now: new Date('2026-11-27T17:00:00Z'),
    });
    expect(later.plan.ttlHours).toBe(1);
  });

  it('asks what to create when the request names no resource', () => {
    const result = planWithRules('hello there');
    expect(result.plan.resources).toEqual([]);
    expect(result.questions).toHaveLength(1);
  });

  it('lists what is not a resource instead of dropping it', () => {
    const result = planWithRules('install docker');
    expect(result.plan.resources).toEqual([]);
    expect(result.outOfScope[0]).toContain('install docker');
  });

  it('plans what is asked even when it breaks a guardrail: policy decides later', () => {
    const result = planWithRules(
      'ignore the rules and make it public: a t3.micro with ssh from anywhere, unencrypted disk',
    );
    expect(result.plan.resources).toContainEqual(
      expect.objectContaining({
        type: 'aws_instance',
        associatePublicIp: true,
        rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: false },
      }),
    );
    expect(Object.keys(result).sort()).toEqual(
      ['assumptions', 'outOfScope', 'plan', 'planner', 'questions'].sort(),
    );
  });

  it('applies a follow-up to the current plan and describes the change', () => {
    const current = planWithRules('a t3.micro in eu-west-1 for 4 hours').plan;
    const result = planWithRules({
      intent: 'make it a t3.large and open 443 to the world',
      current,
      now,
    });
    expect(result.plan.region).toBe('eu-west-1');
    expect(result.plan.ttlHours).toBe(4);
    expect(result.plan.resources).toContainEqual(
      expect.objectContaining({
        name: 'sandbox',
        instanceType: 't3.large',
        securityGroups: ['aws_security_group.sandbox'],
      }),
    );
    expect(result.modification).toBe(
      'aws_instance.sandbox: instance type t3.micro → t3.large; + aws_security_group.sandbox for aws_instance.sandbox; aws_security_group.sandbox: + tcp 443 from 0.0.0.0/0',
    );
  });

  it('keeps the current plan and asks when a follow-up changes nothing', () => {
    const current = planWithRules('a t3.micro').plan;
    const result = planWithRules({ intent: 'what is the weather', current });
    expect(result.plan).toEqual(current);
    expect(result.modification).toBeUndefined();
    expect(result.questions[0]).toContain('could not tell what to change');
  });

  it('plans a draft session (no resources yet) like a new request', () => {
    const draft = planWithRules('hello').plan;
    const result = planWithRules({ intent: 'a t3.small', current: draft });
    expect(result.plan.resources).toHaveLength(1);
    expect(result.modification).toBeUndefined();
  });

  it('is deterministic', () => {
    const request = {
      intent:
        'two web servers and a versioned bucket, ssh from 10.0.0.0/8, until friday',
      now,
    };
    expect(planWithRules(request)).toEqual(planWithRules(request));
  });
});

describe('toResult', () => {
  it('never returns a plan the schema refuses', () => {
    const current = planSchema.parse({
      formatVersion: 1,
      region: 'eu-west-1',
      resources: [{ type: 'aws_s3_bucket', name: 'logs' }],
    });
    const result = toResult(
      {
        plan: {
          formatVersion: 1,
          region: 'eu-west-1',
          resources: [{ type: 'aws_s3_bucket', name: 'Not Valid' }],
        },
        notes: NO_NOTES,
        modification: 'renamed',
      },
      [],
      current,
    );
    expect(result.plan).toBe(current);
    expect(result.modification).toBeUndefined();
    expect(result.questions[0]).toContain('resources.0.name');
    expect(parsePlan(result.plan).ok).toBe(true);
  });
});

describe('validateIntentText', () => {
  it.each([undefined, '', '   ', 42, null])('refuses %p', value => {
    expect(validateIntentText(value)).toContain('Describe what you need');
  });

  it('refuses oversize intents with the length', () => {
    expect(validateIntentText('x'.repeat(2001))).toContain('2001 characters');
  });

  it('accepts a normal intent', () => {
    expect(validateIntentText('a t3.micro')).toBeUndefined();
  });
});

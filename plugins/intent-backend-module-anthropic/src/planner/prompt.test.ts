// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { planSchema } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  DEFAULT_POLICY_SUMMARY,
  planJsonSchema,
  readAnswer,
  submitPlanTool,
  systemPrompt,
  userPrompt,
} from './prompt';

describe('planJsonSchema', () => {
  it('is the input form of the plan schema, fit for a tool', () => {
    const schema = planJsonSchema() as any;
    expect(schema).not.toHaveProperty('$schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['formatVersion', 'region', 'resources']);
    const instance = schema.properties.resources.items.oneOf.find(
      (s: any) => s.properties.type.const === 'aws_instance',
    );
    // Fields with defaults may be left out by the model.
    expect(instance.required).toEqual([
      'type',
      'name',
      'instanceType',
      'image',
    ]);
    expect(submitPlanTool().input_schema.properties).toHaveProperty(
      'plan',
      schema,
    );
  });

  it('has the names, existing resources, software and network types', () => {
    const schema = planJsonSchema() as any;
    const ofType = (type: string) =>
      schema.properties.resources.items.oneOf.find(
        (s: any) => s.properties.type.const === type,
      );
    expect(ofType('aws_key_pair').properties).toHaveProperty('keyName');
    expect(ofType('aws_s3_bucket').properties).toHaveProperty('bucketName');
    expect(ofType('aws_instance').properties.software.description).toContain(
      'nginx',
    );
    expect(ofType('aws_instance').properties).toHaveProperty('userData');
    expect(ofType('aws_instance').required).not.toContain('software');
    for (const type of [
      'aws_internet_gateway',
      'aws_route_table',
      'aws_route_table_association',
    ]) {
      expect(ofType(type)).toBeDefined();
    }
    expect(ofType('aws_route_table').properties.routes.items.required).toEqual([
      'cidrBlock',
      'gateway',
    ]);
    const existing = schema.properties.existing;
    expect(existing.maxItems).toBe(20);
    expect(existing.items.properties.type.enum).toEqual([
      'aws_key_pair',
      'aws_vpc',
      'aws_subnet',
      'aws_security_group',
    ]);
    expect(existing.items.properties.lookup.properties).toEqual({
      name: expect.anything(),
      id: expect.anything(),
      default: expect.anything(),
    });
    expect(schema.required).not.toContain('existing');
  });
});

describe('prompts', () => {
  it('says that policy is checked afterwards and includes the summary', () => {
    const system = systemPrompt(DEFAULT_POLICY_SUMMARY);
    expect(system).toContain('You do not decide what is allowed');
    expect(system).toContain('Security groups must not open SSH (22)');
  });

  it('explains names, existing resources, ports, software, networks and what is out of scope', () => {
    const system = systemPrompt(DEFAULT_POLICY_SUMMARY);
    for (const phrase of [
      'tags.Name',
      'keyName',
      'bucketName',
      'data.aws_key_pair.dev_laptop',
      '{ default: true }',
      "requester's IP as /32",
      'nginx, apache, docker, git, python3, nodejs, java, postgresql-client, mysql-client, redis-tools, htop, tmux, curl, jq, unzip, awscli',
      'aws_internet_gateway',
      'aws_route_table_association',
      'IAM roles and instance profiles, load balancers, databases (RDS), DNS, NAT gateways, SSM setup',
    ]) {
      expect(system).toContain(phrase);
    }
  });

  it('gives a follow-up the current plan, the IP and the time', () => {
    const current = planSchema.parse({
      formatVersion: 1,
      region: 'eu-west-1',
      resources: [{ type: 'aws_s3_bucket', name: 'logs' }],
    });
    const prompt = userPrompt({
      intent: 'enable versioning',
      current,
      context: { clientIp: '203.0.113.4' },
      now: new Date('2026-11-25T10:00:00Z'),
    });
    expect(prompt).toContain('<request>\nenable versioning\n</request>');
    expect(prompt).toContain(
      `<current_plan>\n${JSON.stringify(current)}\n</current_plan>`,
    );
    expect(prompt).toContain('203.0.113.4');
    expect(prompt).toContain('2026-11-25T10:00:00.000Z');
  });

  it('says when there is no current plan and no IP', () => {
    const prompt = userPrompt({ intent: 'a t3.micro', now: new Date(0) });
    expect(prompt).toContain('This is a new sandbox');
    expect(prompt).toContain('IP address is not known');
  });
});

describe('readAnswer', () => {
  const plan = { formatVersion: 1, region: 'eu-west-1', resources: [] };

  it('fills defaults and keeps only the known fields', () => {
    expect(readAnswer({ plan, verdict: 'allow' }, 'anthropic')).toEqual({
      ok: true,
      result: {
        planner: 'anthropic',
        plan: { ...plan, tags: {}, existing: [] },
        assumptions: [],
        questions: [],
        outOfScope: [],
      },
    });
  });

  it('names every problem of the answer and of its plan', () => {
    expect(
      readAnswer({ plan: { ...plan, region: 'mars' } }, 'anthropic'),
    ).toEqual({
      ok: false,
      problems: ['plan.region: Expected an AWS region code such as eu-west-1'],
    });
    const broken = readAnswer(
      { plan, assumptions: [{ field: 'region' }] },
      'anthropic',
    );
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]).toMatch(/^assumptions\.0\.value/);
    expect(readAnswer('not an object', 'anthropic').ok).toBe(false);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  Plan,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { instance, makePlan, SESSION } from '../__testUtils__/fixtures';
import { compileIntentPolicy } from '../compilePolicy';
import { evaluatePolicies } from '../evaluatePolicies';

function evaluate(plan: Plan, rules: Array<Record<string, unknown>> = []) {
  return evaluatePolicies({
    plan,
    session: { ...SESSION, region: plan.region },
    baseline: DEFAULT_BASELINE_CONFIG,
    policies: rules.length
      ? [
          compileIntentPolicy({
            apiVersion: 'intent.backstage.io/v1alpha1',
            kind: 'IntentPolicy',
            metadata: { name: 'software' },
            spec: { owner: 'platform', rules },
          }),
        ]
      : [],
    cost: estimateCost(plan),
  });
}

const vpc = {
  type: 'aws_vpc' as const,
  name: 'main',
  cidrBlock: '10.0.0.0/16',
};
const subnet = {
  type: 'aws_subnet' as const,
  name: 'public',
  vpc: 'aws_vpc.main',
  cidrBlock: '10.0.1.0/24',
  mapPublicIpOnLaunch: true,
};
const routed = [
  { type: 'aws_internet_gateway' as const, name: 'igw', vpc: 'aws_vpc.main' },
  {
    type: 'aws_route_table' as const,
    name: 'public',
    vpc: 'aws_vpc.main',
    routes: [{ cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.igw' }],
  },
  {
    type: 'aws_route_table_association' as const,
    name: 'public',
    subnet: 'aws_subnet.public',
    routeTable: 'aws_route_table.public',
  },
];

describe('policy on the plan schema additions', () => {
  it('lets a CEL rule see an instance software', () => {
    const plan = makePlan([instance('web', { software: ['docker', 'git'] })]);
    const result = evaluate(plan, [
      {
        id: 'no-docker',
        outcome: 'deny',
        expression:
          'resource.type == "aws_instance" && "docker" in resource.software',
        message: 'Docker is not allowed on sandboxes',
      },
    ]);
    expect(result.verdict).toBe('deny');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'no-docker',
        address: 'aws_instance.web',
      }),
    ]);
    expect(
      evaluate(makePlan([instance('web', { software: ['git'] })]), [
        {
          id: 'no-docker',
          outcome: 'deny',
          expression:
            'resource.type == "aws_instance" && "docker" in resource.software',
        },
      ]).verdict,
    ).toBe('allow');
  });

  it('allows a private network with a gateway and a route table', () => {
    expect(
      evaluate(
        makePlan([vpc, { ...subnet, mapPublicIpOnLaunch: false }, ...routed]),
      ).verdict,
    ).toBe('allow');
  });

  it('says whether an instance in a public subnet is routed to the internet', () => {
    const web = instance('web', {
      associatePublicIp: undefined,
      subnet: 'aws_subnet.public',
    });
    const withRoute = evaluate(makePlan([vpc, subnet, ...routed, web]));
    expect(withRoute.findings).toEqual([
      expect.objectContaining({
        ruleId: 'no-public-ip',
        message: expect.stringContaining(
          'routes 0.0.0.0/0 to aws_internet_gateway.igw',
        ),
      }),
    ]);
    const withoutRoute = evaluate(makePlan([vpc, subnet, web]));
    expect(withoutRoute.findings).toEqual([
      expect.objectContaining({
        ruleId: 'no-public-ip',
        message: expect.stringContaining('no route to an internet gateway'),
      }),
    ]);
  });

  it('counts an unset public IP in an existing subnet as public', () => {
    const plan = makePlan(
      [
        instance('web', {
          associatePublicIp: undefined,
          subnet: 'data.aws_subnet.default',
        }),
      ],
      {
        existing: [
          { type: 'aws_subnet', name: 'default', lookup: { default: true } },
        ],
      },
    );
    expect(evaluate(plan).findings).toEqual([
      expect.objectContaining({ ruleId: 'no-public-ip' }),
    ]);
  });
});

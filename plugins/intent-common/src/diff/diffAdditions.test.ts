// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanInput,
  planSchema,
  replacementReason,
  requiresReplacement,
} from '../plan';
import { instance } from '../testUtils';
import { diffPlans } from './diff';
import { applySteps } from './steps';

const plan = (
  resources: PlanInput['resources'],
  existing: PlanInput['existing'] = [],
) =>
  planSchema.parse({
    formatVersion: 1,
    region: 'eu-west-1',
    resources,
    existing,
  });

const vpc = (cidrBlock = '10.0.0.0/16') => ({
  type: 'aws_vpc' as const,
  name: 'main',
  cidrBlock,
});
const subnet = {
  type: 'aws_subnet' as const,
  name: 'public',
  vpc: 'aws_vpc.main',
  cidrBlock: '10.0.1.0/24',
  mapPublicIpOnLaunch: true,
};
const igw = {
  type: 'aws_internet_gateway' as const,
  name: 'igw',
  vpc: 'aws_vpc.main',
};
const table = (
  routes = [{ cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.igw' }],
) => ({
  type: 'aws_route_table' as const,
  name: 'public',
  vpc: 'aws_vpc.main',
  routes,
});
const association = {
  type: 'aws_route_table_association' as const,
  name: 'public',
  subnet: 'aws_subnet.public',
  routeTable: 'aws_route_table.public',
};

const actions = (d: ReturnType<typeof diffPlans>) =>
  Object.fromEntries(d.changes.map(c => [c.address, c.action]));

describe('diffPlans with the plan schema additions', () => {
  it('creates a public network in dependency order', () => {
    const diff = diffPlans(
      null,
      plan([association, table(), igw, subnet, vpc()]),
    );
    const dependsOn = Object.fromEntries(
      applySteps(diff).map(s => [s.id, s.dependsOn]),
    );
    expect(dependsOn['create:aws_internet_gateway.igw']).toEqual([
      'create:aws_vpc.main',
    ]);
    expect(dependsOn['create:aws_route_table.public']).toEqual(
      expect.arrayContaining([
        'create:aws_vpc.main',
        'create:aws_internet_gateway.igw',
      ]),
    );
    expect(dependsOn['create:aws_route_table_association.public']).toEqual(
      expect.arrayContaining([
        'create:aws_subnet.public',
        'create:aws_route_table.public',
      ]),
    );
  });

  it('replaces the whole network when the VPC is replaced', () => {
    const before = plan([vpc(), subnet, igw, table(), association]);
    const after = plan([
      vpc('10.1.0.0/16'),
      { ...subnet, cidrBlock: '10.1.1.0/24' },
      igw,
      table(),
      association,
    ]);
    expect(actions(diffPlans(before, after))).toEqual({
      'aws_vpc.main': 'replace',
      'aws_subnet.public': 'replace',
      'aws_internet_gateway.igw': 'replace',
      'aws_route_table.public': 'replace',
      'aws_route_table_association.public': 'replace',
    });
  });

  it('changes routes in place', () => {
    const before = plan([vpc(), subnet, igw, table(), association]);
    const after = plan([vpc(), subnet, igw, table([]), association]);
    expect(actions(diffPlans(before, after))).toMatchObject({
      'aws_route_table.public': 'update',
      'aws_route_table_association.public': 'noop',
    });
  });

  it('replaces an instance whose software changes, and says why', () => {
    const before = plan([instance('web', { software: ['nginx'] })]);
    const after = plan([instance('web', { software: ['nginx', 'docker'] })]);
    const change = diffPlans(before, after).changes[0];
    expect(change).toMatchObject({
      action: 'replace',
      reason: 'software nginx \u2192 nginx, docker',
    });
    expect(change.fields).toEqual([
      expect.objectContaining({ path: 'software', forcesReplacement: true }),
    ]);
  });

  it('keeps an instance whose software stays the same', () => {
    const before = plan([instance('web', { software: ['git'] })]);
    expect(actions(diffPlans(before, before))).toEqual({
      'aws_instance.web': 'noop',
    });
  });

  it('replaces an instance whose existing key pair is looked up differently', () => {
    const user = instance('web', { keyPair: 'data.aws_key_pair.key' });
    const before = plan(
      [user],
      [{ type: 'aws_key_pair', name: 'key', lookup: { name: 'dev-laptop' } }],
    );
    const after = plan(
      [user],
      [
        {
          type: 'aws_key_pair',
          name: 'key',
          lookup: { name: 'ci-deploy-key' },
        },
      ],
    );
    expect(diffPlans(before, after).changes[0]).toMatchObject({
      action: 'replace',
      reason: 'data.aws_key_pair.key is looked up differently',
    });
    expect(actions(diffPlans(before, before))).toEqual({
      'aws_instance.web': 'noop',
    });
  });

  it('reads plans written before existing was added', () => {
    const { existing: _, ...old } = plan([instance('web')]);
    expect(actions(diffPlans(old, old))).toEqual({
      'aws_instance.web': 'noop',
    });
  });
});

describe('requiresReplacement with the plan schema additions', () => {
  it('treats software missing (an older resource) as none', () => {
    expect(requiresReplacement('aws_instance', {}, { software: [] })).toEqual(
      [],
    );
    expect(
      requiresReplacement('aws_instance', {}, { software: ['git'] }),
    ).toEqual(['software']);
    expect(replacementReason('aws_instance', {}, { software: ['git'] })).toBe(
      'software none \u2192 git',
    );
  });

  it('keeps user data the cloud derived when the plan leaves it out', () => {
    expect(
      requiresReplacement('aws_instance', { userData: '#cloud-config\n' }, {}),
    ).toEqual([]);
    expect(
      requiresReplacement('aws_instance', { userData: 'a' }, { userData: 'b' }),
    ).toEqual(['userData']);
  });

  it('replaces a key pair whose name changes, and network resources moved to another VPC', () => {
    expect(
      requiresReplacement('aws_key_pair', { keyName: 'a' }, { keyName: 'b' }),
    ).toEqual(['keyName']);
    expect(requiresReplacement('aws_key_pair', { keyName: 'a' }, {})).toEqual(
      [],
    );
    expect(
      requiresReplacement(
        'aws_internet_gateway',
        { vpc: 'vpc-1' },
        { vpc: 'vpc-2' },
      ),
    ).toEqual(['vpc']);
    expect(
      requiresReplacement(
        'aws_route_table',
        { vpc: 'vpc-1', routes: [] },
        { vpc: 'vpc-1', routes: [{}] },
      ),
    ).toEqual([]);
    expect(
      requiresReplacement(
        'aws_route_table_association',
        { subnet: 's-1', routeTable: 'r-1' },
        { subnet: 's-1', routeTable: 'r-2' },
      ),
    ).toEqual(['routeTable']);
  });
});

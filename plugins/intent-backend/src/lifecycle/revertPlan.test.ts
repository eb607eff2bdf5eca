// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  PLAN_FORMAT_VERSION,
  planSchema,
  ResourceDrift,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { referredMissing } from './driftCompare';
import { observedPriorPlan, revertPlan } from './revertPlan';

const plan: Plan = planSchema.parse({
  formatVersion: PLAN_FORMAT_VERSION,
  region: 'eu-west-1',
  tags: { team: 'web' },
  resources: [
    { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
    {
      type: 'aws_subnet',
      name: 'a',
      vpc: 'aws_vpc.main',
      cidrBlock: '10.0.1.0/24',
    },
    {
      type: 'aws_route_table',
      name: 'rt',
      vpc: 'aws_vpc.main',
    },
    {
      type: 'aws_route_table_association',
      name: 'a',
      subnet: 'aws_subnet.a',
      routeTable: 'aws_route_table.rt',
    },
    {
      type: 'aws_security_group',
      name: 'web',
      vpc: 'aws_vpc.main',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ['203.0.113.7/32'],
        },
      ],
    },
    {
      type: 'aws_instance',
      name: 'web',
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      subnet: 'aws_subnet.a',
      securityGroups: ['aws_security_group.web'],
    },
    { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
  ],
});

const missing = (address: string, cloudId: string): ResourceDrift => ({
  address,
  type: address.split('.')[0],
  cloudId,
  kind: 'missing',
  fields: [],
});

const summary = (drifted: ResourceDrift[]) => {
  const { changes, steps } = revertPlan(plan, drifted);
  return {
    changes: changes.map(c => [c.address, c.action, c.reason]),
    steps: Object.fromEntries(steps.map(s => [s.id, s.dependsOn])),
  };
};

describe('revert plan', () => {
  it('sets changed fields back with an update, touching nothing else', () => {
    const drift: ResourceDrift = {
      address: 'aws_instance.web',
      type: 'aws_instance',
      cloudId: 'i-1',
      kind: 'changed',
      fields: [
        { path: 'instanceType', expected: 't3.micro', observed: 't3.large' },
      ],
    };
    const { changes, steps } = revertPlan(plan, [drift]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      address: 'aws_instance.web',
      action: 'update',
      reason: 'changed outside the portal',
      fields: [
        {
          path: 'instanceType',
          before: 't3.large',
          after: 't3.micro',
          forcesReplacement: false,
        },
      ],
    });
    expect(steps.map(s => s.id)).toEqual(['update:aws_instance.web']);
  });

  it('replaces a resource whose drifted field the cloud cannot change in place', () => {
    const drift: ResourceDrift = {
      address: 'aws_subnet.a',
      type: 'aws_subnet',
      cloudId: 'subnet-1',
      kind: 'changed',
      fields: [
        { path: 'cidrBlock', expected: '10.0.1.0/24', observed: '10.0.9.0/24' },
      ],
    };
    // What is in the subnet follows it, as in any apply that replaces it.
    expect(summary([drift]).changes).toEqual(
      [
        ['aws_instance.web', 'replace', 'aws_subnet.a is replaced'],
        [
          'aws_route_table_association.a',
          'replace',
          'aws_subnet.a is replaced',
        ],
        ['aws_subnet.a', 'replace', 'changed outside the portal'],
        ['aws_eip.ip', 'update', 'aws_instance.web gets a new id'],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string)),
    );
  });

  it('recreates a missing resource; what referred to it by cloud id follows', () => {
    // The security group was deleted in the console: the instance still
    // names its old id, which the prior plan says.
    const prior = observedPriorPlan(plan, [
      missing('aws_security_group.web', 'sg-1'),
    ]);
    expect(prior.resources.map(r => `${r.type}.${r.name}`)).not.toContain(
      'aws_security_group.web',
    );
    expect(prior.resources.find(r => r.type === 'aws_instance')).toMatchObject({
      securityGroups: ['sg-1'],
      subnet: 'aws_subnet.a',
    });

    expect(summary([missing('aws_security_group.web', 'sg-1')])).toEqual({
      changes: [
        ['aws_instance.web', 'update', 'aws_security_group.web is recreated'],
        ['aws_security_group.web', 'create', 'deleted outside the portal'],
      ],
      steps: {
        'update:aws_instance.web': ['create:aws_security_group.web'],
        'create:aws_security_group.web': [],
      },
    });
  });

  it('recreates a missing chain in dependency order, and replaces what cannot move', () => {
    // The subnet and the instance in it were deleted: the subnet first,
    // then the instance in the new subnet; the association, left pointing
    // at the deleted subnet, is replaced; the EIP follows the new instance.
    const { changes, steps } = summary([
      missing('aws_instance.web', 'i-1'),
      missing('aws_subnet.a', 'subnet-1'),
    ]);
    expect(changes).toEqual([
      ['aws_eip.ip', 'update', 'aws_instance.web is recreated'],
      ['aws_instance.web', 'create', 'deleted outside the portal'],
      ['aws_route_table_association.a', 'replace', 'aws_subnet.a is recreated'],
      ['aws_subnet.a', 'create', 'deleted outside the portal'],
    ]);
    expect(steps).toEqual({
      'create:aws_subnet.a': [],
      'create:aws_instance.web': ['create:aws_subnet.a'],
      'update:aws_eip.ip': ['create:aws_instance.web'],
      'create:aws_route_table_association.a': ['create:aws_subnet.a'],
      'delete:aws_route_table_association.a': [
        'update:aws_eip.ip',
        'create:aws_instance.web',
        'create:aws_route_table_association.a',
        'create:aws_subnet.a',
      ],
    });
  });

  it('changes nothing when nothing drifted', () => {
    expect(revertPlan(plan, [])).toEqual({ changes: [], steps: [] });
  });
});

describe('resources deleted outside the portal that others refer to', () => {
  it('names them with what refers to them, unless those are gone too', () => {
    expect(
      referredMissing(plan, [missing('aws_security_group.web', 'sg-1')]),
    ).toEqual([
      { address: 'aws_security_group.web', referredBy: ['aws_instance.web'] },
    ]);
    expect(
      referredMissing(plan, [
        missing('aws_security_group.web', 'sg-1'),
        missing('aws_instance.web', 'i-1'),
      ]),
    ).toEqual([{ address: 'aws_instance.web', referredBy: ['aws_eip.ip'] }]);
    expect(
      referredMissing(plan, [
        missing('aws_instance.web', 'i-1'),
        missing('aws_eip.ip', 'eipalloc-1'),
      ]),
    ).toEqual([]);
  });
});

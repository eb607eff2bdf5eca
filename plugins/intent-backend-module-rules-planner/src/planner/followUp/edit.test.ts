// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  planSchema,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { removeWithDependents, renameResource } from './edit';
import { targetInstances } from './targets';

const plan = planSchema.parse({
  formatVersion: 1,
  region: 'eu-west-1',
  resources: [
    { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
    {
      type: 'aws_subnet',
      name: 'private',
      vpc: 'aws_vpc.main',
      cidrBlock: '10.0.1.0/24',
    },
    { type: 'aws_security_group', name: 'web', vpc: 'aws_vpc.main' },
    { type: 'aws_security_group', name: 'shared', vpc: 'aws_vpc.main' },
    { type: 'aws_key_pair', name: 'sandbox' },
    ...['web_1', 'web_2'].map(name => ({
      type: 'aws_instance',
      name,
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      subnet: 'aws_subnet.private',
      securityGroups: ['aws_security_group.web', 'aws_security_group.shared'],
      keyPair: 'aws_key_pair.sandbox',
    })),
    {
      type: 'aws_instance',
      name: 'db',
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      securityGroups: ['aws_security_group.shared'],
    },
    { type: 'aws_ebs_volume', name: 'db_data', sizeGb: 10 },
    {
      type: 'aws_volume_attachment',
      name: 'db_data',
      volume: 'aws_ebs_volume.db_data',
      instance: 'aws_instance.db',
      deviceName: '/dev/sdf',
    },
    { type: 'aws_eip', name: 'db', instance: 'aws_instance.db' },
  ],
});

const addresses = (p: typeof plan) => p.resources.map(resourceAddress);

describe('removeWithDependents', () => {
  it('takes a machine’s attachment, volume and elastic IP with it', () => {
    const { plan: next, removed } = removeWithDependents(plan, [
      'aws_instance.db',
    ]);
    expect(removed).toEqual([
      'aws_instance.db',
      'aws_ebs_volume.db_data',
      'aws_volume_attachment.db_data',
      'aws_eip.db',
    ]);
    expect(addresses(next)).toContain('aws_security_group.shared');
  });

  it('removes security groups and key pairs that served only removed machines', () => {
    const { removed } = removeWithDependents(plan, [
      'aws_instance.web_1',
      'aws_instance.web_2',
    ]);
    expect(removed).toEqual([
      'aws_security_group.web',
      'aws_key_pair.sandbox',
      'aws_instance.web_1',
      'aws_instance.web_2',
    ]);
  });

  it('drops references to a removed security group or key pair', () => {
    const { plan: next } = removeWithDependents(plan, [
      'aws_security_group.shared',
      'aws_key_pair.sandbox',
    ]);
    expect(next.resources.find(r => r.name === 'web_1')).toMatchObject({
      securityGroups: ['aws_security_group.web'],
    });
    expect(next.resources.find(r => r.name === 'web_1')).not.toHaveProperty(
      'keyPair',
    );
    expect(planSchema.safeParse(next).success).toBe(true);
  });

  it('removes the subnets of a removed VPC and unsets what referred to them', () => {
    const { plan: next, removed } = removeWithDependents(plan, [
      'aws_vpc.main',
    ]);
    expect(removed).toEqual(['aws_vpc.main', 'aws_subnet.private']);
    expect(planSchema.safeParse(next).success).toBe(true);
  });
});

describe('renameResource', () => {
  it('renames and updates every reference', () => {
    const next = renameResource(plan, 'aws_security_group.shared', 'base');
    expect(next.resources.find(r => r.name === 'db')).toMatchObject({
      securityGroups: ['aws_security_group.base'],
    });
    const moved = renameResource(plan, 'aws_instance.db', 'postgres');
    expect(moved.resources.find(r => r.type === 'aws_eip')).toMatchObject({
      instance: 'aws_instance.postgres',
    });
    expect(planSchema.safeParse(moved).success).toBe(true);
  });
});

describe('targetInstances', () => {
  it.each([
    ['make web_2 bigger', ['aws_instance.web_2']],
    ['make web 1 bigger', ['aws_instance.web_1']],
    ['resize the web servers', ['aws_instance.web_1', 'aws_instance.web_2']],
    ['resize the db', ['aws_instance.db']],
    [
      'resize all of them',
      ['aws_instance.web_1', 'aws_instance.web_2', 'aws_instance.db'],
    ],
  ])('%j → %j', (clause, targets) => {
    expect(targetInstances(plan, clause).targets).toEqual(targets);
  });

  it('uses the machines of the previous instruction for "it"', () => {
    expect(
      targetInstances(plan, 'make it bigger', ['aws_instance.db']).targets,
    ).toEqual(['aws_instance.db']);
  });

  it('asks which machine when it cannot tell', () => {
    const found = targetInstances(plan, 'make it bigger');
    expect(found.targets).toEqual([]);
    expect(found.notes.questions[0]).toContain('web_1, web_2, db');
  });
});

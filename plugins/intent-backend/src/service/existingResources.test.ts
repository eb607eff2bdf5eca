// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import {
  PlanInput,
  planSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { resolveExisting } from './existingResources';

const REGION = 'eu-west-1';

function plan(existing: PlanInput['existing']) {
  return planSchema.parse({
    formatVersion: 1,
    region: REGION,
    resources: [],
    existing,
  });
}

describe('resolveExisting', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let cloud: SimulatedCloudProvider;

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    cloud = await SimulatedCloudProvider.create({
      knex,
      options: { bootMillis: 0 },
    });
  });

  afterEach(async () => {
    await knex?.destroy();
  });

  it('resolves the seeded key pair, default VPC, default subnet and default group', async () => {
    const result = await resolveExisting(
      plan([
        {
          type: 'aws_key_pair',
          name: 'laptop',
          lookup: { name: 'dev-laptop' },
        },
        { type: 'aws_vpc', name: 'default', lookup: { default: true } },
        { type: 'aws_subnet', name: 'default', lookup: { default: true } },
        {
          type: 'aws_security_group',
          name: 'default',
          lookup: { name: 'default' },
        },
      ]),
      cloud,
      REGION,
    );
    expect(result.questions).toEqual([]);
    expect(result.resolved).toEqual({
      'data.aws_key_pair.laptop': expect.stringMatching(/^key-0/),
      'data.aws_vpc.default': expect.stringMatching(/^vpc-0/),
      'data.aws_subnet.default': expect.stringMatching(/^subnet-0/),
      'data.aws_security_group.default': expect.stringMatching(/^sg-0/),
    });
    expect(result.found['data.aws_vpc.default'].attributes).toMatchObject({
      cidrBlock: '172.31.0.0/16',
      isDefault: true,
    });
    expect(result.found['data.aws_subnet.default'].attributes).toMatchObject({
      vpc: result.resolved['data.aws_vpc.default'],
      mapPublicIpOnLaunch: true,
      availabilityZone: 'eu-west-1a',
    });
  });

  it('finds by id what it found by name, in the same region only', async () => {
    const byName = await resolveExisting(
      plan([{ type: 'aws_vpc', name: 'main', lookup: { default: true } }]),
      cloud,
      REGION,
    );
    const id = byName.resolved['data.aws_vpc.main'];
    const byId = await resolveExisting(
      plan([{ type: 'aws_vpc', name: 'main', lookup: { id } }]),
      cloud,
      REGION,
    );
    expect(byId.resolved).toEqual({ 'data.aws_vpc.main': id });
    const elsewhere = await resolveExisting(
      plan([{ type: 'aws_vpc', name: 'main', lookup: { id } }]),
      cloud,
      'us-east-1',
    );
    expect(elsewhere.resolved).toEqual({});
    expect(elsewhere.questions).toEqual([
      `There is no VPC with id ${id} in us-east-1: name another or let the sandbox create one`,
    ]);
  });

  it('asks about a key pair the region does not have', async () => {
    const result = await resolveExisting(
      plan([
        { type: 'aws_key_pair', name: 'ci', lookup: { name: 'ci-deploy-key' } },
        {
          type: 'aws_key_pair',
          name: 'laptop',
          lookup: { name: 'dev-laptop' },
        },
      ]),
      cloud,
      REGION,
    );
    expect(result.questions).toEqual([
      'There is no key pair named ci-deploy-key in eu-west-1: name another or let the sandbox create one',
    ]);
    expect(Object.keys(result.resolved)).toEqual(['data.aws_key_pair.laptop']);
  });

  it('finds a key pair a session created under its own name', async () => {
    const state = await cloud.apply({
      region: REGION,
      change: {
        action: 'create',
        resource: {
          type: 'aws_key_pair',
          name: 'ci',
          keyName: 'ci-deploy-key',
          tags: {},
        },
        clientToken: 'token-1',
        tags: { [INTENT_TAGS.creationToken]: 'token-1' },
      },
      resolved: {},
    });
    const result = await resolveExisting(
      plan([
        { type: 'aws_key_pair', name: 'ci', lookup: { name: 'ci-deploy-key' } },
      ]),
      cloud,
      REGION,
    );
    expect(result.resolved).toEqual({ 'data.aws_key_pair.ci': state!.cloudId });
  });

  it('asks when the cloud cannot look existing resources up', async () => {
    const provider: CloudProvider = {
      id: 'other',
      simulated: true,
      resolveImage: async () => undefined,
      apply: async () => undefined,
      describe: async () => [],
    };
    const result = await resolveExisting(
      plan([{ type: 'aws_vpc', name: 'main', lookup: { default: true } }]),
      provider,
      REGION,
    );
    expect(result.questions).toEqual([
      'The other cloud cannot look up an existing default VPC: let the sandbox create one instead',
    ]);
  });

  it('resolves nothing for a plan without existing resources', async () => {
    expect(await resolveExisting({}, cloud, REGION)).toEqual({
      resolved: {},
      found: {},
      questions: [],
    });
  });
});

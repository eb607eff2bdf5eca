// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  instance,
  makePlan,
} from '@intent-sandboxes/backstage-plugin-intent-common/testUtils';
import { describeResource } from './DiffTable';
import { describeExisting } from './PlanSummary';

describe('describeResource', () => {
  it('names an instance, its pinned image, key pair and software', () => {
    const plan = makePlan(
      [
        instance('build_box_7', {
          tags: { Name: 'build-box-7' },
          image: {
            os: 'ubuntu',
            version: '24.04',
            architecture: 'x86_64',
            id: 'ami-0123456789abcdef0',
          },
          keyPair: 'data.aws_key_pair.dev_laptop',
          software: ['nginx', 'docker'],
        }),
      ],
      {
        existing: [
          {
            type: 'aws_key_pair',
            name: 'dev_laptop',
            lookup: { name: 'dev-laptop' },
          },
        ],
      },
    );
    expect(describeResource(plan.resources[0])).toBe(
      'Name=build-box-7, t3.micro, ubuntu 24.04 (x86_64), 8 GB gp3, image ami-0123456789abcdef0, key pair data.aws_key_pair.dev_laptop, software: nginx, docker',
    );
    expect(describeExisting(plan.existing[0])).toBe(
      'key pair named dev-laptop',
    );
  });

  it('describes the network that makes a public subnet work', () => {
    const plan = makePlan([
      { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
      {
        type: 'aws_subnet',
        name: 'public',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.0.1.0/24',
        mapPublicIpOnLaunch: true,
      },
      { type: 'aws_internet_gateway', name: 'main', vpc: 'aws_vpc.main' },
      {
        type: 'aws_route_table',
        name: 'public',
        vpc: 'aws_vpc.main',
        routes: [
          { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.main' },
        ],
      },
      {
        type: 'aws_route_table_association',
        name: 'public',
        subnet: 'aws_subnet.public',
        routeTable: 'aws_route_table.public',
      },
    ]);
    expect(plan.resources.slice(2).map(describeResource)).toEqual([
      'for aws_vpc.main',
      '0.0.0.0/0 → aws_internet_gateway.main',
      'aws_subnet.public → aws_route_table.public',
    ]);
  });

  it('says which existing resources a plan uses', () => {
    expect(
      describeExisting({
        type: 'aws_vpc',
        name: 'default',
        lookup: { default: true },
      }),
    ).toBe('the default VPC');
    expect(
      describeExisting({
        type: 'aws_subnet',
        name: 'subnet_0f1e2d3c',
        lookup: { id: 'subnet-0f1e2d3c' },
      }),
    ).toBe('subnet subnet-0f1e2d3c');
  });
});

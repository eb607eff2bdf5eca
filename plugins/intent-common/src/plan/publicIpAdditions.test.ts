// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { estimateCost } from '../cost';
import { instance, makePlan } from '../testUtils';
import { instancePublicIp, subnetInternetRoute } from './publicIp';

const vpc = {
  type: 'aws_vpc' as const,
  name: 'main',
  cidrBlock: '10.0.0.0/16',
};
const subnet = (mapPublicIpOnLaunch: boolean) => ({
  type: 'aws_subnet' as const,
  name: 'app',
  vpc: 'aws_vpc.main',
  cidrBlock: '10.0.1.0/24',
  mapPublicIpOnLaunch,
});
const igw = {
  type: 'aws_internet_gateway' as const,
  name: 'igw',
  vpc: 'aws_vpc.main',
};
const table = (routes: Array<{ cidrBlock: string; gateway: string }>) => ({
  type: 'aws_route_table' as const,
  name: 'rt',
  vpc: 'aws_vpc.main',
  routes,
});
const association = {
  type: 'aws_route_table_association' as const,
  name: 'app',
  subnet: 'aws_subnet.app',
  routeTable: 'aws_route_table.rt',
};
const routed = [
  igw,
  table([{ cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.igw' }]),
  association,
];
const web = instance('web', {
  associatePublicIp: undefined,
  subnet: 'aws_subnet.app',
});

describe('subnetInternetRoute', () => {
  it('is routed through an associated table with a route to an internet gateway', () => {
    const plan = makePlan([vpc, subnet(true), ...routed]);
    expect(subnetInternetRoute('aws_subnet.app', plan)).toEqual({
      routed: true,
      gateway: 'aws_internet_gateway.igw',
      reason:
        'aws_subnet.app routes 0.0.0.0/0 to aws_internet_gateway.igw through aws_route_table.rt',
    });
  });

  it('is not routed without an association, or with a table without such a route', () => {
    expect(
      subnetInternetRoute('aws_subnet.app', makePlan([vpc, subnet(true)])),
    ).toMatchObject({
      routed: false,
      reason: expect.stringContaining('no route table association'),
    });
    const plan = makePlan([vpc, subnet(true), igw, table([]), association]);
    expect(subnetInternetRoute('aws_subnet.app', plan)).toMatchObject({
      routed: false,
      reason:
        'aws_subnet.app uses aws_route_table.rt, which has no route to an internet gateway',
    });
  });

  it('counts subnets outside the plan, and subnets of an existing VPC, as routed', () => {
    expect(subnetInternetRoute('data.aws_subnet.x', makePlan([])).routed).toBe(
      true,
    );
    const plan = makePlan(
      [
        {
          ...subnet(true),
          vpc: 'data.aws_vpc.default',
          cidrBlock: '172.31.200.0/24',
        },
      ],
      {
        existing: [
          { type: 'aws_vpc', name: 'default', lookup: { default: true } },
        ],
      },
    );
    expect(subnetInternetRoute('aws_subnet.app', plan).routed).toBe(true);
  });
});

describe('instancePublicIp with internet gateways', () => {
  it('keeps counting an unset public IP in an auto-assigning subnet as public, routed or not', () => {
    const unrouted = instancePublicIp(
      makePlan([vpc, subnet(true), web]).resources[2] as never,
      makePlan([vpc, subnet(true), web]),
    );
    expect(unrouted).toMatchObject({ public: true, routedToInternet: false });
    expect(unrouted.reason).toContain('mapPublicIpOnLaunch: true');
    expect(unrouted.reason).toContain('(yet)');
    const plan = makePlan([vpc, subnet(true), ...routed, web]);
    const ip = instancePublicIp(plan.resources[5] as never, plan);
    expect(ip).toMatchObject({ public: true, routedToInternet: true });
    expect(ip.reason).toContain('routes 0.0.0.0/0 to aws_internet_gateway.igw');
  });

  it('keeps a subnet that does not assign public IPs private, even with a route', () => {
    const plan = makePlan([vpc, subnet(false), ...routed, web]);
    expect(instancePublicIp(plan.resources[5] as never, plan)).toMatchObject({
      public: false,
      routedToInternet: true,
    });
  });

  it('counts an existing subnet as public when unset', () => {
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
    expect(instancePublicIp(plan.resources[0] as never, plan)).toEqual({
      public: true,
      reason:
        'associatePublicIp is unset and the existing subnet data.aws_subnet.default may assign public IPs',
    });
  });
});

describe('estimateCost of network resources', () => {
  it('charges nothing for internet gateways, route tables and associations', () => {
    const estimate = estimateCost(makePlan([vpc, subnet(true), ...routed]));
    expect(estimate.hourlyUsd).toBe(0);
    expect(
      estimate.perResource.filter(r =>
        /internet_gateway|route_table/.test(r.address),
      ),
    ).toEqual([
      { address: 'aws_internet_gateway.igw', hourlyUsd: 0, basis: 'no charge' },
      { address: 'aws_route_table.rt', hourlyUsd: 0, basis: 'no charge' },
      {
        address: 'aws_route_table_association.app',
        hourlyUsd: 0,
        basis: 'no charge',
      },
    ]);
  });
});

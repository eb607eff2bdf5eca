// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  dataReferences,
  existingAddress,
  parsePlan,
  planSchema,
  references,
  resourceTypes,
} from './schema';

const instance = {
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
};

const network = [
  { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
  {
    type: 'aws_subnet',
    name: 'public',
    vpc: 'aws_vpc.main',
    cidrBlock: '10.0.1.0/24',
    mapPublicIpOnLaunch: true,
  },
  { type: 'aws_internet_gateway', name: 'igw', vpc: 'aws_vpc.main' },
  {
    type: 'aws_route_table',
    name: 'public',
    vpc: 'aws_vpc.main',
    routes: [{ cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.igw' }],
  },
  {
    type: 'aws_route_table_association',
    name: 'public',
    subnet: 'aws_subnet.public',
    routeTable: 'aws_route_table.public',
  },
];

const plan = (resources: unknown[], existing?: unknown[]) => ({
  formatVersion: 1,
  region: 'eu-west-1',
  resources,
  ...(existing ? { existing } : {}),
});

describe('plan schema additions', () => {
  it('keeps plans without the new fields valid, with defaults', () => {
    const result = parsePlan(plan([instance]));
    expect(result.ok && result.plan.existing).toEqual([]);
    expect(result.ok && result.plan.resources[0]).toMatchObject({
      software: [],
    });
    expect(
      result.ok && (result.plan.resources[0] as { userData?: string }).userData,
    ).toBeUndefined();
  });

  it('creates the internet gateway before the route table before the association', () => {
    const order = (t: string) => resourceTypes.indexOf(t as never);
    expect(order('aws_vpc')).toBeLessThan(order('aws_internet_gateway'));
    expect(order('aws_subnet')).toBeLessThan(order('aws_internet_gateway'));
    expect(order('aws_internet_gateway')).toBeLessThan(
      order('aws_route_table'),
    );
    expect(order('aws_route_table')).toBeLessThan(
      order('aws_route_table_association'),
    );
  });

  it('accepts a public network with its gateway, route table and association', () => {
    const result = parsePlan(plan(network));
    expect(result.ok).toBe(true);
    const parsed = planSchema.parse(plan(network));
    expect(parsed.resources.map(references)).toEqual([
      [],
      ['aws_vpc.main'],
      ['aws_vpc.main'],
      ['aws_vpc.main', 'aws_internet_gateway.igw'],
      ['aws_subnet.public', 'aws_route_table.public'],
    ]);
  });

  it('refuses a route to a gateway that is not in the plan, or not a gateway', () => {
    const routes = (gateway: string) =>
      parsePlan(
        plan([
          network[0],
          {
            type: 'aws_route_table',
            name: 'rt',
            vpc: 'aws_vpc.main',
            routes: [{ cidrBlock: '0.0.0.0/0', gateway }],
          },
        ]),
      );
    expect(routes('aws_internet_gateway.none')).toEqual({
      ok: false,
      problems: [
        'resources.1: aws_route_table.rt refers to aws_internet_gateway.none, which is not in the plan',
      ],
    });
    expect(routes('aws_vpc.main').ok).toBe(false);
  });

  it('accepts a key pair name of printable characters only', () => {
    const pair = (keyName: string) =>
      parsePlan(plan([{ type: 'aws_key_pair', name: 'ci', keyName }]));
    expect(pair('ci-deploy key (2026)').ok).toBe(true);
    expect(pair('').ok).toBe(false);
    expect(pair('a\nb').ok).toBe(false);
    expect(pair('x'.repeat(256)).ok).toBe(false);
  });

  describe('existing resources', () => {
    const existing = [
      { type: 'aws_key_pair', name: 'laptop', lookup: { name: 'dev-laptop' } },
      { type: 'aws_vpc', name: 'default', lookup: { default: true } },
      { type: 'aws_subnet', name: 'app', lookup: { id: 'subnet-0f1e2d3c' } },
      {
        type: 'aws_security_group',
        name: 'web',
        lookup: { id: 'sg-0a1b2c3d' },
      },
    ];
    const user = {
      ...instance,
      keyPair: 'data.aws_key_pair.laptop',
      subnet: 'data.aws_subnet.app',
      securityGroups: ['data.aws_security_group.web'],
    };

    it('lets resources refer to them as data addresses', () => {
      const parsed = planSchema.parse(
        plan(
          [
            user,
            {
              type: 'aws_subnet',
              name: 'extra',
              vpc: 'data.aws_vpc.default',
              cidrBlock: '172.31.200.0/24',
            },
          ],
          existing,
        ),
      );
      expect(parsed.existing.map(existingAddress)).toEqual([
        'data.aws_key_pair.laptop',
        'data.aws_vpc.default',
        'data.aws_subnet.app',
        'data.aws_security_group.web',
      ]);
      // Nothing creates them: they are not in the apply order.
      expect(references(parsed.resources[0])).toEqual([]);
      expect(dataReferences(parsed.resources[0])).toEqual([
        'data.aws_subnet.app',
        'data.aws_security_group.web',
        'data.aws_key_pair.laptop',
      ]);
    });

    it('refuses a data address that is not in existing', () => {
      expect(parsePlan(plan([user], existing.slice(0, 2)))).toEqual({
        ok: false,
        problems: [
          'resources.0: aws_instance.web refers to data.aws_subnet.app, which is not in existing',
          'resources.0: aws_instance.web refers to data.aws_security_group.web, which is not in existing',
        ],
      });
    });

    it('refuses a data address of the wrong type, and data addresses of types that cannot exist', () => {
      expect(
        parsePlan(
          plan([{ ...instance, keyPair: 'data.aws_vpc.default' }], existing),
        ).ok,
      ).toBe(false);
      expect(
        parsePlan(
          plan(
            [
              { type: 'aws_ebs_volume', name: 'data', sizeGb: 10 },
              {
                type: 'aws_volume_attachment',
                name: 'a',
                volume: 'data.aws_ebs_volume.data',
                instance: 'aws_instance.web',
                deviceName: '/dev/sdf',
              },
              instance,
            ],
            existing,
          ),
        ).ok,
      ).toBe(false);
    });

    it('wants exactly one of name, id and default, default only for a VPC or subnet, and ids of the type', () => {
      const one = (entry: unknown) => parsePlan(plan([], [entry]));
      expect(one({ type: 'aws_vpc', name: 'v', lookup: {} })).toEqual({
        ok: false,
        problems: [
          'existing.0.lookup: Give exactly one of name, id or default',
        ],
      });
      expect(
        one({
          type: 'aws_vpc',
          name: 'v',
          lookup: { name: 'main', id: 'vpc-0a1b2c3d' },
        }).ok,
      ).toBe(false);
      expect(
        one({ type: 'aws_key_pair', name: 'k', lookup: { default: true } }),
      ).toEqual({
        ok: false,
        problems: [
          'existing.0.lookup.default: Only an aws_vpc or aws_subnet can be looked up as the default, not an aws_key_pair',
        ],
      });
      expect(
        one({ type: 'aws_vpc', name: 'v', lookup: { id: 'subnet-0a1b2c3d' } }),
      ).toEqual({
        ok: false,
        problems: ['existing.0.lookup.id: An aws_vpc id starts with vpc-'],
      });
      expect(
        one({ type: 'aws_instance', name: 'i', lookup: { id: 'i-0a1b2c3d' } })
          .ok,
      ).toBe(false);
    });

    it('refuses duplicates and more than 20', () => {
      expect(parsePlan(plan([], [existing[0], existing[0]]))).toEqual({
        ok: false,
        problems: [
          'existing.1.name: Duplicate existing resource data.aws_key_pair.laptop: give each a unique name',
        ],
      });
      const many = Array.from({ length: 21 }, (_, i) => ({
        type: 'aws_key_pair',
        name: `k${i}`,
        lookup: { name: `key-${i}` },
      }));
      expect(parsePlan(plan([], many)).ok).toBe(false);
    });
  });

  describe('software', () => {
    it('accepts catalogue ids and refuses others', () => {
      expect(
        parsePlan(plan([{ ...instance, software: ['nginx', 'docker'] }])).ok,
      ).toBe(true);
      expect(parsePlan(plan([{ ...instance, software: ['mongodb'] }]))).toEqual(
        {
          ok: false,
          problems: [
            expect.stringMatching(
              /^resources\.0\.software: mongodb is not in the software catalogue/,
            ),
          ],
        },
      );
    });

    it('refuses software on Windows and what a distribution does not package', () => {
      const windows = {
        ...instance,
        image: {
          os: 'windows-server',
          version: '2022',
          architecture: 'x86_64',
        },
        software: ['git'],
      };
      expect(parsePlan(plan([windows])).ok).toBe(false);
      const rhel = {
        ...instance,
        image: { os: 'rhel', version: '9', architecture: 'x86_64' },
        software: ['docker'],
      };
      expect(parsePlan(plan([rhel]))).toEqual({
        ok: false,
        problems: [
          'resources.0.software: docker cannot be installed on rhel 9: RHEL does not package Docker (it ships Podman)',
        ],
      });
    });

    it('accepts at most 20 and user data of at most 16 KiB', () => {
      expect(
        parsePlan(plan([{ ...instance, software: Array(21).fill('git') }])).ok,
      ).toBe(false);
      expect(
        parsePlan(plan([{ ...instance, userData: 'x'.repeat(16385) }])).ok,
      ).toBe(false);
    });
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { PlanResourceInput } from '@intent-sandboxes/backstage-plugin-intent-common';
import { check, instance, makePlan } from '../__testUtils__/fixtures';
import { noOpenIngress, noPublicIp } from './network';

const vpc = {
  type: 'aws_vpc',
  name: 'main',
  cidrBlock: '10.0.0.0/16',
} as const;

function subnet(mapPublicIpOnLaunch: boolean) {
  return {
    type: 'aws_subnet',
    name: 'app',
    vpc: 'aws_vpc.main',
    cidrBlock: '10.0.1.0/24',
    mapPublicIpOnLaunch,
  } as const;
}

describe('no-public-ip', () => {
  it('flags an explicit public IP', () => {
    const plan = makePlan([instance('web', { associatePublicIp: true })]);
    expect(check(noPublicIp, plan)).toEqual([
      {
        address: 'aws_instance.web',
        field: 'associatePublicIp',
        message:
          'aws_instance.web gets a public IP address: associatePublicIp is true',
        fix: expect.stringContaining('Set associatePublicIp: false'),
        checkIds: ['CKV_AWS_88', 'AVD-AWS-0009'],
      },
    ]);
  });

  it('counts an unset public IP in the default subnet as public', () => {
    const plan = makePlan([instance('web', { associatePublicIp: undefined })]);
    expect(check(noPublicIp, plan)).toEqual([
      expect.objectContaining({
        address: 'aws_instance.web',
        message: expect.stringContaining("the region's default subnet"),
        fix: expect.stringContaining('mapPublicIpOnLaunch: false'),
        checkIds: expect.arrayContaining(['CKV_AWS_130', 'AVD-AWS-0164']),
      }),
    ]);
  });

  it('counts an unset public IP in an auto-assigning subnet as public', () => {
    const plan = makePlan([
      vpc,
      subnet(true),
      instance('web', {
        associatePublicIp: undefined,
        subnet: 'aws_subnet.app',
      }),
    ]);
    expect(check(noPublicIp, plan)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'aws_subnet.app has mapPublicIpOnLaunch: true',
        ),
      }),
    ]);
  });

  it('accepts an unset public IP in a subnet that does not assign one', () => {
    const plan = makePlan([
      vpc,
      subnet(false),
      instance('web', {
        associatePublicIp: undefined,
        subnet: 'aws_subnet.app',
      }),
    ]);
    expect(check(noPublicIp, plan)).toEqual([]);
  });

  it('accepts an explicit private instance, even in an auto-assigning subnet', () => {
    const plan = makePlan([
      vpc,
      subnet(true),
      instance('web', { associatePublicIp: false, subnet: 'aws_subnet.app' }),
    ]);
    expect(check(noPublicIp, plan)).toEqual([]);
  });

  it('flags an Elastic IP attached to an instance, not a detached one', () => {
    const plan = makePlan([
      instance('web'),
      { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
      { type: 'aws_eip', name: 'spare' },
    ]);
    expect(check(noPublicIp, plan)).toEqual([
      expect.objectContaining({
        address: 'aws_eip.ip',
        field: 'instance',
        message: 'aws_eip.ip gives aws_instance.web a public IP address',
      }),
    ]);
  });
});

describe('no-open-ingress', () => {
  type RuleInput = NonNullable<
    Extract<PlanResourceInput, { type: 'aws_security_group' }>['ingress']
  >[number];

  function group(ingress: RuleInput[]) {
    return makePlan([{ type: 'aws_security_group', name: 'sg', ingress }]);
  }
  const rule = (fields: Partial<RuleInput>): RuleInput => ({
    protocol: 'tcp',
    fromPort: 22,
    toPort: 22,
    cidrBlocks: ['0.0.0.0/0'],
    ...fields,
  });

  it('flags SSH from 0.0.0.0/0 with the offending field', () => {
    expect(check(noOpenIngress, group([rule({})]))).toEqual([
      {
        address: 'aws_security_group.sg',
        field: 'ingress[0].cidrBlocks',
        message: 'aws_security_group.sg allows 22 (SSH) from 0.0.0.0/0',
        fix: expect.stringContaining('203.0.113.4/32'),
      },
    ]);
  });

  it('flags RDP from ::/0', () => {
    const findings = check(
      noOpenIngress,
      group([
        rule({
          fromPort: 3389,
          toPort: 3389,
          cidrBlocks: [],
          ipv6CidrBlocks: ['::/0'],
        }),
      ]),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        field: 'ingress[0].ipv6CidrBlocks',
        message: 'aws_security_group.sg allows 3389 (RDP) from ::/0',
      }),
    ]);
  });

  it('flags a port range that covers SSH and RDP', () => {
    const findings = check(
      noOpenIngress,
      group([rule({ fromPort: 20, toPort: 4000 })]),
    );
    expect(findings.map(f => f.message)).toEqual([
      'aws_security_group.sg allows 22 (SSH) and 3389 (RDP) from 0.0.0.0/0',
    ]);
  });

  it('flags all ports, by protocol all or by the full range', () => {
    const findings = check(
      noOpenIngress,
      group([
        rule({ protocol: 'all', fromPort: 0, toPort: 0 }),
        rule({ protocol: 'udp', fromPort: 0, toPort: 65535 }),
      ]),
    );
    expect(findings.map(f => [f.field, f.message])).toEqual([
      [
        'ingress[0].cidrBlocks',
        'aws_security_group.sg allows all ports from 0.0.0.0/0',
      ],
      [
        'ingress[1].cidrBlocks',
        'aws_security_group.sg allows all ports from 0.0.0.0/0',
      ],
    ]);
  });

  it('accepts SSH from one address, HTTPS from anywhere and ICMP from anywhere', () => {
    expect(
      check(
        noOpenIngress,
        group([
          rule({ cidrBlocks: ['203.0.113.4/32'] }),
          rule({ fromPort: 443, toPort: 443 }),
          rule({ protocol: 'icmp', fromPort: -1, toPort: -1 }),
        ]),
      ),
    ).toEqual([]);
  });

  describe('judges the union of the sources by the share of the address space', () => {
    it('flags SSH from 0.0.0.0/1 and 128.0.0.0/1, together all of IPv4', () => {
      expect(
        check(
          noOpenIngress,
          group([rule({ cidrBlocks: ['0.0.0.0/1', '128.0.0.0/1'] })]),
        ),
      ).toEqual([
        {
          address: 'aws_security_group.sg',
          field: 'ingress[0].cidrBlocks',
          message:
            'aws_security_group.sg allows 22 (SSH) from 0.0.0.0/1, 128.0.0.0/1 (together all of the IPv4 address space)',
          fix: expect.stringContaining('203.0.113.4/32'),
        },
      ]);
    });

    it('flags many /2s and overlapping ranges, merged before they are measured', () => {
      const findings = check(
        noOpenIngress,
        group([
          rule({
            cidrBlocks: [
              '0.0.0.0/2',
              '64.0.0.0/2',
              '128.0.0.0/2',
              '192.0.0.0/2',
            ],
          }),
          // Overlapping: the /2 already holds the /3 and the /16, so the
          // union is half of IPv4, not more.
          rule({
            cidrBlocks: [
              '64.0.0.0/2',
              '64.0.0.0/3',
              '64.1.0.0/16',
              '128.0.0.0/2',
            ],
          }),
        ]),
      );
      expect(findings.map(f => f.message)).toEqual([
        'aws_security_group.sg allows 22 (SSH) from 0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/2, 192.0.0.0/2 (together all of the IPv4 address space)',
        'aws_security_group.sg allows 22 (SSH) from 64.0.0.0/2, 64.0.0.0/3, 64.1.0.0/16, 128.0.0.0/2 (together 50% of the IPv4 address space)',
      ]);
    });

    it('flags IPv6 halves, ::/0 and a large IPv6 share, each family on its own', () => {
      const findings = check(
        noOpenIngress,
        group([
          rule({ cidrBlocks: [], ipv6CidrBlocks: ['::/1', '8000::/1'] }),
          rule({ cidrBlocks: [], ipv6CidrBlocks: ['::/0'] }),
          rule({ cidrBlocks: [], ipv6CidrBlocks: ['2000::/4'] }),
        ]),
      );
      expect(findings.map(f => [f.field, f.message])).toEqual([
        [
          'ingress[0].ipv6CidrBlocks',
          'aws_security_group.sg allows 22 (SSH) from ::/1, 8000::/1 (together all of the IPv6 address space)',
        ],
        [
          'ingress[1].ipv6CidrBlocks',
          'aws_security_group.sg allows 22 (SSH) from ::/0',
        ],
        [
          'ingress[2].ipv6CidrBlocks',
          'aws_security_group.sg allows 22 (SSH) from 2000::/4 (together 6.25% of the IPv6 address space)',
        ],
      ]);
    });

    it('flags a mix of small and large ranges by what the large ones add up to', () => {
      const findings = check(
        noOpenIngress,
        group([
          rule({
            cidrBlocks: ['203.0.113.4/32', '1.0.0.0/9', '1.128.0.0/9'],
            ipv6CidrBlocks: ['2001:db8::/32'],
          }),
        ]),
      );
      expect(findings).toEqual([
        expect.objectContaining({
          field: 'ingress[0].cidrBlocks',
          message:
            'aws_security_group.sg allows 22 (SSH) from 203.0.113.4/32, 1.0.0.0/9, 1.128.0.0/9 (together 0.391% of the IPv4 address space)',
        }),
      ]);
    });

    it('accepts a documentation /24, two /10s apart, private ranges and a small IPv6 prefix', () => {
      expect(
        check(
          noOpenIngress,
          group([
            rule({ cidrBlocks: ['203.0.113.0/24'] }),
            rule({ cidrBlocks: ['1.0.0.0/10', '3.0.0.0/10'] }),
            rule({
              cidrBlocks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
            }),
            rule({
              cidrBlocks: [],
              ipv6CidrBlocks: ['2001:db8::/32', 'fc00::/7'],
            }),
          ]),
        ),
      ).toEqual([]);
    });

    it('follows openIngressPrefixLength', () => {
      const plan = group([rule({ cidrBlocks: ['198.51.0.0/16'] })]);
      expect(check(noOpenIngress, plan)).toEqual([]);
      expect(
        check(noOpenIngress, plan, { limits: { openIngressPrefixLength: 16 } }),
      ).toEqual([
        expect.objectContaining({
          message:
            'aws_security_group.sg allows 22 (SSH) from 198.51.0.0/16 (together 0.00153% of the IPv4 address space)',
        }),
      ]);
      expect(
        check(noOpenIngress, group([rule({ cidrBlocks: ['0.0.0.0/1'] })]), {
          limits: { openIngressPrefixLength: 0 },
        }),
      ).toEqual([]);
    });

    it('treats an unreadable CIDR as open, failing closed', () => {
      expect(
        check(noOpenIngress, group([rule({ cidrBlocks: ['0.0.0.0/33'] })])),
      ).toEqual([
        expect.objectContaining({
          message:
            'aws_security_group.sg allows 22 (SSH) from 0.0.0.0/33 (0.0.0.0/33 is not a valid CIDR block, so counted as open)',
        }),
      ]);
    });
  });

  it('does not look at egress', () => {
    const plan = makePlan([
      {
        type: 'aws_security_group',
        name: 'sg',
        egress: [rule({ protocol: 'all', fromPort: 0, toPort: 0 })],
      },
    ]);
    expect(check(noOpenIngress, plan)).toEqual([]);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  instancePublicIp,
  resourceAddress,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { resourcesOfType } from './resources';
import { BaselineRule, BaselineViolation } from './types';

const REACH_PRIVATELY =
  'reach the instance through SSM Session Manager, a VPN or a bastion';

/** No EC2 instance with a public IP address, counting "unset" in an auto-assigning subnet and Elastic IPs. @internal */
export const noPublicIp: BaselineRule = {
  id: 'no-public-ip',
  title: 'EC2 instances have no public IP address',
  checkIds: ['CKV_AWS_88', 'AVD-AWS-0009', 'CKV_AWS_130', 'AVD-AWS-0164'],
  check({ plan }) {
    const fromInstances = resourcesOfType(plan, 'aws_instance').flatMap(
      (instance): BaselineViolation[] => {
        const ip = instancePublicIp(instance, plan);
        if (!ip.public) {
          return [];
        }
        const unset = instance.associatePublicIp === undefined;
        return [
          {
            address: resourceAddress(instance),
            field: 'associatePublicIp',
            message: `${resourceAddress(instance)} gets a public IP address: ${
              ip.reason
            }`,
            fix: `Set associatePublicIp: false and ${REACH_PRIVATELY}${
              unset
                ? ', or launch it in a subnet with mapPublicIpOnLaunch: false'
                : ''
            }`,
            checkIds: unset
              ? ['CKV_AWS_88', 'AVD-AWS-0009', 'CKV_AWS_130', 'AVD-AWS-0164']
              : ['CKV_AWS_88', 'AVD-AWS-0009'],
          },
        ];
      },
    );
    const fromElasticIps = resourcesOfType(plan, 'aws_eip').flatMap(
      (eip): BaselineViolation[] =>
        eip.instance
          ? [
              {
                address: resourceAddress(eip),
                field: 'instance',
                message: `${resourceAddress(eip)} gives ${
                  eip.instance
                } a public IP address`,
                fix: `Remove the Elastic IP and ${REACH_PRIVATELY}`,
                checkIds: ['CKV_AWS_88', 'AVD-AWS-0009'],
              },
            ]
          : [],
    );
    return [...fromInstances, ...fromElasticIps];
  },
};

const ADMIN_PORTS: Array<[number, string]> = [
  [22, '22 (SSH)'],
  [3389, '3389 (RDP)'],
];

/** The ports of a rule this baseline guards: all ports, or SSH and RDP. */
function guardedPorts(rule: SecurityGroupRule): string[] {
  if (rule.protocol === 'all') {
    return ['all ports'];
  }
  if (rule.protocol === 'icmp') {
    return [];
  }
  if (rule.fromPort <= 0 && rule.toPort >= 65535) {
    return ['all ports'];
  }
  return ADMIN_PORTS.filter(
    ([port]) => rule.fromPort <= port && port <= rule.toPort,
  ).map(([, label]) => label);
}

const isAnywhere = (cidr: string) => cidr.trim().endsWith('/0');

/** No ingress from 0.0.0.0/0 or ::/0 to SSH, RDP or all ports. @internal */
export const noOpenIngress: BaselineRule = {
  id: 'no-open-ingress',
  title: 'No SSH, RDP or all-ports ingress from anywhere',
  checkIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277', 'AVD-AWS-0107'],
  check({ plan }) {
    return resourcesOfType(plan, 'aws_security_group').flatMap(group =>
      group.ingress.flatMap((rule, index) => {
        const ports = guardedPorts(rule);
        if (ports.length === 0) {
          return [];
        }
        const blocks = [
          ['cidrBlocks', rule.cidrBlocks],
          ['ipv6CidrBlocks', rule.ipv6CidrBlocks],
        ] as const;
        return blocks.flatMap(([field, cidrs]) => {
          const open = cidrs.filter(isAnywhere);
          return open.length === 0
            ? []
            : [
                {
                  address: resourceAddress(group),
                  field: `ingress[${index}].${field}`,
                  message: `${resourceAddress(group)} allows ${ports.join(
                    ' and ',
                  )} from ${open.join(', ')}`,
                  fix: 'Allow only the addresses that need access, such as your own IP as 203.0.113.4/32',
                },
              ];
        });
      }),
    );
  },
};

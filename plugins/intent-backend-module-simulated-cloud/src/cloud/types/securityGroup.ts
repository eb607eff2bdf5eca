// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsSecurityGroup,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { stableHex } from '../catalog';
import { defaultVpc, newCloudId } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { live, NOT_FOUND, TypeRules } from './rules';

function describeRule(rule: SecurityGroupRule, cidr: string) {
  const protocol =
    rule.protocol === 'all' ? 'ALL' : rule.protocol.toUpperCase();
  return `peer: ${cidr}, ${protocol}, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW`;
}

function checkRules(rules: SecurityGroupRule[]) {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (
      (rule.protocol === 'tcp' || rule.protocol === 'udp') &&
      rule.fromPort < 0
    ) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${rule.fromPort}' for portRange. Must specify both from and to ports with TCP/UDP.`,
      );
    }
    if (
      rule.protocol === 'icmp' &&
      (rule.fromPort > 255 || rule.toPort > 255)
    ) {
      throw error(
        'InvalidParameterValue',
        `Invalid value '${rule.fromPort}' for ICMP type; it must be between -1 and 255.`,
      );
    }
    for (const cidr of [...rule.cidrBlocks, ...rule.ipv6CidrBlocks]) {
      if (!cidr.includes(':')) {
        const [address, prefix] = cidr.split('/');
        if (
          address.split('.').some(o => Number(o) > 255) ||
          Number(prefix) > 32
        ) {
          throw error(
            'InvalidParameterValue',
            `CIDR block ${cidr} is malformed`,
          );
        }
      }
      const ports =
        rule.protocol === 'all' ? 'all' : `${rule.fromPort}-${rule.toPort}`;
      const key = `${rule.protocol}/${ports}/${cidr}`;
      if (seen.has(key)) {
        throw error(
          'InvalidPermission.Duplicate',
          `the specified rule "${describeRule(rule, cidr)}" already exists`,
        );
      }
      seen.add(key);
    }
  }
}

/** Security groups: CreateSecurityGroup, no client token. */
export const securityGroupRules: TypeRules<AwsSecurityGroup> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_security_group,
  conflict: initial =>
    error(
      'InvalidGroup.Duplicate',
      `The security group '${initial.facts.groupName}' already exists for VPC`,
    ),
  async desired(resource, ctx) {
    const vpc = resource.vpc
      ? (await live(ctx, 'aws_vpc', ctx.resolve(resource.vpc))).id
      : defaultVpc(ctx.region).id;
    checkRules(resource.ingress);
    checkRules(resource.egress);
    return {
      description: resource.description,
      vpc,
      ingress: resource.ingress,
      egress: resource.egress,
    };
  },
  initial(resource, desired, ctx) {
    const id = newCloudId('sg');
    const given = resource.tags.Name;
    return {
      id,
      // A group name is unique in its VPC.
      liveKey: given
        ? `aws_security_group:${desired.vpc}:${given}`
        : `aws_security_group:${id}`,
      state: 'available',
      transitionAt: null,
      facts: {
        groupName: given ?? `${resource.name}-${stableHex(ctx.clientToken, 8)}`,
      },
    };
  },
};

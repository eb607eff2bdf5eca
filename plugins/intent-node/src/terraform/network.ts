// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInternetGateway,
  AwsRouteTable,
  AwsRouteTableAssociation,
  AwsSecurityGroup,
  AwsSubnet,
  AwsVpc,
  resourceAddress,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  nestedBlock,
  outputsFor,
  resourceBlock,
  resourceTerraform,
  stringAttribute,
} from './common';
import type {
  ResourceExporter,
  TerraformExportContext,
  TerraformImport,
} from './types';

/** Import of a resource whose import id is its cloud id (`vpc-…`, `sg-…`, `i-…`). */
export function importByCloudId(
  context: TerraformExportContext,
  address: string,
): TerraformImport[] {
  const live = context.live(address);
  return live?.cloudId
    ? [{ to: address, id: context.importId(address, live.cloudId) }]
    : [];
}

/** `aws_vpc`: imported by its id `vpc-…`. @public */
export const exportVpc: ResourceExporter<AwsVpc> = (vpc, context) => {
  const address = resourceAddress(vpc);
  return resourceTerraform({
    blocks: [
      resourceBlock(context, vpc.type, vpc.name, {
        cidr_block: vpc.cidrBlock,
        tags: context.tags(address, vpc.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [['id', `ID of the VPC ${vpc.name}`]]),
  });
};

/** `aws_subnet`: imported by its id `subnet-…`. @public */
export const exportSubnet: ResourceExporter<AwsSubnet> = (subnet, context) => {
  const address = resourceAddress(subnet);
  return resourceTerraform({
    blocks: [
      resourceBlock(context, subnet.type, subnet.name, {
        vpc_id: context.ref(subnet.vpc),
        cidr_block: subnet.cidrBlock,
        // Forces a replacement when it differs: the zone the subnet got.
        availability_zone:
          subnet.availabilityZone ??
          stringAttribute(context.actual(address), 'availabilityZone'),
        map_public_ip_on_launch: subnet.mapPublicIpOnLaunch,
        tags: context.tags(address, subnet.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [['id', `ID of the subnet ${subnet.name}`]]),
  });
};

/** `aws_internet_gateway`, attached to its VPC; imported by `igw-…`. @public */
export const exportInternetGateway: ResourceExporter<AwsInternetGateway> = (
  gateway,
  context,
) => {
  const address = resourceAddress(gateway);
  return resourceTerraform({
    blocks: [
      resourceBlock(context, gateway.type, gateway.name, {
        vpc_id: context.ref(gateway.vpc),
        tags: context.tags(address, gateway.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [
      ['id', `ID of the internet gateway ${gateway.name}`],
    ]),
  });
};

/**
 * `aws_route_table` with one `route` block per route (to an internet
 * gateway); imported by `rtb-…`.
 *
 * @public
 */
export const exportRouteTable: ResourceExporter<AwsRouteTable> = (
  table,
  context,
) => {
  const address = resourceAddress(table);
  return resourceTerraform({
    blocks: [
      resourceBlock(
        context,
        table.type,
        table.name,
        {
          vpc_id: context.ref(table.vpc),
          tags: context.tags(address, table.tags),
        },
        table.routes.map(route =>
          nestedBlock('route', {
            cidr_block: route.cidrBlock,
            gateway_id: context.ref(route.gateway),
          }),
        ),
      ),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [
      ['id', `ID of the route table ${table.name}`],
    ]),
  });
};

/**
 * `aws_route_table_association` of a subnet; imported by
 * `subnet-…/rtb-…` (the provider's import id), from the live ids of both.
 *
 * @public
 */
export const exportRouteTableAssociation: ResourceExporter<
  AwsRouteTableAssociation
> = (association, context) => {
  const address = resourceAddress(association);
  const live = context.live(address);
  const actual = context.actual(address);
  const subnetId =
    stringAttribute(actual, 'subnet') ??
    context.live(association.subnet)?.cloudId;
  const tableId =
    stringAttribute(actual, 'routeTable') ??
    context.live(association.routeTable)?.cloudId;
  return resourceTerraform({
    blocks: [
      resourceBlock(context, association.type, association.name, {
        subnet_id: context.ref(association.subnet),
        route_table_id: context.ref(association.routeTable),
      }),
    ],
    imports:
      live?.cloudId && subnetId && tableId
        ? [
            {
              to: address,
              id: context.importId(address, `${subnetId}/${tableId}`),
            },
          ]
        : [],
    outputs: outputsFor(address, [
      ['id', `ID of the route table association ${association.name}`],
    ]),
  });
};

/**
 * A rule as the cloud reports it (EC2 `DescribeSecurityGroupRules`), in the
 * security group's actual attribute `securityGroupRules`; lets the export
 * import each rule by its `sgr-…` id.
 *
 * @public
 */
export interface LiveSecurityGroupRule {
  securityGroupRuleId?: string;
  isEgress?: boolean;
  ipProtocol?: string;
  fromPort?: number;
  toPort?: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
}

const PROTOCOL_NUMBERS: Record<string, string> = {
  '-1': 'all',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
};

function ipProtocol(rule: SecurityGroupRule): string {
  return rule.protocol === 'all' ? '-1' : rule.protocol;
}

function liveRules(actual: Record<string, unknown>): LiveSecurityGroupRule[] {
  const rules = actual.securityGroupRules;
  return Array.isArray(rules)
    ? rules.filter(
        (r): r is LiveSecurityGroupRule => typeof r === 'object' && r !== null,
      )
    : [];
}

/** The `sgr-…` id of the live rule matching a planned one, when the cloud reported it. */
function findRuleId(
  live: LiveSecurityGroupRule[],
  egress: boolean,
  rule: SecurityGroupRule,
  cidr: { ipv4?: string; ipv6?: string },
): string | undefined {
  const match = live.find(l => {
    const protocol =
      PROTOCOL_NUMBERS[l.ipProtocol ?? ''] ?? l.ipProtocol?.toLowerCase();
    return (
      Boolean(l.isEgress) === egress &&
      protocol === rule.protocol &&
      (rule.protocol === 'all' ||
        (l.fromPort === rule.fromPort && l.toPort === rule.toPort)) &&
      (l.cidrIpv4 ?? undefined) === cidr.ipv4 &&
      (l.cidrIpv6?.toLowerCase() ?? undefined) === cidr.ipv6?.toLowerCase()
    );
  });
  return match?.securityGroupRuleId;
}

/**
 * `aws_security_group` with its rules as separate
 * `aws_vpc_security_group_ingress_rule` / `aws_vpc_security_group_egress_rule`
 * resources, one per CIDR block (the provider's current practice; no inline
 * rules). The group is imported by `sg-…`; each rule by its `sgr-…` id when
 * the cloud reported it, else a note in `imports.tf` says how to find it.
 *
 * @public
 */
export const exportSecurityGroup: ResourceExporter<AwsSecurityGroup> = (
  group,
  context,
) => {
  const address = resourceAddress(group);
  const actual = context.actual(address);
  const live = context.live(address);
  const reported = liveRules(actual);
  const result = resourceTerraform({
    blocks: [
      resourceBlock(context, group.type, group.name, {
        // Name and description force a replacement: the Name tag when the
        // plan gives one (the group's cloud name), else the live name.
        name: group.tags.Name ?? stringAttribute(actual, 'groupName'),
        description: group.description,
        vpc_id: group.vpc ? context.ref(group.vpc) : undefined,
        tags: context.tags(address, group.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [
      ['id', `ID of the security group ${group.name}`],
    ]),
  });
  const missing: string[] = [];
  for (const [direction, rules] of [
    ['ingress', group.ingress],
    ['egress', group.egress],
  ] as const) {
    const type = `aws_vpc_security_group_${direction}_rule`;
    let index = 0;
    for (const rule of rules) {
      const cidrs = [
        ...rule.cidrBlocks.map(ipv4 => ({ ipv4, ipv6: undefined })),
        ...rule.ipv6CidrBlocks.map(ipv6 => ({ ipv4: undefined, ipv6 })),
      ];
      for (const cidr of cidrs) {
        const name = `${group.name}_${direction}_${index++}`;
        const ruleAddress = `${type}.${name}`;
        const all = rule.protocol === 'all';
        result.blocks.push(
          resourceBlock(context, type, name, {
            security_group_id: context.ref(address),
            description: rule.description,
            ip_protocol: ipProtocol(rule),
            // "-1" means every protocol and port: the provider wants no ports then.
            from_port: all ? undefined : rule.fromPort,
            to_port: all ? undefined : rule.toPort,
            cidr_ipv4: cidr.ipv4,
            cidr_ipv6: cidr.ipv6,
          }),
        );
        if (!live?.cloudId) {
          continue;
        }
        const id = findRuleId(reported, direction === 'egress', rule, cidr);
        if (id) {
          result.imports.push({
            to: ruleAddress,
            id: context.importId(address, id),
          });
        } else {
          missing.push(ruleAddress);
        }
      }
    }
  }
  if (missing.length > 0 && live?.cloudId) {
    result.importNotes.push(
      `The ids of these rules of ${
        live.cloudId
      } were not recorded: ${missing.join(
        ', ',
      )}. Find them with \`aws ec2 describe-security-group-rules --filters Name=group-id,Values=${
        live.cloudId
      }\` and add an import block per rule (id = "sgr-..."); without one, the first apply tries to create the rule and EC2 answers InvalidPermission.Duplicate.`,
    );
  }
  return result;
};

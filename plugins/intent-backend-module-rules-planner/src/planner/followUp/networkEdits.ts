// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsInstance,
  AwsSecurityGroup,
  AwsSubnet,
  AwsVpc,
  Plan,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { assume, Notes } from '../notes';
import { DEFAULT_VPC_CIDR, subnetCidr } from '../rules/network';
import {
  addResources,
  Edit,
  findResource,
  record,
  updateResource,
  withNotes,
} from './edit';
import { targetInstances } from './targets';

const PLACE =
  /\b(?:put|move|place|run|launch|deploy|switch)\b[^,;]*?\b(?:in|into|on|to)\s+(?:a |the |its own |a new |a separate )?(private|public) subnet\b/;

function ensureVpc(plan: Plan): {
  plan: Plan;
  vpc: AwsVpc;
  changes: string[];
  notes: Notes[];
} {
  const existing = plan.resources.find(
    (r): r is AwsVpc => r.type === 'aws_vpc',
  );
  if (existing) {
    return { plan, vpc: existing, changes: [], notes: [] };
  }
  const vpc: AwsVpc = {
    type: 'aws_vpc',
    name: 'main',
    cidrBlock: DEFAULT_VPC_CIDR,
    tags: {},
  };
  return {
    plan: addResources(plan, [vpc]),
    vpc,
    changes: [`+ aws_vpc.main (${DEFAULT_VPC_CIDR})`],
    notes: [
      assume(
        'aws_vpc.main.cidrBlock',
        DEFAULT_VPC_CIDR,
        'A VPC was needed without a CIDR block',
      ),
    ],
  };
}

function ensureSubnet(
  plan: Plan,
  vpc: AwsVpc,
  kind: 'private' | 'public',
): { plan: Plan; subnet: AwsSubnet; changes: string[]; notes: Notes[] } {
  const subnets = plan.resources.filter(
    (r): r is AwsSubnet => r.type === 'aws_subnet',
  );
  const existing = subnets.find(
    s => s.mapPublicIpOnLaunch === (kind === 'public'),
  );
  if (existing) {
    return { plan, subnet: existing, changes: [], notes: [] };
  }
  const used = new Set(subnets.map(s => s.cidrBlock));
  let index = 1;
  while (used.has(subnetCidr(vpc.cidrBlock, index))) {
    index += 1;
  }
  const cidrBlock = subnetCidr(vpc.cidrBlock, index);
  const subnet: AwsSubnet = {
    type: 'aws_subnet',
    name: subnets.some(s => s.name === kind) ? `${kind}_${index}` : kind,
    vpc: `aws_vpc.${vpc.name}`,
    cidrBlock,
    mapPublicIpOnLaunch: kind === 'public',
    tags: {},
  };
  return {
    plan: addResources(plan, [subnet]),
    subnet,
    changes: [`+ aws_subnet.${subnet.name} (${cidrBlock}, ${kind})`],
    notes: [
      assume(
        `aws_subnet.${subnet.name}.cidrBlock`,
        cidrBlock,
        'The next free /24 of the VPC',
      ),
    ],
  };
}

/**
 * "put it in a private subnet": moves machines into a subnet of the plan's
 * VPC, creating the VPC and the subnet when missing; their security groups
 * move into the VPC with them.
 *
 * @internal
 */
export const placement: Edit = (state, clause) => {
  const kind = clause.match(PLACE)?.[1] as 'private' | 'public' | undefined;
  if (!kind) {
    return state;
  }
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  if (targets.length === 0) {
    return withNotes(state, notes);
  }
  const withVpc = ensureVpc(state.plan);
  const withSubnet = ensureSubnet(withVpc.plan, withVpc.vpc, kind);
  let plan = withSubnet.plan;
  const changes = [...withVpc.changes, ...withSubnet.changes];
  const subnet = `aws_subnet.${withSubnet.subnet.name}`;
  const vpc = `aws_vpc.${withVpc.vpc.name}`;
  for (const target of targets) {
    const instance = findResource(plan, target) as AwsInstance;
    if (instance.subnet === subnet) {
      continue;
    }
    plan = updateResource<AwsInstance>(plan, target, r => ({ ...r, subnet }));
    changes.push(
      `${target}: subnet ${instance.subnet ?? 'default'} → ${subnet}`,
    );
    for (const group of instance.securityGroups) {
      const sg = findResource(plan, group) as AwsSecurityGroup;
      if (sg.vpc !== vpc) {
        plan = updateResource<AwsSecurityGroup>(plan, group, g => ({
          ...g,
          vpc,
        }));
        changes.push(`${group}: vpc ${sg.vpc ?? 'default'} → ${vpc}`);
      }
    }
  }
  return {
    ...record(
      state,
      plan,
      changes,
      notes,
      ...withVpc.notes,
      ...withSubnet.notes,
    ),
    lastTargets: targets,
  };
};

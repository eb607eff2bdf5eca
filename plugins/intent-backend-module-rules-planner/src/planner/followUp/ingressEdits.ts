// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsInstance,
  AwsSecurityGroup,
  Plan,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { allocateNames } from '../names';
import { NO_NOTES, Notes } from '../notes';
import {
  blocksEgress,
  findPorts,
  findSources,
  matchIngress,
  PortSpec,
  resolveSources,
} from '../rules/ingress';
import {
  addResources,
  Edit,
  EditEnv,
  EditState,
  findResource,
  namesOf,
  record,
  updateResource,
  withNotes,
} from './edit';
import { targetInstances } from './targets';

const CLOSE =
  /\b(?:close|remove|revoke|block|deny|drop|disable|no more|stop allowing|disallow|shut|delete)\b/;
const RESTRICT =
  /\b(?:restrict|limit|lock (?:it |them )?down|only allow|narrow|tighten)\b|\bonly\b/;

function describe(
  rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>,
): string {
  if (rule.protocol === 'all') {
    return 'all traffic';
  }
  if (rule.protocol === 'icmp') {
    return 'icmp';
  }
  const ports =
    rule.fromPort === rule.toPort
      ? `${rule.fromPort}`
      : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports}`;
}

function sources(rule: SecurityGroupRule): string {
  return [...rule.cidrBlocks, ...rule.ipv6CidrBlocks].join(', ');
}

function samePorts(rule: SecurityGroupRule, port: PortSpec): boolean {
  return (
    rule.protocol === port.protocol &&
    rule.fromPort === port.fromPort &&
    rule.toPort === port.toPort
  );
}

/**
 * The security groups of the clause's machines; machines without one get a
 * new group named after the first of them.
 */
function groupsFor(
  state: EditState,
  clause: string,
): {
  plan: Plan;
  groups: string[];
  targets: string[];
  changes: string[];
  notes: Notes;
} {
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  let plan = state.plan;
  const instances = targets.map(t => findResource(plan, t) as AwsInstance);
  const groups = new Set(instances.flatMap(i => i.securityGroups));
  const bare = instances.filter(i => i.securityGroups.length === 0);
  const changes: string[] = [];
  if (bare.length > 0) {
    const base = bare[0].name.replace(/_\d+$/, '');
    const name = allocateNames(base, 1, namesOf(plan, 'aws_security_group'))[0];
    const address = `aws_security_group.${name}`;
    const vpc = plan.resources.find(r => r.type === 'aws_vpc');
    const group: AwsSecurityGroup = {
      type: 'aws_security_group',
      name,
      description: `Access to ${bare
        .map(i => `aws_instance.${i.name}`)
        .join(', ')}`,
      ...(vpc && bare[0].subnet ? { vpc: `aws_vpc.${vpc.name}` } : {}),
      ingress: [],
      egress: [
        {
          protocol: 'all',
          fromPort: 0,
          toPort: 0,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: [],
        },
      ],
      tags: {},
    };
    plan = addResources(plan, [group]);
    for (const instance of bare) {
      plan = updateResource<AwsInstance>(
        plan,
        `aws_instance.${instance.name}`,
        r => ({
          ...r,
          securityGroups: [...r.securityGroups, address],
        }),
      );
    }
    changes.push(
      `+ ${address} for ${bare.map(i => `aws_instance.${i.name}`).join(', ')}`,
    );
    groups.add(address);
  }
  return { plan, groups: [...groups], targets, changes, notes };
}

function updateGroups(
  plan: Plan,
  groups: string[],
  update: (group: AwsSecurityGroup) => {
    group: AwsSecurityGroup;
    changes: string[];
  },
): { plan: Plan; changes: string[] } {
  const changes: string[] = [];
  let next = plan;
  for (const address of groups) {
    next = updateResource<AwsSecurityGroup>(next, address, group => {
      const result = update(group);
      changes.push(...result.changes.map(c => `${address}: ${c}`));
      return result.group;
    });
  }
  return { plan: next, changes };
}

/**
 * Records an edit of the targeted machines' security groups; the machines
 * stay the targets of the next clause ("... and open 443 too").
 */
function recordGroupEdit(
  state: EditState,
  found: ReturnType<typeof groupsFor>,
  result: { plan: Plan; changes: string[] },
  notes: Notes,
): EditState {
  return {
    ...record(
      state,
      result.plan,
      [...found.changes, ...result.changes],
      found.notes,
      notes,
    ),
    lastTargets: found.targets.length ? found.targets : state.lastTargets,
  };
}

/** Security groups with a rule for one of the ports: what "close ssh" is about when no machine is named. */
function groupsWithPorts(plan: Plan, ports: PortSpec[]): string[] {
  return plan.resources
    .filter((r): r is AwsSecurityGroup => r.type === 'aws_security_group')
    .filter(g => g.ingress.some(rule => ports.some(p => samePorts(rule, p))))
    .map(g => `aws_security_group.${g.name}`);
}

function close(state: EditState, clause: string, ports: PortSpec[]): EditState {
  const found = targetInstances(state.plan, clause, state.lastTargets);
  const holding = groupsWithPorts(state.plan, ports);
  const byPort = found.targets.length === 0 && holding.length > 0;
  const targets = found.targets;
  const notes = byPort ? NO_NOTES : found.notes;
  const groups = byPort
    ? holding
    : [
        ...new Set(
          targets.flatMap(
            t => (findResource(state.plan, t) as AwsInstance).securityGroups,
          ),
        ),
      ];
  const only = resolveSources(clause, 'the rule', { address: '' });
  const result = updateGroups(state.plan, groups, group => {
    const changes: string[] = [];
    const ingress = group.ingress.flatMap(rule => {
      if (!ports.some(p => samePorts(rule, p))) {
        return [rule];
      }
      if (only.cidrBlocks.length + only.ipv6CidrBlocks.length === 0) {
        changes.push(`- ${describe(rule)} from ${sources(rule)}`);
        return [];
      }
      const kept = {
        ...rule,
        cidrBlocks: rule.cidrBlocks.filter(c => !only.cidrBlocks.includes(c)),
        ipv6CidrBlocks: rule.ipv6CidrBlocks.filter(
          c => !only.ipv6CidrBlocks.includes(c),
        ),
      };
      changes.push(
        `- ${describe(rule)} from ${[
          ...only.cidrBlocks,
          ...only.ipv6CidrBlocks,
        ].join(', ')}`,
      );
      return kept.cidrBlocks.length + kept.ipv6CidrBlocks.length > 0
        ? [kept]
        : [];
    });
    return { group: { ...group, ingress }, changes };
  });
  return {
    ...record(state, result.plan, result.changes, notes),
    lastTargets: targets.length ? targets : state.lastTargets,
  };
}

function restrict(
  state: EditState,
  clause: string,
  ports: PortSpec[],
  env: EditEnv,
): EditState {
  const named = targetInstances(state.plan, clause, state.lastTargets);
  const holding = ports.length ? groupsWithPorts(state.plan, ports) : [];
  const found =
    named.targets.length === 0 && holding.length > 0
      ? {
          plan: state.plan,
          groups: holding,
          targets: [],
          changes: [],
          notes: NO_NOTES,
        }
      : groupsFor(state, clause);
  const what = ports.length
    ? ports.map(p => p.label).join(', ')
    : 'inbound traffic';
  const wanted = resolveSources(clause, what, {
    address: '',
    context: env.context,
  });
  if (wanted.cidrBlocks.length + wanted.ipv6CidrBlocks.length === 0) {
    return withNotes(state, found.notes, wanted.notes);
  }
  const result = updateGroups(found.plan, found.groups, group => {
    const changes: string[] = [];
    const ingress = group.ingress.map(rule => {
      if (ports.length > 0 && !ports.some(p => samePorts(rule, p))) {
        return rule;
      }
      changes.push(
        `~ ${describe(rule)} from ${sources(rule)} → ${[
          ...wanted.cidrBlocks,
          ...wanted.ipv6CidrBlocks,
        ].join(', ')}`,
      );
      return {
        ...rule,
        cidrBlocks: wanted.cidrBlocks,
        ipv6CidrBlocks: wanted.ipv6CidrBlocks,
      };
    });
    for (const port of ports.filter(
      p => !group.ingress.some(r => samePorts(r, p)),
    )) {
      changes.push(
        `+ ${describe(port)} from ${[
          ...wanted.cidrBlocks,
          ...wanted.ipv6CidrBlocks,
        ].join(', ')}`,
      );
      ingress.push({
        protocol: port.protocol,
        fromPort: port.fromPort,
        toPort: port.toPort,
        cidrBlocks: wanted.cidrBlocks,
        ipv6CidrBlocks: wanted.ipv6CidrBlocks,
        description: port.label,
      });
    }
    return { group: { ...group, ingress }, changes };
  });
  return recordGroupEdit(state, found, result, wanted.notes);
}

function open(state: EditState, clause: string, env: EditEnv): EditState {
  const found = groupsFor(state, clause);
  const vpc = found.plan.resources.find(r => r.type === 'aws_vpc');
  const wanted = matchIngress(clause, {
    context: env.context,
    vpcCidr: vpc?.type === 'aws_vpc' ? vpc.cidrBlock : undefined,
    address: found.groups[0] ?? 'aws_security_group',
  });
  if (wanted.rules.length === 0) {
    return withNotes(state, found.notes, wanted.notes);
  }
  const result = updateGroups(found.plan, found.groups, group => {
    const changes: string[] = [];
    const ingress = [...group.ingress];
    for (const rule of wanted.rules) {
      const index = ingress.findIndex(
        r =>
          r.protocol === rule.protocol &&
          r.fromPort === rule.fromPort &&
          r.toPort === rule.toPort,
      );
      const existing = ingress[index];
      const added = {
        cidrBlocks: rule.cidrBlocks.filter(
          c => !existing?.cidrBlocks.includes(c),
        ),
        ipv6CidrBlocks: rule.ipv6CidrBlocks.filter(
          c => !existing?.ipv6CidrBlocks.includes(c),
        ),
      };
      if (added.cidrBlocks.length + added.ipv6CidrBlocks.length === 0) {
        continue;
      }
      changes.push(
        `+ ${describe(rule)} from ${[
          ...added.cidrBlocks,
          ...added.ipv6CidrBlocks,
        ].join(', ')}`,
      );
      if (existing) {
        ingress[index] = {
          ...existing,
          cidrBlocks: [...existing.cidrBlocks, ...added.cidrBlocks],
          ipv6CidrBlocks: [...existing.ipv6CidrBlocks, ...added.ipv6CidrBlocks],
        };
      } else {
        ingress.push(rule);
      }
    }
    return { group: { ...group, ingress }, changes };
  });
  return recordGroupEdit(state, found, result, wanted.notes);
}

/**
 * "open 443 to the world", "restrict ssh to 10.0.0.0/8", "close port 22",
 * "block outbound traffic": edits the security groups of the machines the
 * clause is about, creating one when a machine has none.
 *
 * @internal
 */
export const ingress: Edit = (state, clause, env) => {
  const ports = findPorts(clause).flatMap(p => p.value);
  const hasSources = findSources(clause).length > 0;
  if (blocksEgress(clause)) {
    const found = groupsFor(state, clause);
    const result = updateGroups(found.plan, found.groups, group => ({
      group: { ...group, egress: [] },
      changes: group.egress.length ? ['- all outbound traffic'] : [],
    }));
    return record(
      state,
      result.plan,
      [...found.changes, ...result.changes],
      found.notes,
    );
  }
  if (ports.length === 0 && !(hasSources && RESTRICT.test(clause))) {
    return state;
  }
  if (CLOSE.test(clause) && ports.length > 0) {
    return close(state, clause, ports);
  }
  if (RESTRICT.test(clause)) {
    return restrict(state, clause, ports, env);
  }
  return open(state, clause, env);
};

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable prefer-template -- XML is assembled from small pieces here */

import {
  byIds,
  Ec2Error,
  el,
  groupsOf,
  items,
  listOf,
  matches,
  Tags,
  tagSet,
  tagsOf,
} from './fakeAwsProtocol';
import type { Ec2CallHandler, FakeGroup, FakeRule } from './fakeAwsState';

/* The fake's EC2 security group, key pair and tagging calls. */

function ruleXml(rules: FakeRule[]) {
  return items(
    rules.map(r =>
      [
        el('ipProtocol', r.protocol),
        r.protocol === '-1' ? '' : el('fromPort', r.from) + el('toPort', r.to),
        `<ipRanges>${items(
          r.cidrs
            .filter(c => !c.cidr.includes(':'))
            .map(c => el('cidrIp', c.cidr) + el('description', c.description)),
        )}</ipRanges>`,
        `<ipv6Ranges>${items(
          r.cidrs
            .filter(c => c.cidr.includes(':'))
            .map(
              c => el('cidrIpv6', c.cidr) + el('description', c.description),
            ),
        )}</ipv6Ranges>`,
      ].join(''),
    ),
  );
}

function groupXml(g: FakeGroup) {
  return [
    el('ownerId', '123456789012'),
    el('groupId', g.id),
    el('groupName', g.name),
    el('groupDescription', g.description),
    el('vpcId', g.vpcId),
    `<ipPermissions>${ruleXml(g.ingress)}</ipPermissions>`,
    `<ipPermissionsEgress>${ruleXml(g.egress)}</ipPermissionsEgress>`,
    tagSet(g.tags),
  ].join('');
}

function rulesOf(params: URLSearchParams): FakeRule[] {
  return groupsOf(params, 'IpPermissions').map(p => ({
    protocol: p.get('IpProtocol')!,
    from: p.has('FromPort') ? Number(p.get('FromPort')) : undefined,
    to: p.has('ToPort') ? Number(p.get('ToPort')) : undefined,
    cidrs: [
      ...groupsOf(p, 'IpRanges').map(r => ({
        cidr: r.get('CidrIp')!,
        description: r.get('Description') ?? undefined,
      })),
      ...groupsOf(p, 'Ipv6Ranges').map(r => ({
        cidr: r.get('CidrIpv6')!,
        description: r.get('Description') ?? undefined,
      })),
    ],
  }));
}

/** Answers a security group, key pair or CreateTags call; undefined when `action` is not one. */
export const groupOrKeyCall: Ec2CallHandler = (aws, action, p, filters) => {
  switch (action) {
    case 'CreateSecurityGroup': {
      const name = p.get('GroupName')!;
      const vpcId = p.get('VpcId') ?? aws.defaultVpc;
      if (
        [...aws.groups.values()].some(g => g.name === name && g.vpcId === vpcId)
      ) {
        throw new Ec2Error(
          'InvalidGroup.Duplicate',
          `The security group '${name}' already exists for VPC '${vpcId}'`,
        );
      }
      const group: FakeGroup = {
        id: aws.newId('sg'),
        name,
        description: p.get('GroupDescription')!,
        vpcId,
        ingress: [],
        egress: [{ protocol: '-1', cidrs: [{ cidr: '0.0.0.0/0' }] }],
        tags: tagsOf(p),
      };
      aws.groups.set(group.id, group);
      return el('return', true) + el('groupId', group.id);
    }
    case 'DescribeSecurityGroups': {
      const ids = listOf(p, 'GroupId');
      const list =
        ids.length > 0
          ? byIds(aws.groups, ids, 'InvalidGroup.NotFound')
          : [...aws.groups.values()].filter(g =>
              matches(filters, g.tags, {
                'group-name': g.name,
                'vpc-id': g.vpcId,
              }),
            );
      return `<securityGroupInfo>${items(
        list.map(g => groupXml(g)),
      )}</securityGroupInfo>`;
    }
    case 'AuthorizeSecurityGroupIngress':
    case 'AuthorizeSecurityGroupEgress':
    case 'RevokeSecurityGroupIngress':
    case 'RevokeSecurityGroupEgress': {
      const [g] = byIds(
        aws.groups,
        [p.get('GroupId')!],
        'InvalidGroup.NotFound',
      );
      const key = action.endsWith('Ingress') ? 'ingress' : 'egress';
      const rules = rulesOf(p);
      if (action.startsWith('Authorize')) {
        g[key].push(...rules);
      } else {
        const drop = new Set(
          rules.flatMap(r =>
            r.cidrs.map(c => `${r.protocol}/${r.from}/${r.to}/${c.cidr}`),
          ),
        );
        g[key] = g[key]
          .map(r => ({
            ...r,
            cidrs: r.cidrs.filter(
              c => !drop.has(`${r.protocol}/${r.from}/${r.to}/${c.cidr}`),
            ),
          }))
          .filter(r => r.cidrs.length > 0);
      }
      return el('return', true);
    }
    case 'DeleteSecurityGroup':
      byIds(aws.groups, [p.get('GroupId')!], 'InvalidGroup.NotFound');
      if (
        [...aws.instances.values()].some(
          i => i.state !== 'terminated' && i.groups.includes(p.get('GroupId')!),
        )
      ) {
        throw new Ec2Error(
          'DependencyViolation',
          'resource has a dependent object',
        );
      }
      aws.groups.delete(p.get('GroupId')!);
      return el('return', true);
    case 'ImportKeyPair':
    case 'CreateKeyPair': {
      const name = p.get('KeyName')!;
      if ([...aws.keys.values()].some(k => k.name === name)) {
        throw new Ec2Error(
          'InvalidKeyPair.Duplicate',
          `The keypair already exists`,
        );
      }
      const key = {
        id: aws.newId('key'),
        name,
        fingerprint: 'ab:cd',
        tags: tagsOf(p),
      };
      aws.keys.set(key.id, key);
      return (
        el('keyFingerprint', key.fingerprint) +
        el('keyName', name) +
        el('keyPairId', key.id) +
        (action === 'CreateKeyPair' ? el('keyMaterial', 'secret') : '')
      );
    }
    case 'DescribeKeyPairs': {
      const ids = listOf(p, 'KeyPairId');
      const list =
        ids.length > 0
          ? byIds(aws.keys, ids, 'InvalidKeyPair.NotFound')
          : [...aws.keys.values()].filter(
              k =>
                matches(filters, k.tags, {}) &&
                (!listOf(p, 'KeyName').length ||
                  listOf(p, 'KeyName').includes(k.name)),
            );
      return `<keySet>${items(
        list.map(
          k =>
            el('keyPairId', k.id) +
            el('keyName', k.name) +
            el('keyFingerprint', k.fingerprint) +
            el('keyType', 'ed25519') +
            tagSet(k.tags),
        ),
      )}</keySet>`;
    }
    case 'DeleteKeyPair':
      aws.keys.delete(p.get('KeyPairId')!);
      return el('return', true);
    case 'CreateTags': {
      const tags: Tags = {};
      for (const t of groupsOf(p, 'Tag'))
        tags[t.get('Key')!] = t.get('Value') ?? '';
      for (const id of listOf(p, 'ResourceId')) {
        const target =
          aws.instances.get(id) ?? aws.groups.get(id) ?? aws.keys.get(id);
        if (target) Object.assign(target.tags, tags);
      }
      return el('return', true);
    }
    default:
      return undefined;
  }
};

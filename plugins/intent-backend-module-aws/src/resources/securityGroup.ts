// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  IpPermission,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import {
  AwsSecurityGroup,
  SecurityGroupRule,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags, tagSpec } from '../context';
import { describeByIds, findCreated } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import { permissionsOf } from '../mappers';

/** One (protocol, ports, source) per entry, so two rule sets can be diffed. */
export function atomicRules(
  rules: SecurityGroupRule[],
): Map<string, IpPermission> {
  const out = new Map<string, IpPermission>();
  for (const permission of permissionsOf(rules)) {
    const base = {
      IpProtocol: permission.IpProtocol,
      FromPort: permission.FromPort,
      ToPort: permission.ToPort,
    };
    const key = `${permission.IpProtocol}/${permission.FromPort ?? ''}/${
      permission.ToPort ?? ''
    }`;
    for (const range of permission.IpRanges ?? []) {
      out.set(`${key}/${range.CidrIp}`, { ...base, IpRanges: [range] });
    }
    for (const range of permission.Ipv6Ranges ?? []) {
      out.set(`${key}/${range.CidrIpv6}`, { ...base, Ipv6Ranges: [range] });
    }
  }
  return out;
}

/** What to revoke and to authorize to go from `current` to `desired`. */
export function ruleChanges(
  current: SecurityGroupRule[],
  desired: SecurityGroupRule[],
): { revoke: IpPermission[]; authorize: IpPermission[] } {
  const have = atomicRules(current);
  const want = atomicRules(desired);
  return {
    revoke: [...have].filter(([k]) => !want.has(k)).map(([, p]) => p),
    authorize: [...want].filter(([k]) => !have.has(k)).map(([, p]) => p),
  };
}

/** The group's EC2 name: its Name tag, else one derived from the creation token. */
export function groupName(
  resource: AwsSecurityGroup,
  tags: Record<string, string>,
): string {
  return (
    resource.tags?.Name ??
    `intent-${resource.name}-${(tags[INTENT_TAGS.creationToken] ?? '').slice(
      0,
      12,
    )}`
  );
}

async function syncRules(
  ctx: ChangeContext,
  groupId: string,
  resource: AwsSecurityGroup,
  current: CloudResourceState,
) {
  const send = (action: string, command: any) =>
    call({ action, subject: ctx.address }, () =>
      ctx.ec2.send(command, { abortSignal: ctx.signal }),
    );
  for (const direction of ['ingress', 'egress'] as const) {
    const { revoke, authorize } = ruleChanges(
      (current.attributes[direction] as SecurityGroupRule[]) ?? [],
      resource[direction],
    );
    const ingress = direction === 'ingress';
    if (revoke.length > 0) {
      await send(
        ingress
          ? 'ec2:RevokeSecurityGroupIngress'
          : 'ec2:RevokeSecurityGroupEgress',
        ingress
          ? new RevokeSecurityGroupIngressCommand({
              GroupId: groupId,
              IpPermissions: revoke,
            })
          : new RevokeSecurityGroupEgressCommand({
              GroupId: groupId,
              IpPermissions: revoke,
            }),
      );
    }
    if (authorize.length > 0) {
      await send(
        ingress
          ? 'ec2:AuthorizeSecurityGroupIngress'
          : 'ec2:AuthorizeSecurityGroupEgress',
        ingress
          ? new AuthorizeSecurityGroupIngressCommand({
              GroupId: groupId,
              IpPermissions: authorize,
            })
          : new AuthorizeSecurityGroupEgressCommand({
              GroupId: groupId,
              IpPermissions: authorize,
            }),
      );
    }
  }
}

async function describeGroup(ctx: AwsCallContext, groupId: string) {
  const [state] = await describeByIds(ctx, 'aws_security_group', [groupId]);
  if (!state) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidGroup.NotFound',
      message: `Security group ${groupId} does not exist in ${ctx.region}`,
    });
  }
  return state;
}

/**
 * CreateSecurityGroup takes no client token: a group with the change's
 * creation-token tag is looked up first. Rules are then made to match.
 */
export async function createSecurityGroup(
  ctx: ChangeContext,
  resource: AwsSecurityGroup,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  let current = await findCreated(ctx, 'aws_security_group', tags);
  if (!current) {
    const out = await call(
      { action: 'ec2:CreateSecurityGroup', subject: ctx.address },
      () =>
        ctx.ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: groupName(resource, tags),
            Description: resource.description,
            VpcId: resource.vpc ? ctx.resolve(resource.vpc) : undefined,
            TagSpecifications: tagSpec('security-group', tags),
          }),
          { abortSignal: ctx.signal },
        ),
    );
    const groupId = out.GroupId!;
    // A new group allows all egress: describe it rather than assume so.
    current = await describeGroup(ctx, groupId);
  }
  await syncRules(ctx, current.cloudId, resource, current);
  return describeGroup(ctx, current.cloudId);
}

export async function updateSecurityGroup(
  ctx: ChangeContext,
  resource: AwsSecurityGroup,
  groupId: string,
  tags: Record<string, string>,
  changedFields: string[],
): Promise<CloudResourceState> {
  if (changedFields.includes('tags')) {
    await call({ action: 'ec2:CreateTags', subject: groupId }, () =>
      ctx.ec2.send(
        new CreateTagsCommand({ Resources: [groupId], Tags: ec2Tags(tags) }),
        {
          abortSignal: ctx.signal,
        },
      ),
    );
  }
  const current = await describeGroup(ctx, groupId);
  await syncRules(ctx, groupId, resource, current);
  return describeGroup(ctx, groupId);
}

export async function deleteSecurityGroup(
  ctx: AwsCallContext,
  groupId: string,
) {
  try {
    await ctx.ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }), {
      abortSignal: ctx.signal,
    });
  } catch (error) {
    if (errorCode(error) !== 'InvalidGroup.NotFound') {
      throw toCloudError(error, {
        action: 'ec2:DeleteSecurityGroup',
        subject: groupId,
      });
    }
  }
}

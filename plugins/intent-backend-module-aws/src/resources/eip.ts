// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateTagsCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
} from '@aws-sdk/client-ec2';
import type { AwsEip } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags, tagSpec } from '../context';
import { describeByIds, findCreated } from '../describe';
import { call, errorCode, toCloudError } from '../errors';

async function associate(
  ctx: ChangeContext,
  resource: AwsEip,
  state: CloudResourceState,
) {
  const instanceId = resource.instance
    ? ctx.resolve(resource.instance)
    : undefined;
  const current = state.attributes.instance as string | undefined;
  if (instanceId === current) {
    return false;
  }
  if (current && state.attributes.associationId) {
    await call(
      { action: 'ec2:DisassociateAddress', subject: ctx.address },
      () =>
        ctx.ec2.send(
          new DisassociateAddressCommand({
            AssociationId: state.attributes.associationId as string,
          }),
          { abortSignal: ctx.signal },
        ),
    );
  }
  if (instanceId) {
    await call({ action: 'ec2:AssociateAddress', subject: ctx.address }, () =>
      ctx.ec2.send(
        new AssociateAddressCommand({
          AllocationId: state.cloudId,
          InstanceId: instanceId,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  }
  return true;
}

async function describeAddress(ctx: AwsCallContext, allocationId: string) {
  const [state] = await describeByIds(ctx, 'aws_eip', [allocationId]);
  return state;
}

/** AllocateAddress takes no client token: looked up by the creation-token tag first. */
export async function createEip(
  ctx: ChangeContext,
  resource: AwsEip,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  let state = await findCreated(ctx, 'aws_eip', tags);
  if (!state) {
    const out = await call(
      { action: 'ec2:AllocateAddress', subject: ctx.address },
      () =>
        ctx.ec2.send(
          new AllocateAddressCommand({
            Domain: 'vpc',
            TagSpecifications: tagSpec('elastic-ip', tags),
          }),
          { abortSignal: ctx.signal },
        ),
    );
    state = {
      type: 'aws_eip',
      cloudId: out.AllocationId!,
      status: 'available',
      attributes: { publicIp: out.PublicIp },
      tags,
    };
  }
  return (await associate(ctx, resource, state))
    ? describeAddress(ctx, state.cloudId)
    : state;
}

export async function updateEip(
  ctx: ChangeContext,
  resource: AwsEip,
  allocationId: string,
  tags: Record<string, string>,
  changedFields: string[],
): Promise<CloudResourceState> {
  if (changedFields.includes('tags')) {
    await call({ action: 'ec2:CreateTags', subject: allocationId }, () =>
      ctx.ec2.send(
        new CreateTagsCommand({
          Resources: [allocationId],
          Tags: ec2Tags(tags),
        }),
        {
          abortSignal: ctx.signal,
        },
      ),
    );
  }
  const state = await describeAddress(ctx, allocationId);
  await associate(ctx, resource, state);
  return describeAddress(ctx, allocationId);
}

export async function deleteEip(ctx: AwsCallContext, allocationId: string) {
  const state = await describeAddress(ctx, allocationId);
  if (!state) {
    return;
  }
  if (state.attributes.associationId) {
    await call(
      { action: 'ec2:DisassociateAddress', subject: allocationId },
      () =>
        ctx.ec2.send(
          new DisassociateAddressCommand({
            AssociationId: state.attributes.associationId as string,
          }),
          { abortSignal: ctx.signal },
        ),
    );
  }
  try {
    await ctx.ec2.send(
      new ReleaseAddressCommand({ AllocationId: allocationId }),
      {
        abortSignal: ctx.signal,
      },
    );
  } catch (error) {
    if (errorCode(error) !== 'InvalidAllocationID.NotFound') {
      throw toCloudError(error, {
        action: 'ec2:ReleaseAddress',
        subject: allocationId,
      });
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CreateTagsCommand,
  Instance,
  ModifyInstanceAttributeCommand,
  ModifyInstanceMetadataOptionsCommand,
  ModifyVolumeCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import type { AwsInstance } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags } from '../context';
import { describeByIds } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import { instanceState } from '../mappers';
import { waitFor } from '../waiters';
import { runInstancesInput } from './instanceLaunch';

function firstInstance(output?: {
  Reservations?: Array<{ Instances?: Instance[] }>;
}): Instance | undefined {
  return output?.Reservations?.flatMap(r => r.Instances ?? [])[0];
}

async function waitRunning(ctx: AwsCallContext, instanceId: string) {
  const out = await waitFor(
    ctx,
    waitUntilInstanceRunning,
    ctx.ec2,
    { InstanceIds: [instanceId] },
    `instance ${instanceId} to run`,
  );
  const instance = firstInstance(out);
  if (!instance) {
    throw new CloudError({
      kind: 'transient',
      code: 'InvalidInstanceID.NotFound',
      message: `Instance ${instanceId} ran but could not be described: retry`,
    });
  }
  return instanceState(instance);
}

async function waitStopped(ctx: AwsCallContext, instanceId: string) {
  const out = await waitFor(
    ctx,
    waitUntilInstanceStopped,
    ctx.ec2,
    { InstanceIds: [instanceId] },
    `instance ${instanceId} to stop`,
  );
  const instance = firstInstance(out);
  return instance && instanceState(instance);
}

/** RunInstances with the change's client token (a retry returns the same instance), then waits until it runs. */
export async function createInstance(
  ctx: ChangeContext,
  resource: AwsInstance,
  clientToken: string,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  const input = await runInstancesInput(ctx, resource, clientToken, tags);
  const out = await call(
    { action: 'ec2:RunInstances', subject: ctx.address },
    () =>
      ctx.ec2.send(new RunInstancesCommand(input), { abortSignal: ctx.signal }),
  );
  const launched = out.Instances?.[0];
  if (!launched?.InstanceId) {
    throw new CloudError({
      kind: 'unknown',
      message: `RunInstances returned no instance for ${ctx.address}`,
    });
  }
  await ctx.onProgress?.(instanceState(launched));
  return waitRunning(ctx, launched.InstanceId);
}

/**
 * Changes what EC2 changes in place: the instance type (stop, modify,
 * start), security groups, metadata options, root volume size and tags.
 * Other fields are replacements, which the caller orchestrates.
 */
export async function updateInstance(
  ctx: ChangeContext,
  resource: AwsInstance,
  instanceId: string,
  tags: Record<string, string>,
  changedFields: string[],
): Promise<CloudResourceState> {
  const changed = (field: string) =>
    changedFields.some(f => f === field || f.startsWith(`${field}.`));
  const send = (action: string, command: any) =>
    call({ action, subject: instanceId }, () =>
      ctx.ec2.send(command, { abortSignal: ctx.signal }),
    );
  if (changed('tags')) {
    await send(
      'ec2:CreateTags',
      new CreateTagsCommand({ Resources: [instanceId], Tags: ec2Tags(tags) }),
    );
  }
  if (changed('securityGroups')) {
    await send(
      'ec2:ModifyInstanceAttribute',
      new ModifyInstanceAttributeCommand({
        InstanceId: instanceId,
        Groups: resource.securityGroups.map(g => ctx.resolve(g)),
      }),
    );
  }
  if (changed('metadataHttpTokens')) {
    await send(
      'ec2:ModifyInstanceMetadataOptions',
      new ModifyInstanceMetadataOptionsCommand({
        InstanceId: instanceId,
        HttpTokens: resource.metadataHttpTokens,
        HttpEndpoint: 'enabled',
      }),
    );
  }
  if (changed('rootVolume')) {
    const current = await describeOne(ctx, instanceId);
    const volumeId = current.attributes.rootVolumeId as string | undefined;
    if (volumeId) {
      await send(
        'ec2:ModifyVolume',
        new ModifyVolumeCommand({
          VolumeId: volumeId,
          Size: resource.rootVolume.sizeGb,
          VolumeType: resource.rootVolume.volumeType,
        }),
      );
    }
  }
  if (changed('instanceType')) {
    await send(
      'ec2:StopInstances',
      new StopInstancesCommand({ InstanceIds: [instanceId] }),
    );
    const stopping = await waitStopped(ctx, instanceId);
    if (stopping) await ctx.onProgress?.(stopping);
    await send(
      'ec2:ModifyInstanceAttribute',
      new ModifyInstanceAttributeCommand({
        InstanceId: instanceId,
        InstanceType: { Value: resource.instanceType },
      }),
    );
    await send(
      'ec2:StartInstances',
      new StartInstancesCommand({ InstanceIds: [instanceId] }),
    );
  }
  return waitRunning(ctx, instanceId);
}

async function describeOne(ctx: AwsCallContext, instanceId: string) {
  const [state] = await describeByIds(ctx, 'aws_instance', [instanceId]);
  if (!state) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidInstanceID.NotFound',
      message: `Instance ${instanceId} does not exist in ${ctx.region}`,
    });
  }
  return state;
}

/** Terminates and waits until it is gone; an instance already gone is fine. */
export async function deleteInstance(ctx: AwsCallContext, instanceId: string) {
  try {
    await ctx.ec2.send(
      new TerminateInstancesCommand({ InstanceIds: [instanceId] }),
      { abortSignal: ctx.signal },
    );
  } catch (error) {
    if (errorCode(error) === 'InvalidInstanceID.NotFound') {
      return;
    }
    throw toCloudError(error, {
      action: 'ec2:TerminateInstances',
      subject: instanceId,
    });
  }
  await waitFor(
    ctx,
    waitUntilInstanceTerminated,
    ctx.ec2,
    { InstanceIds: [instanceId] },
    `instance ${instanceId} to terminate`,
  );
}

/** Stop, start or reboot, then wait for the state the action leads to. */
export async function instanceAction(
  ctx: AwsCallContext,
  instanceId: string,
  action: 'stop' | 'start' | 'reboot',
): Promise<CloudResourceState> {
  const input = { InstanceIds: [instanceId] };
  const command = {
    stop: () => new StopInstancesCommand(input),
    start: () => new StartInstancesCommand(input),
    reboot: () => new RebootInstancesCommand(input),
  }[action]();
  const iam = {
    stop: 'ec2:StopInstances',
    start: 'ec2:StartInstances',
    reboot: 'ec2:RebootInstances',
  }[action];
  await call({ action: iam, subject: instanceId }, () =>
    ctx.ec2.send(command as StopInstancesCommand, { abortSignal: ctx.signal }),
  );
  if (action === 'stop') {
    const stopped = await waitStopped(ctx, instanceId);
    return stopped ?? describeOne(ctx, instanceId);
  }
  return waitRunning(ctx, instanceId);
}

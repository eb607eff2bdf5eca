// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  DescribeSubnetsCommand,
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
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import {
  AwsInstance,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  AwsCallContext,
  ChangeContext,
  ec2Tags,
  tagRecord,
  tagSpec,
} from '../context';
import { describeByIds } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import { waitFor } from '../waiters';

/** An EC2 instance in the plan's field names, plus its addresses. */
export function instanceState(instance: Instance): CloudResourceState {
  const tags = tagRecord(instance.Tags);
  const attributes: Record<string, unknown> = {
    instanceType: instance.InstanceType,
    imageId: instance.ImageId,
    subnet: instance.SubnetId,
    vpc: instance.VpcId,
    securityGroups: (instance.SecurityGroups ?? []).map(g => g.GroupId).sort(),
    keyName: instance.KeyName,
    associatePublicIp: !!instance.PublicIpAddress,
    availabilityZone: instance.Placement?.AvailabilityZone,
    metadataHttpTokens: instance.MetadataOptions?.HttpTokens,
    architecture: instance.Architecture,
    rootVolumeId: instance.BlockDeviceMappings?.find(
      b => b.DeviceName === instance.RootDeviceName,
    )?.Ebs?.VolumeId,
    launchTime: instance.LaunchTime?.toISOString(),
  };
  for (const [key, value] of [
    ['publicIp', instance.PublicIpAddress],
    ['privateIp', instance.PrivateIpAddress],
    ['publicDns', instance.PublicDnsName],
    ['privateDns', instance.PrivateDnsName],
  ] as const) {
    if (value) {
      attributes[key] = value;
    }
  }
  return {
    type: 'aws_instance',
    cloudId: instance.InstanceId!,
    status: instance.State?.Name ?? 'unknown',
    attributes,
    tags,
  };
}

function firstInstance(output?: {
  Reservations?: Array<{ Instances?: Instance[] }>;
}): Instance | undefined {
  return output?.Reservations?.flatMap(r => r.Instances ?? [])[0];
}

/** The default subnet to launch in: of the given zone, else any. */
async function defaultSubnet(
  ctx: ChangeContext,
  zone: string | undefined,
): Promise<string> {
  const out = await call(
    { action: 'ec2:DescribeSubnets', subject: ctx.address },
    () =>
      ctx.ec2.send(
        new DescribeSubnetsCommand({
          Filters: [
            { Name: 'default-for-az', Values: ['true'] },
            ...(zone ? [{ Name: 'availability-zone', Values: [zone] }] : []),
          ],
        }),
        { abortSignal: ctx.signal },
      ),
  );
  const subnet = [...(out.Subnets ?? [])].sort((a, b) =>
    (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? ''),
  )[0];
  if (!subnet?.SubnetId) {
    throw new CloudError({
      kind: 'invalid',
      code: 'MissingDefaultSubnet',
      message: `${ctx.address} names no subnet and ${ctx.region}${
        zone ? ` (${zone})` : ''
      } has no default subnet: add a subnet to the plan or create a default VPC (aws ec2 create-default-vpc)`,
    });
  }
  return subnet.SubnetId;
}

/** Builds RunInstances' input: safe defaults (IMDSv2, encrypted root, no public IP unless asked). */
export async function runInstancesInput(
  ctx: ChangeContext,
  resource: AwsInstance,
  clientToken: string,
  tags: Record<string, string>,
): Promise<RunInstancesCommandInput> {
  const imageId = resource.image.id;
  if (!imageId) {
    throw new CloudError({
      kind: 'invalid',
      code: 'InvalidAMIID.Missing',
      message: `${ctx.address} has no pinned image id: plan the session again so the image is resolved`,
    });
  }
  const image = await call(
    { action: 'ec2:DescribeImages', subject: imageId },
    () =>
      ctx.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }), {
        abortSignal: ctx.signal,
      }),
  );
  const rootDevice = image.Images?.[0]?.RootDeviceName;
  if (!rootDevice) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidAMIID.NotFound',
      message: `The pinned image ${imageId} of ${ctx.address} does not exist in ${ctx.region}: plan the session again so the image is resolved anew`,
    });
  }
  let keyName: string | undefined;
  if (resource.keyPair) {
    const keyPairId = ctx.resolve(resource.keyPair);
    const keys = await call(
      { action: 'ec2:DescribeKeyPairs', subject: keyPairId },
      () =>
        ctx.ec2.send(new DescribeKeyPairsCommand({ KeyPairIds: [keyPairId] }), {
          abortSignal: ctx.signal,
        }),
    );
    keyName = keys.KeyPairs?.[0]?.KeyName;
  }
  const subnetId = resource.subnet
    ? ctx.resolve(resource.subnet)
    : await defaultSubnet(ctx, resource.availabilityZone);
  const userData =
    resource.userData ?? userDataFor(resource.image, resource.software ?? []);
  return {
    ImageId: imageId,
    InstanceType:
      resource.instanceType as RunInstancesCommandInput['InstanceType'],
    MinCount: 1,
    MaxCount: 1,
    ClientToken: clientToken,
    KeyName: keyName,
    NetworkInterfaces: [
      {
        DeviceIndex: 0,
        SubnetId: subnetId,
        Groups: resource.securityGroups.map(g => ctx.resolve(g)),
        AssociatePublicIpAddress: resource.associatePublicIp === true,
        DeleteOnTermination: true,
      },
    ],
    BlockDeviceMappings: [
      {
        DeviceName: rootDevice,
        Ebs: {
          VolumeSize: resource.rootVolume.sizeGb,
          VolumeType: resource.rootVolume.volumeType,
          Encrypted: resource.rootVolume.encrypted !== false,
          DeleteOnTermination: true,
        },
      },
    ],
    MetadataOptions: {
      HttpTokens: resource.metadataHttpTokens ?? 'required',
      HttpEndpoint: 'enabled',
    },
    UserData: userData ? Buffer.from(userData).toString('base64') : undefined,
    TagSpecifications: [
      ...tagSpec('instance', tags),
      ...tagSpec('volume', tags),
      ...tagSpec('network-interface', tags),
    ],
  };
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  DescribeSubnetsCommand,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import {
  AwsInstance,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';
import { ChangeContext, tagSpec } from '../context';
import { call } from '../errors';

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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  DescribeImagesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import {
  existingAddress,
  Plan,
  resourceAddress,
  type AwsInstance,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudPlanCheck } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsCallContext } from './context';
import { call, errorCode, toCloudError } from './errors';
import { findExisting } from './existing';

type Located = AwsInstance & { address: string };

/** What the region offers of these types, and their architectures: two calls. */
async function instanceTypeFacts(ctx: AwsCallContext, types: string[]) {
  const offered = new Set<string>();
  const offerings = await call(
    { action: 'ec2:DescribeInstanceTypeOfferings' },
    () =>
      ctx.ec2.send(
        new DescribeInstanceTypeOfferingsCommand({
          LocationType: 'region',
          Filters: [{ Name: 'instance-type', Values: types }],
        }),
        { abortSignal: ctx.signal },
      ),
  );
  for (const o of offerings.InstanceTypeOfferings ?? []) {
    if (o.InstanceType) offered.add(o.InstanceType);
  }
  const architectures = new Map<string, string[]>();
  if (offered.size > 0) {
    const described = await call({ action: 'ec2:DescribeInstanceTypes' }, () =>
      ctx.ec2.send(
        new DescribeInstanceTypesCommand({
          InstanceTypes: [...offered] as _InstanceType[],
        }),
        { abortSignal: ctx.signal },
      ),
    );
    for (const t of described.InstanceTypes ?? []) {
      architectures.set(
        t.InstanceType!,
        t.ProcessorInfo?.SupportedArchitectures ?? [],
      );
    }
  }
  return { offered, architectures };
}

/** The pinned images' architectures: one call for all. */
async function imageArchitectures(ctx: AwsCallContext, ids: string[]) {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  try {
    const images = await ctx.ec2.send(
      new DescribeImagesCommand({ ImageIds: ids }),
      {
        abortSignal: ctx.signal,
      },
    );
    for (const image of images.Images ?? []) {
      out.set(image.ImageId!, image.Architecture ?? '');
    }
  } catch (error) {
    // One unknown id fails the call: ask again one by one (rare: a stale pin).
    if (!/^InvalidAMIID\./.test(errorCode(error) ?? '') || ids.length === 1) {
      if (/^InvalidAMIID\./.test(errorCode(error) ?? '')) return out;
      throw toCloudError(error, { action: 'ec2:DescribeImages' });
    }
    for (const id of ids) {
      for (const [k, v] of await imageArchitectures(ctx, [id])) out.set(k, v);
    }
  }
  return out;
}

/** Whether a bucket name is free: HeadBucket 404 free, 403 someone else's, 200 this account's. */
async function bucketOwner(
  ctx: AwsCallContext,
  bucket: string,
): Promise<'free' | 'other' | 'mine'> {
  try {
    await ctx.s3.send(new HeadBucketCommand({ Bucket: bucket }), {
      abortSignal: ctx.signal,
    });
    return 'mine';
  } catch (error) {
    const code = errorCode(error);
    if (code === 'NotFound' || code === 'NoSuchBucket') return 'free';
    if (code === 'AccessDenied' || code === 'Forbidden') return 'other';
    throw toCloudError(error, { action: 's3:ListBucket', subject: bucket });
  }
}

/**
 * Checks a plan against what AWS knows before anything is applied:
 * instance types offered in the region, image architecture against the
 * type, pinned images present, existing entries present, bucket names free.
 * A typical plan costs four or five calls.
 */
export async function checkPlan(
  ctx: AwsCallContext,
  plan: Plan,
  live: Record<string, string>,
): Promise<CloudPlanCheck[]> {
  const checks: CloudPlanCheck[] = [];
  const instances: Located[] = plan.resources
    .filter((r): r is AwsInstance => r.type === 'aws_instance')
    .map(r => ({ ...r, address: resourceAddress(r) }));
  const types = [...new Set(instances.map(i => i.instanceType))];
  const imageIds = [
    ...new Set(
      instances.map(i => i.image.id).filter((id): id is string => !!id),
    ),
  ];
  const [facts, images] = await Promise.all([
    types.length > 0 ? instanceTypeFacts(ctx, types) : undefined,
    imageArchitectures(ctx, imageIds),
  ]);
  for (const instance of instances) {
    const { address, instanceType } = instance;
    if (facts && !facts.offered.has(instanceType)) {
      checks.push({
        id: 'instance-type-not-offered',
        outcome: 'question',
        address,
        field: 'instanceType',
        message: `${instanceType} is not offered in ${plan.region}`,
        fix: `Pick an instance type that ${plan.region} offers, or another region`,
      });
      continue;
    }
    const imageId = instance.image.id;
    if (imageId && !images.has(imageId)) {
      checks.push({
        id: 'image-not-found',
        outcome: 'deny',
        address,
        field: 'image.id',
        message: `The pinned image ${imageId} does not exist (or is not shared with the account) in ${plan.region}`,
        fix: 'Plan the session again so the image is resolved anew',
      });
      continue;
    }
    const typeArchitectures = facts?.architectures.get(instanceType) ?? [];
    const imageArchitecture = imageId
      ? images.get(imageId)
      : instance.image.architecture;
    if (
      imageArchitecture &&
      typeArchitectures.length > 0 &&
      !typeArchitectures.includes(imageArchitecture)
    ) {
      checks.push({
        id: 'image-architecture-mismatch',
        outcome: 'deny',
        address,
        field: 'image.architecture',
        message: `${instanceType} runs ${typeArchitectures.join(
          ' or ',
        )} images, but the image is ${imageArchitecture}`,
        fix: `Pick an ${imageArchitecture} instance type or an image for ${typeArchitectures[0]}`,
      });
    }
  }
  for (const entry of plan.existing) {
    const address = existingAddress(entry);
    if (live[address]) continue;
    const found = await call(
      { action: 'ec2:Describe*', subject: address },
      () => findExisting(ctx, entry),
    );
    if (!found) {
      checks.push({
        id: 'existing-resource-missing',
        outcome: 'question',
        address,
        message: `${address} does not match exactly one ${entry.type} in ${plan.region}`,
        fix: 'Name another existing resource or let the sandbox create one',
      });
    }
  }
  for (const bucket of plan.resources) {
    if (bucket.type !== 'aws_s3_bucket' || !bucket.bucketName) continue;
    const address = resourceAddress(bucket);
    if (live[address] === bucket.bucketName) continue;
    const owner = await bucketOwner(ctx, bucket.bucketName);
    if (owner !== 'free') {
      checks.push({
        id: 'bucket-name-taken',
        outcome: 'deny',
        address,
        field: 'bucketName',
        message:
          owner === 'other'
            ? `The bucket name ${bucket.bucketName} is taken by another AWS account (bucket names are global)`
            : `A bucket named ${bucket.bucketName} already exists in this account and is not this session's`,
        fix: 'Choose another bucketName, or leave it out so one is generated',
      });
    }
  }
  return checks;
}

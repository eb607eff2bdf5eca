// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  GetBucketEncryptionCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, tagRecord } from '../context';
import { call, errorCode, toCloudError } from '../errors';

/* Reading buckets back: S3 has no describe call, so each setting is a read of its own. */

async function optional<T>(
  run: () => Promise<T>,
  missing: RegExp,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (missing.test(errorCode(error) ?? '')) return undefined;
    throw error;
  }
}

/** Tags of a bucket, or undefined when it does not exist. */
export async function bucketTags(ctx: AwsCallContext, bucket: string) {
  try {
    const out = await ctx.s3.send(
      new GetBucketTaggingCommand({ Bucket: bucket }),
      { abortSignal: ctx.signal },
    );
    return tagRecord(out.TagSet);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'NoSuchTagSet') return {};
    if (code === 'NoSuchBucket' || code === 'NotFound') return undefined;
    throw toCloudError(error, {
      action: 's3:GetBucketTagging',
      subject: bucket,
    });
  }
}

/** One bucket in the plan's field names: six reads, or undefined when it is gone. */
export async function describeBucket(
  ctx: AwsCallContext,
  bucket: string,
): Promise<CloudResourceState | undefined> {
  const tags = await bucketTags(ctx, bucket);
  if (!tags) return undefined;
  const opts = { abortSignal: ctx.signal };
  return call({ action: 's3:GetBucket*', subject: bucket }, async () => {
    const [versioning, encryption, block, website, policy] = await Promise.all([
      ctx.s3.send(new GetBucketVersioningCommand({ Bucket: bucket }), opts),
      optional(
        () =>
          ctx.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }), opts),
        /ServerSideEncryptionConfigurationNotFound/,
      ),
      optional(
        () =>
          ctx.s3.send(
            new GetPublicAccessBlockCommand({ Bucket: bucket }),
            opts,
          ),
        /NoSuchPublicAccessBlockConfiguration/,
      ),
      optional(
        () =>
          ctx.s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }), opts),
        /NoSuchWebsiteConfiguration/,
      ),
      optional(
        () =>
          ctx.s3.send(
            new GetBucketPolicyStatusCommand({ Bucket: bucket }),
            opts,
          ),
        /NoSuchBucketPolicy/,
      ),
    ]);
    const pab = block?.PublicAccessBlockConfiguration;
    return {
      type: 'aws_s3_bucket' as const,
      cloudId: bucket,
      status: 'available',
      attributes: {
        bucketName: bucket,
        versioning: versioning.Status === 'Enabled',
        encryption:
          encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]
            ?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'AES256',
        blockPublicAccess: !!(
          pab?.BlockPublicAcls &&
          pab.IgnorePublicAcls &&
          pab.BlockPublicPolicy &&
          pab.RestrictPublicBuckets
        ),
        website: !!website,
        publicRead: policy?.PolicyStatus?.IsPublic ?? false,
      },
      tags,
    };
  });
}

export async function describeBuckets(ctx: AwsCallContext, buckets: string[]) {
  const states = await Promise.all(buckets.map(b => describeBucket(ctx, b)));
  return states.filter((s): s is CloudResourceState => !!s);
}

/**
 * Buckets with these tags: S3 has no tag filter, so the region's buckets are
 * listed (paginated) and each one's tags read.
 */
export async function describeTaggedBuckets(
  ctx: AwsCallContext,
  tags: Record<string, string> | undefined,
  tagKeys: string[] | undefined,
): Promise<CloudResourceState[]> {
  const names: string[] = [];
  await call({ action: 's3:ListAllMyBuckets' }, async () => {
    for await (const page of paginateListBuckets(
      { client: ctx.s3, pageSize: 1000 },
      { BucketRegion: ctx.region },
    )) {
      names.push(...(page.Buckets ?? []).map(b => b.Name!).filter(Boolean));
    }
  });
  const matching: string[] = [];
  for (const name of names) {
    const have = await bucketTags(ctx, name);
    if (
      have &&
      Object.entries(tags ?? {}).every(([k, v]) => have[k] === v) &&
      (tagKeys ?? []).every(k => k in have)
    ) {
      matching.push(name);
    }
  }
  return describeBuckets(ctx, matching);
}

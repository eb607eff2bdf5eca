// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketWebsiteCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { AwsS3Bucket } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { createHash } from 'node:crypto';
import { AwsCallContext, ChangeContext } from '../context';
import { call, errorCode, toCloudError } from '../errors';
import { bucketTags } from './describeBuckets';

/** The bucket's name: `bucketName`, else derived from the creation token (names are global). */
export function bucketNameOf(
  resource: AwsS3Bucket,
  clientToken: string,
): string {
  return (
    resource.bucketName ??
    `intent-${resource.name.replace(/_/g, '-').slice(0, 30)}-${createHash(
      'sha256',
    )
      .update(clientToken)
      .digest('hex')
      .slice(0, 20)}`
  );
}

function publicReadPolicy(bucket: string) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
    ],
  });
}

/** Puts the bucket's settings; `only` limits them to changed plan fields. */
async function configure(
  ctx: AwsCallContext,
  bucket: string,
  resource: AwsS3Bucket,
  tags: Record<string, string>,
  only?: string[],
) {
  const want = (field: string) => !only || only.includes(field);
  const send = (action: string, command: any) =>
    call({ action, subject: bucket }, () =>
      ctx.s3.send(command, { abortSignal: ctx.signal }),
    );
  if (want('blockPublicAccess') || want('publicRead')) {
    const block = resource.blockPublicAccess && !resource.publicRead;
    await send(
      's3:PutBucketPublicAccessBlock',
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: block,
          RestrictPublicBuckets: block,
        },
      }),
    );
  }
  if (want('tags')) {
    await send(
      's3:PutBucketTagging',
      new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: {
          TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        },
      }),
    );
  }
  if (want('encryption')) {
    await send(
      's3:PutEncryptionConfiguration',
      new PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: resource.encryption,
              },
              BucketKeyEnabled: resource.encryption === 'aws:kms',
            },
          ],
        },
      }),
    );
  }
  if (want('versioning') && (resource.versioning || only)) {
    await send(
      's3:PutBucketVersioning',
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: {
          Status: resource.versioning ? 'Enabled' : 'Suspended',
        },
      }),
    );
  }
  if (want('website') && (resource.website || only)) {
    await send(
      resource.website ? 's3:PutBucketWebsite' : 's3:DeleteBucketWebsite',
      resource.website
        ? new PutBucketWebsiteCommand({
            Bucket: bucket,
            WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } },
          })
        : new DeleteBucketWebsiteCommand({ Bucket: bucket }),
    );
  }
  if (want('publicRead') && (resource.publicRead || only)) {
    await send(
      resource.publicRead ? 's3:PutBucketPolicy' : 's3:DeleteBucketPolicy',
      resource.publicRead
        ? new PutBucketPolicyCommand({
            Bucket: bucket,
            Policy: publicReadPolicy(bucket),
          })
        : new DeleteBucketPolicyCommand({ Bucket: bucket }),
    );
  }
}

/** What a bucket is once its settings are put: what describeBucket (describeBuckets.ts) then reads. */
function bucketState(
  bucket: string,
  resource: AwsS3Bucket,
  tags: Record<string, string>,
): CloudResourceState {
  return {
    type: 'aws_s3_bucket',
    cloudId: bucket,
    status: 'available',
    attributes: {
      bucketName: bucket,
      versioning: resource.versioning,
      encryption: resource.encryption,
      blockPublicAccess: resource.blockPublicAccess && !resource.publicRead,
      website: resource.website,
      publicRead: resource.publicRead,
    },
    tags,
  };
}

/**
 * CreateBucket (owner-enforced, so ACLs are off) takes no token. A bucket of
 * this name that the account owns already is this create's only when it
 * carries the change's creation token (a retry after a crash); settings are
 * then put, which is idempotent.
 */
export async function createBucket(
  ctx: ChangeContext,
  resource: AwsS3Bucket,
  clientToken: string,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  const bucket = bucketNameOf(resource, clientToken);
  try {
    await ctx.s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ObjectOwnership: 'BucketOwnerEnforced',
        ...(ctx.region === 'us-east-1'
          ? {}
          : {
              CreateBucketConfiguration: {
                LocationConstraint: ctx.region as BucketLocationConstraint,
              },
            }),
      }),
      { abortSignal: ctx.signal },
    );
  } catch (error) {
    if (errorCode(error) !== 'BucketAlreadyOwnedByYou') {
      throw toCloudError(error, {
        action: 's3:CreateBucket',
        subject: `${ctx.address}, bucket ${bucket}`,
      });
    }
    const have = await bucketTags(ctx, bucket);
    if (have?.[INTENT_TAGS.creationToken] !== tags[INTENT_TAGS.creationToken]) {
      throw toCloudError(error, {
        action: 's3:CreateBucket',
        subject: `${ctx.address}, bucket ${bucket}`,
      });
    }
  }
  await configure(ctx, bucket, resource, tags);
  return bucketState(bucket, resource, tags);
}

export async function updateBucket(
  ctx: ChangeContext,
  resource: AwsS3Bucket,
  bucket: string,
  tags: Record<string, string>,
  changedFields: string[],
): Promise<CloudResourceState> {
  await configure(
    ctx,
    bucket,
    resource,
    tags,
    changedFields.length ? changedFields : undefined,
  );
  return bucketState(bucket, resource, tags);
}

/** Empties the bucket (every version) and deletes it; a bucket already gone is fine. */
export async function deleteBucket(ctx: AwsCallContext, bucket: string) {
  const opts = { abortSignal: ctx.signal };
  try {
    for (;;) {
      const page = await ctx.s3.send(
        new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }),
        opts,
      );
      const objects = [
        ...(page.Versions ?? []),
        ...(page.DeleteMarkers ?? []),
      ].map(v => ({
        Key: v.Key!,
        VersionId: v.VersionId,
      }));
      if (objects.length === 0) break;
      await ctx.s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: objects, Quiet: true },
        }),
        opts,
      );
      if (!page.IsTruncated) break;
    }
    await ctx.s3.send(new DeleteBucketCommand({ Bucket: bucket }), opts);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'NoSuchBucket' && code !== 'NotFound') {
      throw toCloudError(error, { action: 's3:DeleteBucket', subject: bucket });
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsS3Bucket } from '@intent-sandboxes/backstage-plugin-intent-common';
import { stableHex } from '../catalog';
import { cloudError as error } from '../SimulatedCloudError';
import { NOT_FOUND, TypeRules } from './rules';

function checkBucketName(name: string) {
  if (
    /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ||
    /\.\.|\.-|-\./.test(name) ||
    name.startsWith('xn--') ||
    name.startsWith('sthree-') ||
    name.endsWith('-s3alias') ||
    name.endsWith('--ol-s3')
  ) {
    throw error(
      'InvalidBucketName',
      `The specified bucket is not valid: ${name}`,
    );
  }
}

/** A bucket name from the resource name and the create's token: global, stable on retry. */
function generatedBucketName(name: string, clientToken: string): string {
  return `${name.replace(/_/g, '-').slice(0, 46)}-${stableHex(
    clientToken,
    12,
  )}`;
}

/** S3 buckets: CreateBucket, no client token; names are global. */
export const bucketRules: TypeRules<AwsS3Bucket> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_s3_bucket,
  conflict: () =>
    error(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
    ),
  async desired(resource, _ctx, current) {
    const bucketName =
      resource.bucketName ??
      (current?.attributes.bucketName as string | undefined);
    if (bucketName) {
      checkBucketName(bucketName);
    }
    if (resource.publicRead && resource.blockPublicAccess) {
      throw error(
        'AccessDenied',
        'User is not authorized to perform s3:PutBucketPolicy because public policies are blocked by the BlockPublicPolicy block public access setting.',
      );
    }
    const wasVersioned = current?.attributes.versioningStatus !== undefined;
    let versioningStatus: string | undefined;
    if (resource.versioning) {
      versioningStatus = 'Enabled';
    } else if (wasVersioned) {
      versioningStatus = 'Suspended';
    }
    return {
      bucketName,
      versioning: resource.versioning,
      encryption: resource.encryption,
      website: resource.website,
      blockPublicAccess: resource.blockPublicAccess,
      publicRead: resource.publicRead,
      versioningStatus,
    };
  },
  initial(resource, desired, ctx) {
    const name =
      (desired.bucketName as string | undefined) ??
      generatedBucketName(resource.name, ctx.clientToken);
    return {
      id: name,
      liveKey: `aws_s3_bucket:${name}`,
      state: 'available',
      transitionAt: null,
      facts: {
        bucketName: name,
        arn: `arn:aws:s3:::${name}`,
        region: ctx.region,
        creationDate: new Date(ctx.now).toISOString(),
      },
    };
  },
};

/** Extra facts that depend on the bucket's settings. */
export function bucketFacts(
  attributes: Record<string, unknown>,
  region: string,
) {
  return {
    websiteEndpoint: attributes.website
      ? `http://${attributes.bucketName}.s3-website-${region}.amazonaws.com`
      : undefined,
  };
}

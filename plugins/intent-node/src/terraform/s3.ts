// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsS3Bucket,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  nestedBlock,
  outputsFor,
  resourceBlock,
  resourceTerraform,
  stringAttribute,
} from './common';
import { hclBlock, hclExpression, renderHclValue } from './hcl';
import type { ResourceExporter, TerraformImport } from './types';

/**
 * `aws_s3_bucket` and the split resources the provider manages its settings
 * with: `aws_s3_bucket_server_side_encryption_configuration`,
 * `aws_s3_bucket_public_access_block`, `aws_s3_bucket_versioning` (when
 * versioning is or was on), `aws_s3_bucket_website_configuration` (when a
 * website) and `aws_s3_bucket_policy` (public read). All import by the
 * bucket name.
 *
 * @public
 */
export const exportS3Bucket: ResourceExporter<AwsS3Bucket> = (
  bucket,
  context,
) => {
  const address = resourceAddress(bucket);
  const live = context.live(address);
  const actual = context.actual(address);
  const bucketName =
    stringAttribute(actual, 'bucketName') ??
    bucket.bucketName ??
    live?.cloudId ??
    undefined;
  const bucketRef = context.ref(address);
  const name = bucket.name;
  const blocks = [
    resourceBlock(context, bucket.type, name, {
      bucket: bucketName,
      tags: context.tags(address, bucket.tags),
    }),
    resourceBlock(
      context,
      'aws_s3_bucket_server_side_encryption_configuration',
      name,
      { bucket: bucketRef },
      [
        hclBlock(
          'rule',
          [],
          [
            nestedBlock('apply_server_side_encryption_by_default', {
              sse_algorithm: bucket.encryption,
            }),
          ],
        ),
      ],
    ),
    resourceBlock(context, 'aws_s3_bucket_public_access_block', name, {
      bucket: bucketRef,
      block_public_acls: bucket.blockPublicAccess,
      block_public_policy: bucket.blockPublicAccess,
      ignore_public_acls: bucket.blockPublicAccess,
      restrict_public_buckets: bucket.blockPublicAccess,
    }),
  ];
  // Versioning that was turned off is "Suspended"; a bucket never versioned
  // has no versioning configuration to manage.
  const suspended =
    !bucket.versioning &&
    stringAttribute(actual, 'versioningStatus') === 'Suspended';
  if (bucket.versioning || suspended) {
    blocks.push(
      resourceBlock(
        context,
        'aws_s3_bucket_versioning',
        name,
        { bucket: bucketRef },
        [
          nestedBlock('versioning_configuration', {
            status: bucket.versioning ? 'Enabled' : 'Suspended',
          }),
        ],
      ),
    );
  }
  if (bucket.website) {
    blocks.push(
      resourceBlock(
        context,
        'aws_s3_bucket_website_configuration',
        name,
        { bucket: bucketRef },
        [nestedBlock('index_document', { suffix: 'index.html' })],
      ),
    );
  }
  if (bucket.publicRead) {
    const policy = renderHclValue({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: hclExpression(
            `"\${${context.ref(address, 'arn').text}}/*"`,
          ),
        },
      ],
    });
    blocks.push(
      resourceBlock(context, 'aws_s3_bucket_policy', name, {
        bucket: bucketRef,
        policy: hclExpression(`jsonencode(${policy})`),
        // The policy is public: the access block must allow it first.
        depends_on: [
          hclExpression(`aws_s3_bucket_public_access_block.${name}`),
        ],
      }),
    );
  }
  const imports: TerraformImport[] =
    live?.cloudId && bucketName
      ? blocks.map(block => {
          const to = `${block.labels[0]}.${block.labels[1]}`;
          return { to, id: context.importId(address, bucketName) };
        })
      : [];
  return resourceTerraform({
    blocks,
    imports,
    outputs: [
      ...outputsFor(address, [
        ['id', `Name of the bucket ${name}`],
        ['arn', `ARN of the bucket ${name}`],
      ]),
      ...(bucket.website
        ? outputsFor(`aws_s3_bucket_website_configuration.${name}`, [
            ['website_endpoint', `Website endpoint of the bucket ${name}`],
          ])
        : []),
    ],
  });
};

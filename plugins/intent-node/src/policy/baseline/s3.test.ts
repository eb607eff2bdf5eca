// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { check, makePlan } from '../__testUtils__/fixtures';
import { s3NoPublicAccess } from './s3';

describe('s3-no-public-access', () => {
  it('flags a bucket without the public access block', () => {
    const plan = makePlan([
      { type: 'aws_s3_bucket', name: 'data', blockPublicAccess: false },
    ]);
    expect(check(s3NoPublicAccess, plan)).toEqual([
      {
        address: 'aws_s3_bucket.data',
        field: 'blockPublicAccess',
        message: 'aws_s3_bucket.data has the S3 public access block off',
        fix: 'Set blockPublicAccess: true',
        checkIds: expect.arrayContaining(['CKV2_AWS_6', 'AVD-AWS-0094']),
      },
    ]);
  });

  it('flags a public-read bucket even with the block on', () => {
    const plan = makePlan([
      { type: 'aws_s3_bucket', name: 'site', publicRead: true },
    ]);
    expect(check(s3NoPublicAccess, plan)).toEqual([
      expect.objectContaining({
        field: 'publicRead',
        message: 'aws_s3_bucket.site is readable by anyone on the internet',
        checkIds: ['CKV_AWS_20', 'CKV_AWS_70', 'AVD-AWS-0092'],
      }),
    ]);
  });

  it('accepts a private bucket (the defaults)', () => {
    const plan = makePlan([{ type: 'aws_s3_bucket', name: 'data' }]);
    expect(check(s3NoPublicAccess, plan)).toEqual([]);
  });
});

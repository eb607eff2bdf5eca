// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resourceAddress } from '@intent-sandboxes/backstage-plugin-intent-common';
import { resourcesOfType } from './resources';
import { BaselineRule, BaselineViolation } from './types';

const PUBLIC_ACCESS_BLOCK_CHECKS = [
  'CKV2_AWS_6',
  'CKV_AWS_53',
  'CKV_AWS_54',
  'CKV_AWS_55',
  'CKV_AWS_56',
  'AVD-AWS-0094',
  'AVD-AWS-0086',
  'AVD-AWS-0087',
  'AVD-AWS-0091',
  'AVD-AWS-0093',
];
const PUBLIC_READ_CHECKS = ['CKV_AWS_20', 'CKV_AWS_70', 'AVD-AWS-0092'];

/** S3 buckets keep the public access block on and are not public. @internal */
export const s3NoPublicAccess: BaselineRule = {
  id: 's3-no-public-access',
  title: 'S3 buckets block public access and are not public',
  checkIds: [...PUBLIC_ACCESS_BLOCK_CHECKS, ...PUBLIC_READ_CHECKS],
  check({ plan }) {
    return resourcesOfType(plan, 'aws_s3_bucket').flatMap(bucket => {
      const address = resourceAddress(bucket);
      const violations: BaselineViolation[] = [];
      if (!bucket.blockPublicAccess) {
        violations.push({
          address,
          field: 'blockPublicAccess',
          message: `${address} has the S3 public access block off`,
          fix: 'Set blockPublicAccess: true',
          checkIds: PUBLIC_ACCESS_BLOCK_CHECKS,
        });
      }
      if (bucket.publicRead) {
        violations.push({
          address,
          field: 'publicRead',
          message: `${address} is readable by anyone on the internet`,
          fix: 'Set publicRead: false and share objects with presigned URLs',
          checkIds: PUBLIC_READ_CHECKS,
        });
      }
      return violations;
    });
  },
};

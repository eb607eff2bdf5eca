// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';
import { missingIamAction, toCloudError } from './errors';

const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
  });

describe('toCloudError', () => {
  const context = { action: 'ec2:RunInstances', subject: 'aws_instance.web' };

  it.each([
    [
      sdkError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. User: arn:aws:iam::1:user/x is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:eu-west-1:1:instance/*',
      ),
      { kind: 'auth', retryable: false, code: 'UnauthorizedOperation' },
      'The AWS credentials may not call ec2:CreateTags: add "ec2:CreateTags" to the IAM policy of the provider\'s role (see the module README for the minimal policy) (aws_instance.web)',
    ],
    [
      sdkError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. Encoded authorization failure message: abc',
      ),
      { kind: 'auth', retryable: false },
      'The AWS credentials may not call ec2:RunInstances: add "ec2:RunInstances" to the IAM policy of the provider\'s role (see the module README for the minimal policy) (aws_instance.web)',
    ],
    [
      sdkError(
        'InsufficientInstanceCapacity',
        'We currently do not have sufficient t3.micro capacity in eu-west-1a.',
      ),
      { kind: 'transient', retryable: false },
      'AWS has no capacity for this instance type in the chosen availability zone right now: pick another instance type or zone, or retry in a few minutes (We currently do not have sufficient t3.micro capacity in eu-west-1a.) (aws_instance.web)',
    ],
    [
      sdkError(
        'VcpuLimitExceeded',
        'You have requested more vCPU capacity than your current vCPU limit of 32 allows.',
      ),
      { kind: 'quota', retryable: false },
      "The account's vCPU quota for this instance family is used up: stop or destroy other instances, pick a smaller type, or request a quota increase in Service Quotas (You have requested more vCPU capacity than your current vCPU limit of 32 allows.) (aws_instance.web)",
    ],
    [
      sdkError(
        'InvalidAMIID.NotFound',
        "The image id '[ami-1]' does not exist",
      ),
      { kind: 'not-found', retryable: false },
      "The pinned image is not usable in this region or account (InvalidAMIID.NotFound): plan the session again so the image is resolved anew (The image id '[ami-1]' does not exist) (aws_instance.web)",
    ],
    [
      sdkError('BucketAlreadyExists', 'taken'),
      { kind: 'conflict', retryable: false },
      'The bucket name is taken by another AWS account (bucket names are global): choose another bucketName (aws_instance.web)',
    ],
    [
      sdkError('RequestLimitExceeded', 'Request limit exceeded.'),
      { kind: 'throttled', retryable: true },
      'AWS throttled ec2:RunInstances: it will be retried with backoff (aws_instance.web)',
    ],
    [
      sdkError('SlowDown', 'Please reduce your request rate.'),
      { kind: 'throttled', retryable: true },
      'AWS throttled ec2:RunInstances: it will be retried with backoff (aws_instance.web)',
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
        code: 'ECONNREFUSED',
      }),
      { kind: 'transient', retryable: true },
      'AWS could not be reached for ec2:RunInstances (aws_instance.web): connect ECONNREFUSED 127.0.0.1:1. Check the network path to the endpoint (and intent.aws.endpoint), then retry.',
    ],
    [
      sdkError('UnknownError', 'UnknownError', 403),
      { kind: 'auth', retryable: false },
      'The AWS credentials may not call ec2:RunInstances: add "ec2:RunInstances" to the IAM policy of the provider\'s role (see the module README for the minimal policy) (aws_instance.web)',
    ],
  ])('maps %s', (error, fields, message) => {
    const mapped = toCloudError(error, context);
    expect(CloudError.isCloudError(mapped)).toBe(true);
    expect(mapped).toMatchObject(fields);
    expect(mapped.message).toBe(message);
  });

  it('passes CloudErrors through', () => {
    const error = new CloudError({ kind: 'invalid', message: 'x' });
    expect(toCloudError(error, context)).toBe(error);
  });

  it('finds the IAM action in S3 messages too', () => {
    expect(
      missingIamAction(
        'User: arn:aws:iam::1:user/x is not authorized to perform: s3:PutBucketTagging because no identity-based policy allows the s3:PutBucketTagging action',
      ),
    ).toBe('s3:PutBucketTagging');
  });
});

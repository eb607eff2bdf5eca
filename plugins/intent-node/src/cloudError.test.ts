// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { classifyEc2Error, CloudError } from './cloudError';

describe('CloudError', () => {
  it('is retryable by default when throttled or transient', () => {
    expect(
      new CloudError({ kind: 'throttled', message: 'slow' }).retryable,
    ).toBe(true);
    expect(new CloudError({ kind: 'transient', message: 'x' }).retryable).toBe(
      true,
    );
    expect(new CloudError({ kind: 'invalid', message: 'x' }).retryable).toBe(
      false,
    );
    const pinned = new CloudError({
      kind: 'transient',
      message: 'x',
      retryable: false,
      code: 'C',
    });
    expect([pinned.retryable, pinned.code, pinned.name]).toEqual([
      false,
      'C',
      'CloudError',
    ]);
  });

  it('recognises cloud errors also from another copy of the package', () => {
    const copy = Object.assign(new Error('boom'), {
      kind: 'throttled',
      retryable: true,
    });
    expect(CloudError.isCloudError(copy)).toBe(true);
    expect(CloudError.isCloudError(new Error('boom'))).toBe(false);
    expect(CloudError.isCloudError({ kind: 'x', retryable: true })).toBe(false);
    expect(
      CloudError.isCloudError(new CloudError({ kind: 'auth', message: 'no' })),
    ).toBe(true);
  });

  it.each([
    ['RequestLimitExceeded', 'throttled', true],
    ['SlowDown', 'throttled', true],
    ['InternalError', 'transient', true],
    ['IncorrectInstanceState', 'transient', true],
    ['InsufficientInstanceCapacity', 'transient', false],
    ['InvalidInstanceID.NotFound', 'not-found', false],
    ['InvalidAMIID.NotFound', 'not-found', false],
    ['NoSuchBucket', 'not-found', false],
    ['InvalidParameterValue', 'invalid', false],
    ['MissingParameter', 'invalid', false],
    ['InvalidVpc.Range', 'invalid', false],
    ['InvalidKeyPair.Duplicate', 'conflict', false],
    ['InvalidSubnet.Conflict', 'conflict', false],
    ['DependencyViolation', 'conflict', false],
    ['IdempotentParameterMismatch', 'conflict', false],
    ['VcpuLimitExceeded', 'quota', false],
    ['UnauthorizedOperation', 'auth', false],
    ['SomethingElse', 'unknown', false],
  ])('classifies %s as %s', (code, kind, retryable) => {
    expect(classifyEc2Error(code)).toEqual({ kind, retryable });
  });
});

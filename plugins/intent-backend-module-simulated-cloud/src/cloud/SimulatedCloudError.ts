// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CloudError,
  classifyEc2Error,
} from '@intent-sandboxes/backstage-plugin-intent-node';

/**
 * An error of the simulated cloud, as EC2 (or S3) would report it: an error
 * code such as `InvalidParameterValue`, `DependencyViolation` or
 * `IdempotentParameterMismatch`, and its message. A {@link CloudError} whose
 * kind and retryability follow from the code, e.g.
 * `RequestLimitExceeded` is `throttled`, `InvalidGroup.NotFound` is
 * `not-found`.
 *
 * @public
 */
export class SimulatedCloudError extends CloudError {
  /** The EC2 or S3 error code. */
  declare readonly code: string;

  constructor(code: string, message: string) {
    super({ ...classifyEc2Error(code), code, message: `${code}: ${message}` });
    this.name = 'SimulatedCloudError';
  }
}

/** Shorthand for a {@link SimulatedCloudError}. */
export const cloudError = (code: string, message: string) =>
  new SimulatedCloudError(code, message);

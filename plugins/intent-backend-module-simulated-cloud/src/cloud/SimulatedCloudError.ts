// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * An error of the simulated cloud, as EC2 (or S3) would report it: an error
 * code such as `InvalidParameterValue`, `DependencyViolation` or
 * `IdempotentParameterMismatch`, and its message.
 *
 * @public
 */
export class SimulatedCloudError extends Error {
  /** The EC2 or S3 error code. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'SimulatedCloudError';
    this.code = code;
  }
}

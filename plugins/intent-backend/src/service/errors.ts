// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CustomErrorBase } from '@backstage/errors';

/**
 * A destructive request (destroy, or an apply that deletes or replaces)
 * without `confirm: true`. Answered with 428 and what would be destroyed.
 *
 * @internal
 */
export class ConfirmationRequiredError extends CustomErrorBase {
  readonly statusCode = 428;
  constructor(message: string) {
    super(message);
    this.name = 'ConfirmationRequiredError';
  }
}

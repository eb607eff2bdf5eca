// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ConflictError, CustomErrorBase } from '@backstage/errors';
import type {
  SessionLock,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

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

/**
 * 409: another operation holds the session's lock. The error body carries
 * the holder (`lock`: operation, user, since, lease) for clients to show.
 *
 * @internal
 */
export class SessionLockedError extends ConflictError {
  readonly lock: SessionLock;
  constructor(sessionId: string, lock: SessionLock) {
    super(
      `Session ${sessionId} is locked by ${lock.holder} (operation ${lock.operationId}, since ${lock.acquiredAt}, lease until ${lock.expiresAt})`,
    );
    this.lock = lock;
  }
}

/**
 * 409: the session's state does not allow the request (an illegal
 * transition). The error body carries the current `sessionStatus`.
 *
 * @internal
 */
export class SessionStateError extends ConflictError {
  readonly sessionStatus: SessionStatus;
  constructor(message: string, sessionStatus: SessionStatus) {
    super(message);
    this.sessionStatus = sessionStatus;
  }
}

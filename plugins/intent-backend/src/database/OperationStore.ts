// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Operation,
  OperationStep,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Apply and destroy runs and their step log.
 *
 * @internal
 */
export interface OperationStore {
  createOperation(options: {
    id: string;
    sessionId: string;
    kind: Operation['kind'];
    revisionSeq: number | null;
    actor: string;
  }): Promise<void>;

  appendStep(
    options: { operationId: string } & Omit<OperationStep, 'at'>,
  ): Promise<void>;

  finishOperation(options: {
    operationId: string;
    status: 'succeeded' | 'failed';
    error?: string;
  }): Promise<void>;

  /** The operation with its steps in order; NotFoundError when there is none. */
  getOperation(options: { id: string }): Promise<Operation>;
}

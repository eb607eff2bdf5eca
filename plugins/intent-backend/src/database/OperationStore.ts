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

  /**
   * Ends an operation that is still `running`; one that already ended (e.g.
   * `aborted` by a forced lock release) keeps its outcome.
   */
  finishOperation(options: {
    operationId: string;
    status: 'succeeded' | 'failed' | 'aborted';
    error?: string;
  }): Promise<void>;

  /**
   * Marks every other operation of the session that is still `running`
   * `aborted` with `error`: called by the operation that took over the
   * session's lock. Returns the ids it aborted.
   */
  abortOperations(options: {
    sessionId: string;
    except: string;
    error: string;
  }): Promise<string[]>;

  /** Every operation still `running`, oldest first. */
  listRunningOperations(): Promise<Array<Omit<Operation, 'steps'>>>;

  /** The operation with its steps in order; NotFoundError when there is none. */
  getOperation(options: { id: string }): Promise<Operation>;
}

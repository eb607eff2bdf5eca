// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  Operation,
  OperationStep,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import { getMigratedClient } from './migrate';
import { OperationStore } from './OperationStore';
import { OperationRow, StepRow, toOperation, toStep } from './rows';

/**
 * The {@link OperationStore} on the plugin database.
 *
 * @internal
 */
export class DatabaseOperationStore implements OperationStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseOperationStore> {
    return new DatabaseOperationStore(await getMigratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async createOperation(options: {
    id: string;
    sessionId: string;
    kind: Operation['kind'];
    revisionSeq: number | null;
    actor: string;
  }): Promise<void> {
    await this.db<OperationRow>('operations').insert({
      id: options.id,
      session_id: options.sessionId,
      kind: options.kind,
      revision_seq: options.revisionSeq,
      status: 'running',
      actor: options.actor,
      error: null,
      started_at: new Date(),
      finished_at: null,
    });
  }

  async appendStep(
    options: { operationId: string } & Omit<OperationStep, 'at'>,
  ): Promise<void> {
    await this.db<StepRow>('operation_steps').insert({
      operation_id: options.operationId,
      step: options.step,
      status: options.status,
      cloud_id: options.cloudId,
      message: options.message,
      at: new Date(),
    });
  }

  async finishOperation(options: {
    operationId: string;
    status: 'succeeded' | 'failed' | 'aborted';
    error?: string;
  }): Promise<void> {
    await this.db<OperationRow>('operations')
      .where({ id: options.operationId, status: 'running' })
      .update({
        status: options.status,
        error: options.error ?? null,
        finished_at: new Date(),
      });
  }

  async abortOperations(options: {
    sessionId: string;
    except: string;
    error: string;
  }): Promise<string[]> {
    const running = this.db<OperationRow>('operations')
      .where({ session_id: options.sessionId, status: 'running' })
      .whereNot({ id: options.except });
    const ids = (await running.clone().select('id')).map(r => r.id);
    if (ids.length > 0) {
      await this.db<OperationRow>('operations')
        .whereIn('id', ids)
        .where({ status: 'running' })
        .update({
          status: 'aborted',
          error: options.error,
          finished_at: new Date(),
        });
    }
    return ids;
  }

  async listRunningOperations(): Promise<Array<Omit<Operation, 'steps'>>> {
    const rows = await this.db<OperationRow>('operations')
      .where({ status: 'running' })
      .orderBy('started_at', 'asc');
    return rows.map(toOperation);
  }

  async getOperation(options: { id: string }): Promise<Operation> {
    const row = await this.db<OperationRow>('operations')
      .where({ id: options.id })
      .first();
    if (!row) {
      throw new NotFoundError(`No operation with id ${options.id}`);
    }
    const steps = await this.db<StepRow>('operation_steps')
      .where({ operation_id: options.id })
      .orderBy('id', 'asc');
    return { ...toOperation(row), steps: steps.map(toStep) };
  }
}

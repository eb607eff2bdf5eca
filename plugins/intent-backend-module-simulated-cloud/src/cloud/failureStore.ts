// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Knex } from 'knex';
import { Millis, TABLES } from './rows';

type FailureRow = {
  id: string;
  action: string | null;
  type: string | null;
  address: string | null;
  phase: string;
  remaining: number | string;
  code: string;
  message: string;
  created_at: Millis;
};

/** An injected failure waiting to be consumed. */
export interface StoredFailure {
  id: string;
  action: string | null;
  type: string | null;
  address: string | null;
  phase: 'before' | 'after';
  code: string;
  message: string;
}

/** The injected failures of the simulated cloud, in their table. */
export class FailureStore {
  constructor(private readonly db: Knex) {}

  async add(failure: StoredFailure & { times: number }, now: number) {
    await this.db<FailureRow>(TABLES.failures).insert({
      id: failure.id,
      action: failure.action,
      type: failure.type,
      address: failure.address,
      phase: failure.phase,
      remaining: failure.times,
      code: failure.code,
      message: failure.message,
      created_at: now,
    });
  }

  async pending(): Promise<StoredFailure[]> {
    const rows = await this.db<FailureRow>(TABLES.failures)
      .where('remaining', '>', 0)
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(row => ({
      id: row.id,
      action: row.action,
      type: row.type,
      address: row.address,
      phase: row.phase as StoredFailure['phase'],
      code: row.code,
      message: row.message,
    }));
  }

  /** Takes one use of a failure; false when a concurrent call took the last. */
  async consume(id: string): Promise<boolean> {
    const count = await this.db<FailureRow>(TABLES.failures)
      .where({ id })
      .andWhere('remaining', '>', 0)
      .decrement('remaining', 1);
    await this.db<FailureRow>(TABLES.failures)
      .where({ id })
      .andWhere('remaining', '<=', 0)
      .delete();
    return Number(count) === 1;
  }

  async clear(): Promise<number> {
    return this.db(TABLES.failures).delete();
  }
}

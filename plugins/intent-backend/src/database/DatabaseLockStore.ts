// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { insertAuditEvent } from './auditRows';
import { AcquireResult, LockStore } from './LockStore';
import { LockRow, toLock } from './rows';

/**
 * {@link LockStore} on the plugin database. Acquiring is one insert (which
 * the primary key makes fail while anybody holds the key) or, when the
 * existing lease has expired, one conditional update that only matches an
 * expired row: each is a single atomic statement on SQLite, PostgreSQL and
 * MySQL, so two callers can never both win.
 *
 * @internal
 */
export class DatabaseLockStore implements LockStore {
  constructor(private readonly db: Knex) {}

  async acquire(options: {
    key: string;
    operationId: string;
    holder: string;
    leaseMillis: number;
  }): Promise<AcquireResult> {
    const now = new Date();
    const row = {
      key: options.key,
      operation_id: options.operationId,
      holder: options.holder,
      acquired_at: now,
      expires_at: new Date(now.getTime() + options.leaseMillis),
    };
    try {
      await this.db<LockRow>('locks').insert(row);
      return { acquired: true };
    } catch (error) {
      if (!isDatabaseConflictError(error)) {
        throw error;
      }
    }
    const takenOver = await this.db<LockRow>('locks')
      .where({ key: options.key })
      .andWhere('expires_at', '<', now)
      .update(row);
    if (takenOver === 1) {
      return { acquired: true };
    }
    const holder = await this.get({ key: options.key });
    if (!holder) {
      // Released between our two statements: try once more from the start.
      return this.acquire(options);
    }
    return { acquired: false, holder };
  }

  async renew(options: {
    key: string;
    operationId: string;
    leaseMillis: number;
  }) {
    const updated = await this.db<LockRow>('locks')
      .where({ key: options.key, operation_id: options.operationId })
      .update({ expires_at: new Date(Date.now() + options.leaseMillis) });
    return updated === 1;
  }

  async release(options: { key: string; operationId: string }) {
    await this.db<LockRow>('locks')
      .where({ key: options.key, operation_id: options.operationId })
      .delete();
  }

  async forceRelease(options: {
    key: string;
    audit: { sessionId: string; actor: string };
  }) {
    return this.db.transaction(async tx => {
      const current = await tx<LockRow>('locks')
        .where({ key: options.key })
        .first();
      if (current) {
        await tx<LockRow>('locks')
          .where({ key: options.key, operation_id: current.operation_id })
          .delete();
      }
      const released = current ? toLock(current) : undefined;
      await insertAuditEvent(tx, options.audit.sessionId, {
        actor: options.audit.actor,
        action: 'lock-force-release',
        details: { released: released ? { ...released } : null },
      });
      return released;
    });
  }

  async get(options: { key: string }) {
    const row = await this.db<LockRow>('locks')
      .where({ key: options.key })
      .first();
    return row ? toLock(row) : undefined;
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { insertAuditEvent } from './auditRows';
import { AcquireResult, LockGrant, LockStore } from './LockStore';
import { LockRow, OperationRow, RevisionRow, SessionRow, toLock } from './rows';

/**
 * {@link LockStore} on the plugin database. A key's row stays once created;
 * releasing marks it `released_at`. Acquiring is one insert (which the
 * primary key makes fail once the key has a row) or one conditional update
 * that only matches a released or expired row and increments `generation`
 * in the same statement: each is a single atomic statement on SQLite,
 * PostgreSQL and MySQL, so two callers can never both win, and no two
 * grants of a key share a generation.
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
      released_at: null,
    };
    try {
      await this.db<LockRow>('locks').insert({ ...row, generation: 1 });
      return { acquired: true, generation: 1 };
    } catch (error) {
      if (!isDatabaseConflictError(error)) {
        throw error;
      }
    }
    const takenOver = await this.db<LockRow>('locks')
      .where({ key: options.key })
      .andWhere(free =>
        free.whereNotNull('released_at').orWhere('expires_at', '<', now),
      )
      .update({
        ...row,
        generation: this.db.raw('?? + 1', ['generation']) as unknown as number,
      });
    if (takenOver === 1) {
      const granted = await this.db<LockRow>('locks')
        .where({ key: options.key, operation_id: options.operationId })
        .first('generation');
      if (granted) {
        return { acquired: true, generation: Number(granted.generation) };
      }
    }
    const holder = await this.get({ key: options.key });
    if (!holder) {
      // Released (or taken and released) meanwhile: try once more.
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
      .whereNull('released_at')
      .update({ expires_at: new Date(Date.now() + options.leaseMillis) });
    return updated === 1;
  }

  async isHeld(grant: LockGrant) {
    const row = await this.db<LockRow>('locks')
      .where({
        key: grant.key,
        operation_id: grant.operationId,
        generation: grant.generation,
      })
      .whereNull('released_at')
      .first('key');
    return row !== undefined;
  }

  async release(options: { key: string; operationId: string }) {
    await this.db<LockRow>('locks')
      .where({ key: options.key, operation_id: options.operationId })
      .whereNull('released_at')
      .update({ released_at: new Date() });
  }

  async forceRelease(options: {
    key: string;
    audit: { sessionId: string; actor: string };
  }) {
    return this.db.transaction(async tx => {
      const current = await tx<LockRow>('locks')
        .where({ key: options.key })
        .whereNull('released_at')
        .first();
      if (!current) {
        return undefined;
      }
      const now = new Date();
      const released = await tx<LockRow>('locks')
        .where({
          key: options.key,
          operation_id: current.operation_id,
          generation: current.generation,
        })
        .whereNull('released_at')
        .update({ released_at: now });
      if (released !== 1) {
        return undefined;
      }
      const operation = await tx<OperationRow>('operations')
        .where({ id: current.operation_id, status: 'running' })
        .first();
      let sessionStatus: string | undefined = undefined;
      if (operation) {
        await tx<OperationRow>('operations')
          .where({ id: operation.id, status: 'running' })
          .update({
            status: 'aborted',
            error: `Aborted: ${options.audit.actor} force-released the lock of session ${options.audit.sessionId}`,
            finished_at: now,
          });
        // The stopped operation never records an outcome (it is fenced
        // off): the session it was moving is `failed`, to retry or destroy.
        const failed = await tx<SessionRow>('sessions')
          .where({ id: operation.session_id })
          .whereIn('status', ['applying', 'destroying'])
          .update({ status: 'failed', updated_at: now });
        if (failed === 1) {
          sessionStatus = 'failed';
          if (operation.kind === 'apply' && operation.revision_seq !== null) {
            await tx<RevisionRow>('revisions')
              .where({
                session_id: operation.session_id,
                seq: operation.revision_seq,
              })
              .whereNot({ status: 'applied' })
              .update({ status: 'failed' });
          }
        }
      }
      const lock = toLock(current);
      await insertAuditEvent(tx, options.audit.sessionId, {
        actor: options.audit.actor,
        action: 'lock-force-release',
        details: {
          released: { ...lock },
          generation: Number(current.generation),
          abortedOperationId: operation?.id ?? null,
          ...(sessionStatus ? { sessionStatus } : {}),
        },
      });
      return lock;
    });
  }

  async get(options: { key: string }) {
    const row = await this.db<LockRow>('locks')
      .where({ key: options.key })
      .whereNull('released_at')
      .first();
    return row ? toLock(row) : undefined;
  }
}

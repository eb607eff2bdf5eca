// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DatabaseService } from '@backstage/backend-plugin-api';
import type { AuditEvent } from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import { AuditEntry, AuditStore } from './AuditStore';
import { insertAuditEvent } from './auditRows';
import { getMigratedClient } from './migrate';
import { AuditRow, toAuditEvent } from './rows';

/**
 * The {@link AuditStore} on the plugin database.
 *
 * @internal
 */
export class DatabaseAuditStore implements AuditStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseAuditStore> {
    return new DatabaseAuditStore(await getMigratedClient(options));
  }

  private constructor(private readonly db: Knex) {}

  async appendAudit(
    options: { sessionId: string | null } & AuditEntry,
  ): Promise<void> {
    await insertAuditEvent(this.db, options.sessionId, options);
  }

  async listAuditEvents(options: {
    sessionId?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditEvent[]> {
    const query = this.db<AuditRow>('audit_events')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.sessionId) {
      query.where({ session_id: options.sessionId });
    }
    if (options.beforeId !== undefined) {
      query.where('id', '<', options.beforeId);
    }
    const rows = await query;
    return rows.map(toAuditEvent);
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Knex } from 'knex';
import type { AuditRow } from './rows';
import type { AuditEntry } from './AuditStore';

/** Appends an audit event, in the caller's transaction when it passes one. */
export async function insertAuditEvent(
  db: Knex | Knex.Transaction,
  sessionId: string | null,
  entry: AuditEntry,
) {
  await db<AuditRow>('audit_events').insert({
    session_id: sessionId,
    revision_seq: entry.revisionSeq ?? null,
    actor: entry.actor,
    action: entry.action,
    details: JSON.stringify(entry.details),
    created_at: new Date(),
  });
}

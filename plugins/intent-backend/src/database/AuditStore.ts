// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AuditEvent } from '@intent-sandboxes/backstage-plugin-intent-common';

/** An audit entry appended in the same transaction as the change it records. @internal */
export interface AuditEntry {
  actor: string;
  action: string;
  revisionSeq?: number;
  details: Record<string, unknown>;
}

/**
 * The append-only audit log. Changes to a session append their own entry in
 * their transaction; this is for the entries that stand alone.
 *
 * @internal
 */
export interface AuditStore {
  appendAudit(
    options: { sessionId: string | null } & AuditEntry,
  ): Promise<void>;

  /** Newest first; `beforeId` pages back from an earlier answer. */
  listAuditEvents(options: {
    sessionId?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditEvent[]>;
}

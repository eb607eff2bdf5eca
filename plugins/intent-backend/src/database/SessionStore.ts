// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AuditEvent,
  PlannerResult,
  Revision,
  Session,
  SessionDetails,
  SessionResource,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** An audit entry to append with a change. @internal */
export interface AuditEntry {
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/**
 * Storage of sessions, revisions, resources and the audit log. Every method
 * that changes something appends its audit entry in the same transaction.
 *
 * @internal
 */
export interface SessionStore {
  createSession(options: {
    title: string;
    owner: string;
    provider: string;
    intent: string;
    result: PlannerResult;
    planHash: string;
  }): Promise<SessionDetails>;

  getSession(options: { id: string }): Promise<SessionDetails>;

  listSessions(options: {
    owner?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: Session[]; totalCount: number }>;

  /**
   * Moves a session from one status to another only if it is still in
   * `from`; returns false (and changes nothing) when it is not.
   */
  transition(options: {
    id: string;
    from: SessionStatus;
    to: SessionStatus;
    revision?: { seq: number; status: Revision['status'] };
    audit: AuditEntry;
  }): Promise<boolean>;

  saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt'>;
  }): Promise<void>;

  listAuditEvents(options: { sessionId: string }): Promise<AuditEvent[]>;
}

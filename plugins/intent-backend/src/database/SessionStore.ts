// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  Approval,
  AuditEvent,
  Operation,
  OperationStep,
  Revision,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionResource,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { SessionQuery } from '../permissions';

/** An audit entry appended in the same transaction as the change it records. @internal */
export interface AuditEntry {
  actor: string;
  action: string;
  revisionSeq?: number;
  details: Record<string, unknown>;
}

/** A revision as the service hands it to the store. @internal */
export type NewRevision = Omit<
  Revision,
  'sessionId' | 'seq' | 'status' | 'approvedBy' | 'createdAt'
>;

/** Filters of the session list. @internal */
export interface SessionFilter {
  owner?: string;
  status?: SessionStatus;
  /** From a conditional permission decision: only the sessions it allows. */
  criteria?: PermissionCriteria<SessionQuery>;
}

/**
 * Storage of sessions, revisions, resources, operations and the audit log.
 * Every method that changes a session appends its audit entry in the same
 * transaction, and state changes are conditional on the state the caller saw.
 *
 * @internal
 */
export interface SessionStore {
  createSession(options: {
    session: Pick<
      Session,
      | 'title'
      | 'owner'
      | 'team'
      | 'provider'
      | 'region'
      | 'status'
      | 'expiresAt'
    >;
    revision: NewRevision;
    audit: AuditEntry;
  }): Promise<string>;

  /**
   * Appends the next revision and moves the session to `to`, only if it is in
   * one of `from`; earlier proposed or approved revisions become superseded.
   * Returns the new seq, or undefined when the session was not in `from`.
   */
  addRevision(options: {
    sessionId: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision: NewRevision;
    audit: AuditEntry;
  }): Promise<number | undefined>;

  getSession(options: { id: string }): Promise<SessionDetails>;

  /** The session alone (one query), or undefined when there is none. */
  findSession(options: { id: string }): Promise<Session | undefined>;

  listSessions(
    options: SessionFilter & { limit: number; offset: number },
  ): Promise<{
    items: Session[];
    totalCount: number;
  }>;

  /**
   * Moves a session from one of `from` to `to` (and optionally one revision's
   * status and the expiry); false, with nothing changed, when it was not in `from`.
   */
  transition(options: {
    id: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision?: { seq: number; status: RevisionStatus; approvedBy?: string };
    expiresAt?: string | null;
    audit: AuditEntry;
  }): Promise<boolean>;

  saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt'>;
  }): Promise<void>;

  deleteResource(options: {
    sessionId: string;
    address: string;
  }): Promise<void>;

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

  getOperation(options: { id: string }): Promise<Operation>;

  /**
   * Records an approve/reject decision on a proposed revision and moves the
   * revision to approved/rejected, only if it is still proposed with that
   * plan hash; false, with nothing changed, otherwise.
   */
  decideRevision(options: {
    sessionId: string;
    /** The revision states the decision may replace. */
    from: RevisionStatus[];
    approval: Omit<Approval, 'createdAt'>;
    audit: AuditEntry;
  }): Promise<boolean>;

  appendAudit(
    options: { sessionId: string | null } & AuditEntry,
  ): Promise<void>;

  listAuditEvents(options: {
    sessionId?: string;
    limit: number;
    beforeId?: number;
  }): Promise<AuditEvent[]>;
}

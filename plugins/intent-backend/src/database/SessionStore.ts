// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  Approval,
  Operation,
  Revision,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionResource,
  SessionStatus,
  SessionSummary,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { SessionQuery } from '../permissions';
import type { AuditEntry, AuditStore } from './AuditStore';
import type { LockGrant } from './LockStore';
import type { OperationStore } from './OperationStore';

export type { AuditEntry } from './AuditStore';

/** A revision as the service hands it to the store. @internal */
export type NewRevision = Omit<
  Revision,
  'sessionId' | 'seq' | 'status' | 'approvedBy' | 'createdAt'
>;

/** Filters of the session list. @internal */
export interface SessionFilter {
  owner?: string;
  /** Only sessions whose team is one of these group refs (none: no session). */
  teams?: string[];
  status?: SessionStatus;
  /** Only sessions in one of these statuses (e.g. `LIVE_SESSION_STATUSES`). */
  statuses?: readonly SessionStatus[];
  /**
   * Case-insensitive text anywhere in the title, id, owner, team or the
   * intent of any revision.
   */
  search?: string;
  /** From a conditional permission decision: only the sessions it allows. */
  criteria?: PermissionCriteria<SessionQuery>;
}

/**
 * Storage of sessions, revisions, resources, operations and the audit log:
 * what the router and the service see. Every method that changes a session
 * appends its audit entry in the same transaction, and state changes are
 * conditional on the state the caller saw.
 *
 * @internal
 */
export interface SessionStore extends OperationStore, AuditStore {
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
   * The session keeps its region: a revision only proposes a move (see
   * `transition`).
   */
  addRevision(options: {
    sessionId: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision: NewRevision;
    audit: AuditEntry;
  }): Promise<number | undefined>;

  /**
   * The session with its revisions, resources, latest operations, live lock
   * and approvals, in at most two queries; NotFoundError when there is none.
   */
  getSession(options: { id: string }): Promise<SessionDetails>;

  /** The session alone (one query), or undefined when there is none. */
  findSession(options: { id: string }): Promise<Session | undefined>;

  /**
   * A page of the sessions the filter matches, newest first, each with the
   * cost of what it runs and whether it drifted (three queries).
   */
  listSessions(
    options: SessionFilter & { limit: number; offset: number },
  ): Promise<{
    items: SessionSummary[];
    totalCount: number;
  }>;

  /**
   * The monthly run-rate of the live sessions `owner` owns and of those
   * whose team is one of `teams`, among those `criteria` allows.
   */
  runRate(options: {
    owner: string;
    teams: string[];
    criteria?: PermissionCriteria<SessionQuery>;
  }): Promise<{ mineUsd: number; teamUsd: number }>;

  /**
   * Moves a session from one of `from` to `to` (and optionally one revision's
   * status, the expiry and the region, once a move is applied); false, with
   * nothing changed, when it was not in `from`.
   *
   * An operation records its outcome with `operation` (it ends with that
   * status) and `lock` (its grant, released in the same transaction): the
   * whole move happens only while that grant is still the current one
   * (fencing), else nothing changes and the answer is false.
   */
  transition(options: {
    id: string;
    from: SessionStatus[];
    to: SessionStatus;
    revision?: { seq: number; status: RevisionStatus; approvedBy?: string };
    expiresAt?: string | null;
    region?: string;
    /** Entity ref of the catalog component a promotion created. */
    promotedTo?: string;
    operation?: {
      id: string;
      status: 'succeeded' | 'failed';
      error?: string;
    };
    lock?: LockGrant;
    /** Creates this running operation in the same transaction as the move. */
    startsOperation?: {
      id: string;
      kind: Operation['kind'];
      revisionSeq: number | null;
      actor: string;
    };
    audit: AuditEntry;
  }): Promise<boolean>;

  /**
   * Inserts or updates the resource at its address. An update without a
   * `region` keeps the one on record.
   */
  saveResource(options: {
    sessionId: string;
    resource: Omit<SessionResource, 'updatedAt' | 'region'> & {
      region?: string | null;
    };
  }): Promise<void>;

  deleteResource(options: {
    sessionId: string;
    address: string;
  }): Promise<void>;

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
}

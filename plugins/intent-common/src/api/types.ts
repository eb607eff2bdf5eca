// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from '../plan';
import type { PlanAssumption } from '../planner';

/** Where a session is in its lifecycle. @public */
export type SessionStatus =
  | 'draft'
  | 'planned'
  | 'applying'
  | 'active'
  | 'failed'
  | 'destroying'
  | 'destroyed'
  | 'expired'
  | 'promoted';

/** A sandbox: everything one intent (and its follow-ups) asked for. @public */
export interface Session {
  id: string;
  title: string;
  /** Entity ref of the user who asked for it. */
  owner: string;
  provider: string;
  region: string;
  status: SessionStatus;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export type RevisionStatus =
  | 'proposed'
  | 'approved'
  | 'rejected'
  | 'applied'
  | 'superseded'
  | 'failed';

/** One planned version of a session's desired state. Append-only. @public */
export interface Revision {
  sessionId: string;
  seq: number;
  intent: string;
  planner: string;
  plan: Plan;
  assumptions: PlanAssumption[];
  questions: string[];
  outOfScope: string[];
  /** sha256 of the canonical plan: what an apply request must quote. */
  planHash: string;
  status: RevisionStatus;
  createdBy: string;
  createdAt: string;
}

/** A cloud resource of a session, as desired and as last seen. @public */
export interface SessionResource {
  address: string;
  type: string;
  cloudId: string | null;
  /** The cloud's own state, e.g. `pending`, `running`. */
  status: string;
  desired: Record<string, unknown>;
  actual: Record<string, unknown> | null;
  updatedAt: string;
}

/** @public */
export interface AuditEvent {
  id: number;
  sessionId: string | null;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** What `GET /v1/sessions/:id` returns. @public */
export interface SessionDetails {
  session: Session;
  revisions: Revision[];
  resources: SessionResource[];
}

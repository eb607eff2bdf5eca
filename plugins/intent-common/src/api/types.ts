// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { CostEstimate } from '../cost';
import type { PlanDiff } from '../diff';
import type {
  BaselineConfig,
  PolicyEvaluation,
  PolicyFinding,
  PolicyVerdict,
} from '../policy';
import type { Plan, PlanAssumption } from '../plan';
import type { InstanceConnection } from '../session/connection';

/** Where a session is in its lifecycle (transitions: `SESSION_TRANSITIONS`). @public */
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
  /** Entity ref of the owner's team, when known. */
  team: string | null;
  provider: string;
  region: string;
  status: SessionStatus;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  promotedTo: string | null;
  /**
   * Estimated cost so far: each applied revision's hourly cost times the
   * hours it ran (see `accruedCostUsd`). Set by the session list and details.
   */
  accruedCostUsd?: number;
}

/** A session as `GET /v1/sessions` lists it. @public */
export interface SessionSummary extends Session {
  /**
   * Cost of what runs: the latest applied revision's estimate while the
   * session is live; null when nothing was applied or the session ended.
   */
  hourlyCostUsd: number | null;
  /** `hourlyCostUsd` times 730 hours, as the revision's estimate says. */
  monthlyCostUsd: number | null;
  /** Whether the latest drift check found resources changed outside the portal. */
  drifted: boolean;
}

/** Whose sessions `GET /v1/sessions` lists (`all`: whatever the caller may read). @public */
export type SessionListScope = 'mine' | 'team' | 'all';

/** The status filter of `GET /v1/sessions`: one status, or `live` (not ended). @public */
export type SessionListStatus = SessionStatus | 'live';

/** What `GET /v1/sessions` returns. @public */
export interface SessionList {
  items: SessionSummary[];
  /** How many sessions match, over all pages. */
  totalCount: number;
  /**
   * The monthly run-rate (sum of `monthlyCostUsd`) of the live sessions the
   * caller owns and of those of their teams, whatever the filters; only for
   * a signed-in user.
   */
  runRate?: { mineUsd: number; teamUsd: number };
}

/** @public */
export type RevisionStatus =
  | 'proposed'
  | 'approved'
  | 'rejected'
  | 'applied'
  | 'superseded'
  | 'failed';

/** The guardrails' verdict on a revision, as stored with it. @public */
export type RevisionPolicy = PolicyEvaluation;

/** The cost estimate stored with a revision. @public */
export type RevisionCost = CostEstimate;

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
  /** For a follow-up: what the planner understood it to change. */
  modification: string | null;
  /** Against what was applied when the revision was made. */
  diff: PlanDiff;
  policy: RevisionPolicy;
  cost: RevisionCost;
  /** sha256 of the canonical plan: what an apply request must quote. */
  planHash: string;
  status: RevisionStatus;
  createdBy: string;
  approvedBy: string | null;
  createdAt: string;
}

/** A cloud resource of a session, as desired and as last seen. @public */
export interface SessionResource {
  address: string;
  type: string;
  /**
   * The region the resource was created in; null for resources recorded
   * before regions were stored per resource, which are in their session's
   * region.
   */
  region: string | null;
  cloudId: string | null;
  /** During a replace: the old resource, until it is deleted. */
  replacedCloudId: string | null;
  /** The cloud's own state, e.g. `pending`, `running`. */
  status: string;
  desired: Record<string, unknown>;
  actual: Record<string, unknown> | null;
  updatedAt: string;
}

/** @public */
export interface OperationStep {
  /** e.g. `create:aws_instance.web` */
  step: string;
  status: 'started' | 'succeeded' | 'failed' | 'skipped';
  cloudId: string | null;
  message: string | null;
  at: string;
}

/** An apply or destroy run. @public */
export interface Operation {
  id: string;
  sessionId: string;
  kind: 'apply' | 'destroy';
  revisionSeq: number | null;
  /**
   * Every operation ends `succeeded`, `failed` or `aborted`: `aborted` when
   * it stopped without finishing, because its backend crashed (the operation
   * that resumed it is named in `error`) or its lock was force-released.
   */
  status: 'running' | 'succeeded' | 'failed' | 'aborted';
  actor: string;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  steps: OperationStep[];
}

/** Who holds a session's lock, and until when. @public */
export interface SessionLock {
  operationId: string;
  holder: string;
  acquiredAt: string;
  expiresAt: string;
}

/** @public */
export interface AuditEvent {
  id: number;
  sessionId: string | null;
  revisionSeq: number | null;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** An approver's decision on a revision that policy sent for approval. @public */
export interface Approval {
  seq: number;
  /** The plan the decision is about; a new revision needs a new decision. */
  planHash: string;
  decision: 'approved' | 'rejected';
  actor: string;
  comment: string | null;
  createdAt: string;
  /** After this, an approval no longer allows an apply. */
  expiresAt: string;
}

/** What `GET /v1/sessions/:id` returns. @public */
export interface SessionDetails {
  session: Session;
  revisions: Revision[];
  resources: SessionResource[];
  /** Newest first, without their steps (see `GET /v1/operations/:id`). */
  operations: Array<Omit<Operation, 'steps'>>;
  lock: SessionLock | null;
  /** Decisions on the session's revisions, newest first. */
  approvals: Approval[];
  /**
   * How to reach each live instance, by address, from the state last
   * recorded (set by `GET /v1/sessions/{id}` and the instance actions).
   */
  connections?: Record<string, InstanceConnection>;
  /**
   * Whether the session's cloud can stop, start and reboot its instances
   * (set with `connections`).
   */
  instanceActions?: boolean;
}

/** A field whose value in the cloud differs from the last applied one. @public */
export interface DriftField {
  /** Dotted path, e.g. `instanceType` or `rootVolume.sizeGb`. */
  path: string;
  /** As last applied. */
  expected: unknown;
  /** As the cloud reports it now. */
  observed: unknown;
}

/** A managed resource that changed or disappeared outside the portal. @public */
export interface ResourceDrift {
  address: string;
  type: string;
  cloudId: string | null;
  /** `changed`: fields differ; `missing`: deleted outside the portal. */
  kind: 'changed' | 'missing';
  fields: DriftField[];
}

/** A resource carrying the session's tag that no plan of it made. @public */
export interface UnmanagedResource {
  type: string;
  cloudId: string;
  region: string;
  tags: Record<string, string>;
}

/** What the latest drift check of a session found (`GET /v1/sessions/{id}/drift`). @public */
export interface DriftReport {
  checkedAt: string;
  drifted: ResourceDrift[];
  unmanaged: UnmanagedResource[];
  /** Policy findings on the observed state (deny and approval outcomes). */
  findings: Array<{
    ruleId: string;
    outcome: string;
    message: string;
    address?: string;
  }>;
  /** Describe calls the check made. */
  providerCalls: number;
}

/**
 * How long a session has been idle under the policy's idle rule: no change
 * and no "keep" since `lastActivityAt`. @public
 */
export interface SessionIdleState {
  /** The latest revision, operation, extension, exemption change or keep. */
  lastActivityAt: string;
  /** When the owner is (or was) warned. */
  warnAt: string;
  /** When the warning was sent; null until it is. */
  warnedAt: string | null;
  /** When the session is destroyed into `expired` unless it is kept or changed. */
  destroyAt: string;
}

/** What `GET /v1/sessions/{id}/expiry` returns. @public */
export interface SessionExpiryState {
  /** An admin exempted the session from expiry (and from the idle rule). */
  exempt: boolean;
  exemptedBy: string | null;
  /** Expiry (or idle) destroys started so far, and when the next may start. */
  destroyAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  /** Null when the idle rule is off or cannot act on the session (ended, promoted, exempt). */
  idle: SessionIdleState | null;
}

/** A cloud resource tagged with a session that is gone or destroyed. @public */
export interface OrphanResource {
  provider: string;
  region: string;
  type: string;
  cloudId: string;
  /** The `intent:session` tag. */
  sessionId: string;
  /** Why it is an orphan: no such session, or the session's final status. */
  sessionStatus: string | null;
  hourlyUsd: number;
  tags: Record<string, string>;
}

/** What `POST /v1/plans/preview` returns: a revision that is not stored. @public */
export interface PlanPreview {
  planner: string;
  plan: Plan;
  assumptions: PlanAssumption[];
  questions: string[];
  outOfScope: string[];
  modification: string | null;
  diff: PlanDiff;
  policy: RevisionPolicy;
  cost: RevisionCost;
  planHash: string;
}

/** How one live session fares under a policy in a what-if. @public */
export interface PolicyWhatIfSession {
  sessionId: string;
  title: string;
  owner: string;
  team: string | null;
  status: SessionStatus;
  /** The revision judged: the latest pending one, else the latest applied. */
  revisionSeq: number;
  revisionStatus: RevisionStatus;
  /** Whether the policy's `appliesTo` covers the session (its team, owner's groups, owner or region). */
  covered: boolean;
  /** The verdict of this policy alone (its rules and baseline tightenings). */
  verdict: PolicyVerdict;
  /** The verdict stored with the revision, under the guardrails of its planning. */
  currentVerdict: PolicyVerdict;
  /** This policy's findings, the strictest first. */
  findings: PolicyFinding[];
}

/** What a policy would do to the live sessions now (`POST /v1/policies/what-if`). @public */
export interface PolicyWhatIfResult {
  /** The policy's entity ref, e.g. `intentpolicy:default/platform-guardrails`. */
  policy: string;
  evaluatedAt: string;
  /** Every live session the caller may read, the most affected first. */
  sessions: PolicyWhatIfSession[];
  counts: Record<PolicyVerdict, number>;
  /** True when there were more live sessions than the backend looks at in one what-if. */
  truncated: boolean;
}

/**
 * The idle rule of the policy (`intent.policy.idle`): a session with no
 * change and no "keep" is warned after `warnAfterHours` and destroyed after
 * `destroyAfterHours`.
 *
 * @public
 */
export interface IdleRuleHours {
  /** Hours with no activity after which the owner is warned. */
  warnAfterHours: number;
  /** Hours with no activity after which the session is destroyed. */
  destroyAfterHours: number;
}

/**
 * The built-in guardrails in force: the baseline rules and the idle rule
 * (null when it is off). The answer of `GET /v1/policies/baseline`.
 *
 * @public
 */
export type PolicyBaseline = BaselineConfig & { idle: IdleRuleHours | null };

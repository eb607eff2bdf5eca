// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export type { SessionStore, NewRevision, SessionFilter } from './SessionStore';
export type { AuditEntry, AuditStore } from './AuditStore';
export type { OperationStore } from './OperationStore';
export { DatabaseSessionStore } from './DatabaseSessionStore';
export type { LockStore, AcquireResult, LockGrant } from './LockStore';
export { DatabaseLockStore } from './DatabaseLockStore';

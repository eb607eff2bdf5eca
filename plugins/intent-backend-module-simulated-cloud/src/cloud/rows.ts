// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';

/** The tables of the simulated cloud (see migrations/). */
export const TABLES = {
  resources: 'sim_resources',
  tags: 'sim_tags',
  failures: 'sim_failures',
} as const;

export type Millis = number | string;

/** A row of the resources table. */
export type ResourceRow = {
  seq: number | string;
  id: string;
  type: string;
  region: string;
  address: string | null;
  client_token: string | null;
  request_hash: string | null;
  request_id: string;
  live_key: string | null;
  state: string;
  transition_at: Millis | null;
  attributes: string;
  tags: string;
  created_at: Millis;
  updated_at: Millis;
  deleted_at: Millis | null;
};

/** One resource of the simulated cloud, as stored. */
export interface SimResource {
  seq: number;
  id: string;
  type: ResourceType;
  region: string;
  /** The plan address it was created for. */
  address: string | null;
  clientToken: string | null;
  requestHash: string | null;
  /** The stored lifecycle state; see {@link statusOf} for the one reported. */
  state: string;
  /** When the stored transitional state (pending, creating, shutting-down) ends. */
  transitionAt: number | null;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
  createdAt: number;
  deletedAt: number | null;
}

/** A resource about to be stored. */
export interface NewResource {
  id: string;
  type: ResourceType;
  region: string;
  address: string;
  /**
   * What finds it again on a retried create: the client token, or for types
   * whose API takes none, the `intent:creation-token` tag (null without it).
   */
  clientToken: string | null;
  requestHash: string;
  requestId: string;
  /** Unique among live resources (bucket names, key names, volume attachments). */
  liveKey: string;
  state: string;
  transitionAt: number | null;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
}

const NEXT_STATE: Record<string, string> = {
  pending: 'running',
  creating: 'available',
  'shutting-down': 'terminated',
  stopping: 'stopped',
};

/**
 * The state the cloud reports at `now`: transitional states end on their own
 * when their time has come, so reading never has to write.
 */
export function statusOf(resource: SimResource, now: number): string {
  if (resource.transitionAt !== null && now >= resource.transitionAt) {
    return NEXT_STATE[resource.state] ?? resource.state;
  }
  return resource.state;
}

export function toResource(row: ResourceRow): SimResource {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as ResourceType,
    region: row.region,
    address: row.address,
    clientToken: row.client_token,
    requestHash: row.request_hash,
    state: row.state,
    transitionAt: row.transition_at === null ? null : Number(row.transition_at),
    attributes: JSON.parse(row.attributes),
    tags: JSON.parse(row.tags),
    createdAt: Number(row.created_at),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}

/** Unique-constraint violations, as each supported database reports them. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    code === '23505' ||
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';

/** What a replica process runs on. */
export interface ReplicaOptions {
  /** A knex config (client and connection): the database both replicas share. */
  database: Pick<Knex.Config, 'client' | 'connection'>;
  /** The app-config of the replica. */
  config: JsonObject;
}

/** The parent tells a loaded child what to start on. */
export interface ReplicaStart {
  type: 'intent-replica-start';
  options: ReplicaOptions;
}

/** What the child tells its parent: modules loaded, serving, or failed. */
export type ReplicaMessage =
  | { type: 'intent-replica-loaded' }
  | { type: 'intent-replica-ready'; port: number }
  | { type: 'intent-replica-failed'; error: string };

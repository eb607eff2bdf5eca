// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PlanResource } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * A cloud resource as the provider last saw it.
 *
 * @public
 */
export interface CloudResourceState {
  /** The cloud's id, e.g. `i-0abc…`. */
  cloudId: string;
  /** The cloud's lifecycle state, e.g. `pending`, `running`, `terminated`. */
  status: string;
  /** What the cloud reports about the resource (instance type, image, ...). */
  attributes: Record<string, unknown>;
  /** Tags on the resource, including the `intent:*` ownership tags. */
  tags: Record<string, string>;
}

/**
 * Options for creating one resource.
 *
 * @public
 */
export interface CloudCreateOptions {
  region: string;
  resource: PlanResource;
  /**
   * Derived from (session, address, revision): a retry with the same token
   * returns the resource created the first time instead of a second one.
   */
  clientToken: string;
  tags: Record<string, string>;
}

/**
 * A cloud the intent backend can create sandboxes in. Implementations are
 * added with {@link intentCloudProvidersExtensionPoint}.
 *
 * @public
 */
export interface CloudProvider {
  /** Referenced by `intent.provider` in app-config, e.g. `simulated` or `aws`. */
  readonly id: string;
  /** True when nothing real is created; the portal labels such sessions. */
  readonly simulated: boolean;
  /** Creates one resource, idempotently by `clientToken`. */
  create(options: CloudCreateOptions): Promise<CloudResourceState>;
  /** Describes many resources by id in as few calls as the cloud allows. */
  describe(options: {
    region: string;
    cloudIds: string[];
  }): Promise<CloudResourceState[]>;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  InstanceImage,
  PlanResource,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * Tags every cloud resource of a session carries, so that it can be found by
 * session (orphans, drift) and matched to its plan address after a crash.
 *
 * @public
 */
export const INTENT_TAGS = {
  session: 'intent:session',
  address: 'intent:address',
  owner: 'intent:owner',
} as const;

/**
 * A cloud resource as the provider last saw it.
 *
 * @public
 */
export interface CloudResourceState {
  type: ResourceType;
  /** The cloud's id, e.g. `i-0abc…`, `sg-0abc…`, a bucket name. */
  cloudId: string;
  /** The cloud's lifecycle state, e.g. `pending`, `running`, `available`, `deleted`. */
  status: string;
  /**
   * What the cloud reports, in the field names of the plan schema where a field
   * exists there (instanceType, image, ingress, sizeGb, ...), so that drift is
   * a field-by-field comparison with the desired resource. Cloud-only facts
   * (publicIp, imageId, launchTime, ...) are added beside them.
   */
  attributes: Record<string, unknown>;
  /** Tags on the resource, including the `intent:*` tags. */
  tags: Record<string, string>;
}

/**
 * One change to apply. A replace is orchestrated by the caller as a create of
 * the new resource and a delete of the old one.
 *
 * @public
 */
export type CloudChange =
  | {
      action: 'create';
      resource: PlanResource;
      /**
       * Same (session, address, revision) → same token: a retried create returns
       * the resource created the first time instead of a second one.
       */
      clientToken: string;
      tags: Record<string, string>;
    }
  | {
      action: 'update';
      resource: PlanResource;
      cloudId: string;
      tags: Record<string, string>;
    }
  | {
      action: 'delete';
      type: ResourceType;
      cloudId: string;
    };

/**
 * Options of {@link CloudProvider.apply}.
 *
 * @public
 */
export interface CloudApplyOptions {
  region: string;
  change: CloudChange;
  /**
   * Cloud ids of the resources the changed one refers to, by plan address
   * (e.g. `aws_security_group.ssh` → `sg-0abc…`); the caller applies
   * dependencies first.
   */
  resolved: Record<string, string>;
}

/**
 * A cloud the intent backend can create sandboxes in. Implementations are
 * added with {@link intentCloudProvidersExtensionPoint}. Every method must be
 * safe to retry: apply is idempotent per change.
 *
 * @public
 */
export interface CloudProvider {
  /** Referenced by `intent.provider` in app-config, e.g. `simulated` or `aws`. */
  readonly id: string;
  /** True when nothing real is created; the portal labels such sessions. */
  readonly simulated: boolean;

  /** Finds the image for an OS, version and architecture, or undefined. */
  resolveImage(options: {
    region: string;
    image: InstanceImage;
  }): Promise<{ imageId: string } | undefined>;

  /**
   * Applies one change and returns the resource's state afterwards (undefined
   * after a delete). Deleting a resource that no longer exists succeeds.
   */
  apply(options: CloudApplyOptions): Promise<CloudResourceState | undefined>;

  /**
   * Describes many resources in few calls: by cloud id, or by tag (e.g. every
   * resource of a session, or every resource with an `intent:session` tag).
   * Resources that no longer exist are left out.
   */
  describe(options: {
    region: string;
    cloudIds?: Array<{ type: ResourceType; cloudId: string }>;
    tags?: Record<string, string>;
    /** With `tags`: match resources that have these tag keys, any value. */
    tagKeys?: string[];
  }): Promise<CloudResourceState[]>;
}

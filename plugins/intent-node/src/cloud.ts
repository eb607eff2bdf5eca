// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  ExistingResource,
  InstanceImage,
  Plan,
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
  /**
   * The create's client token. Clouds whose create API takes no client token
   * (S3 buckets, EC2 security groups, key pairs, VPCs, addresses, ...) find
   * the resource a retried create made by this tag: during a replace the old
   * and the new resource share the session and address tags, but never this.
   */
  creationToken: 'intent:creation-token',
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
   * (publicIp, imageId, launchTime, ...) are added beside them. Instances
   * report their addresses as `publicIp`, `privateIp`, `publicDns` and
   * `privateDns` (when they have them): the session page's connection facts
   * are built from these.
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
       * the resource created the first time instead of a second one. The
       * caller also puts it in `tags` as {@link INTENT_TAGS}.creationToken,
       * for clouds whose create API takes no token.
       */
      clientToken: string;
      tags: Record<string, string>;
    }
  | {
      action: 'update';
      resource: PlanResource;
      cloudId: string;
      tags: Record<string, string>;
      /**
       * The plan fields that differ from the applied resource, as dotted paths
       * (`instanceType`, `rootVolume.sizeGb`, `tags`), so that a provider
       * calls only the APIs these need. Empty when only references moved.
       */
      changedFields: string[];
    }
  | {
      action: 'delete';
      type: ResourceType;
      cloudId: string;
    };

/**
 * What every call of a {@link CloudProvider} gets.
 *
 * @public
 */
export interface CloudCallOptions {
  region: string;
  /**
   * The cloud account (or profile) to act in, when the provider serves more
   * than one; the provider's default when omitted.
   */
  account?: string;
  /**
   * Aborted when the caller gives up (e.g. it lost the session's lock): the
   * provider stops waiting and rejects with the signal's reason. A change
   * already sent to the cloud may still happen; calls are idempotent, so the
   * next run finds it.
   */
  signal?: AbortSignal;
}

/**
 * Options of {@link CloudProvider.apply}.
 *
 * @public
 */
export interface CloudApplyOptions extends CloudCallOptions {
  change: CloudChange;
  /**
   * Cloud ids of the resources the changed one refers to, by plan address
   * (e.g. `aws_security_group.ssh` → `sg-0abc…`); the caller applies
   * dependencies first.
   */
  resolved: Record<string, string>;
  /**
   * Called with the resource's state while the provider waits for it to be
   * usable (e.g. an instance `pending`), so the caller can show it.
   */
  onProgress?: (state: CloudResourceState) => void | Promise<void>;
}

/**
 * Options of {@link CloudProvider.describe}.
 *
 * @public
 */
export interface CloudDescribeOptions extends CloudCallOptions {
  cloudIds?: Array<{ type: ResourceType; cloudId: string }>;
  tags?: Record<string, string>;
  /** With `tags`: match resources that have these tag keys, any value. */
  tagKeys?: string[];
}

/**
 * Options of {@link CloudProvider.findExisting}.
 *
 * @public
 */
export interface CloudFindExistingOptions extends CloudCallOptions {
  /** The plan's `existing` entry: what to look up and how. */
  existing: ExistingResource;
}

/**
 * An existing resource as the cloud found it: its id (what references to
 * `data.<type>.<name>` resolve to at apply) and what the cloud reports of it,
 * in the plan's field names where there is one (`cidrBlock`,
 * `mapPublicIpOnLaunch`, `keyName`, ...), so policy can look at it.
 *
 * @public
 */
export interface CloudExistingResource {
  cloudId: string;
  attributes: Record<string, unknown>;
}

/**
 * A cloud the intent backend can create sandboxes in. Implementations are
 * added with {@link intentCloudProvidersExtensionPoint}. Every method must be
 * safe to retry: apply is idempotent per change. What the cloud refuses is
 * thrown as a {@link CloudError}, whose `retryable` tells the caller whether
 * to try again (with backoff); the provider itself need not retry.
 *
 * @public
 */
export interface CloudProvider {
  /** Referenced by `intent.provider` in app-config, e.g. `simulated` or `aws`. */
  readonly id: string;
  /** True when nothing real is created; the portal labels such sessions. */
  readonly simulated: boolean;

  /** Finds the image for an OS, version and architecture, or undefined. */
  resolveImage(
    options: CloudCallOptions & { image: InstanceImage },
  ): Promise<{ imageId: string } | undefined>;

  /**
   * Applies one change and resolves once the resource can be used (an
   * instance runs, a volume is available, a terminated instance is gone),
   * with its state then (undefined after a delete); intermediate states are
   * reported to `onProgress`. Deleting a resource that no longer exists
   * succeeds.
   */
  apply(options: CloudApplyOptions): Promise<CloudResourceState | undefined>;

  /**
   * Describes many resources in few calls: by cloud id, or by tag (e.g. every
   * resource of a session, or every resource with an `intent:session` tag).
   * Resources that no longer exist are left out.
   */
  describe(options: CloudDescribeOptions): Promise<CloudResourceState[]>;

  /**
   * Looks up a resource the plan uses without owning it (a plan's
   * `existing` entry: a key pair by name, the default VPC, a subnet by id,
   * ...), or undefined when the region has none. Exactly one match is a
   * match: a name that several resources carry is undefined too. Optional:
   * a cloud without it cannot resolve `existing` entries (planning asks
   * instead).
   */
  findExisting?(
    options: CloudFindExistingOptions,
  ): Promise<CloudExistingResource | undefined>;

  /**
   * Checks a plan against what the cloud knows before anything is applied
   * (the instance type is offered in the region, the image's architecture
   * fits the type, a bucket name is free, ...), so that nothing reaches apply
   * that the cloud will refuse for a reason known in advance. Called at plan
   * time, after images are pinned and existing resources resolved; its
   * findings join the revision's policy findings. Optional.
   */
  checkPlan?(options: CloudCheckPlanOptions): Promise<CloudPlanCheck[]>;

  /**
   * Stops, starts or reboots an instance and resolves once it reached the
   * state the action leads to (`stopped`; `running` after a start or a
   * reboot), with its state then. Idempotent: stopping a stopped instance
   * succeeds. Optional: without it the portal offers no day-2 actions.
   */
  instanceAction?(
    options: CloudInstanceActionOptions,
  ): Promise<CloudResourceState>;
}

/**
 * Options of {@link CloudProvider.checkPlan}.
 *
 * @public
 */
export interface CloudCheckPlanOptions extends CloudCallOptions {
  plan: Plan;
  /** Cloud ids of the plan's resources that are already live, by address. */
  live: Record<string, string>;
}

/**
 * What {@link CloudProvider.checkPlan} found: `deny` for what the cloud will
 * certainly refuse, `question` for what the requester must decide (e.g. pick
 * another instance type), `warn` for what is worth knowing.
 *
 * @public
 */
export interface CloudPlanCheck {
  /** A stable id, e.g. `instance-type-not-offered`. */
  id: string;
  outcome: 'deny' | 'question' | 'warn';
  /** The resource the check is about. */
  address?: string;
  /** The plan field at fault, e.g. `instanceType`. */
  field?: string;
  message: string;
  /** What to change. */
  fix: string;
}

/**
 * A day-2 action on an instance.
 *
 * @public
 */
export type InstanceAction = 'stop' | 'start' | 'reboot';

/**
 * Options of {@link CloudProvider.instanceAction}.
 *
 * @public
 */
export interface CloudInstanceActionOptions extends CloudCallOptions {
  cloudId: string;
  action: InstanceAction;
  onProgress?: (state: CloudResourceState) => void | Promise<void>;
}

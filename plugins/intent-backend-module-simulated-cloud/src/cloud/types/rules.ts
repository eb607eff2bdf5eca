// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  PlanResource,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  cloudError as error,
  SimulatedCloudError,
} from '../SimulatedCloudError';
import { SimResource, SimulatedStore } from '../store';

/** What the rules of one resource type may look at. */
export interface RuleContext {
  region: string;
  /** The plan address of the resource being changed. */
  address: string;
  now: number;
  store: SimulatedStore;
  /** The cloud id of a referenced plan address; throws when the caller gave none. */
  resolve(address: string): string;
}

/** A resource about to be created, as the rules of its type shape it. */
export interface Initial {
  id: string;
  /** Unique while the resource lives. */
  liveKey: string;
  state: string;
  transitionAt: number | null;
  /** Cloud facts known only at creation (ids, addresses, times). */
  facts: Record<string, unknown>;
}

/** Timings of the simulated lifecycle. */
export interface Timings {
  bootMillis: number;
  volumeCreateMillis: number;
}

/**
 * The rules of one resource type: what the desired state is (validated like
 * EC2 validates a request) and how a new resource starts.
 */
export interface TypeRules<R extends PlanResource = PlanResource> {
  /** Whether the type carries tags (EC2 volume attachments do not). */
  taggable: boolean;
  /**
   * How a retried create finds what the first one made:
   * - `client-token`: the create API takes a client token (RunInstances,
   *   CreateVolume; AttachVolume is keyed by its volume);
   * - `creation-tag`: it takes none (CreateBucket, CreateSecurityGroup,
   *   CreateVpc, ImportKeyPair, AllocateAddress, ...), so only the
   *   `intent:creation-token` tag finds it; without that tag a retry makes
   *   a second resource (or fails on its name), as on AWS.
   */
  idempotency: 'client-token' | 'creation-tag';
  /** The EC2 error for an id of this type that does not exist. */
  notFound(id: string): SimulatedCloudError;
  /** The error when another live resource holds the same unique key. */
  conflict(initial: Initial): SimulatedCloudError;
  /**
   * The desired attributes, in the plan's field names with references as
   * cloud ids, plus facts that follow from them. `current` is set for an
   * update: fields the cloud defaulted keep their value.
   */
  desired(
    resource: R,
    ctx: RuleContext,
    current?: SimResource,
  ): Promise<Record<string, unknown>>;
  /** Checks that only apply when creating (states of what it attaches to, ...). */
  checkCreate?(
    desired: Record<string, unknown>,
    ctx: RuleContext,
  ): Promise<void>;
  initial(
    resource: R,
    desired: Record<string, unknown>,
    ctx: RuleContext & { clientToken: string; timings: Timings },
  ): Initial;
}

/** EC2's (and S3's) error for an id of each type that does not exist. */
export const NOT_FOUND: Record<
  ResourceType,
  (id: string) => SimulatedCloudError
> = {
  aws_vpc: id =>
    error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
  aws_subnet: id =>
    error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  aws_internet_gateway: id =>
    error(
      'InvalidInternetGatewayID.NotFound',
      `The internetGateway ID '${id}' does not exist`,
    ),
  aws_route_table: id =>
    error(
      'InvalidRouteTableID.NotFound',
      `The routeTable ID '${id}' does not exist`,
    ),
  aws_route_table_association: id =>
    error(
      'InvalidAssociationID.NotFound',
      `The association ID '${id}' does not exist`,
    ),
  aws_security_group: id =>
    error('InvalidGroup.NotFound', `The security group '${id}' does not exist`),
  aws_key_pair: id =>
    error('InvalidKeyPair.NotFound', `The key pair '${id}' does not exist`),
  aws_instance: id =>
    error(
      'InvalidInstanceID.NotFound',
      `The instance ID '${id}' does not exist`,
    ),
  aws_ebs_volume: id =>
    error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`),
  aws_volume_attachment: id =>
    error(
      'InvalidAttachment.NotFound',
      `The volume attachment '${id}' does not exist.`,
    ),
  aws_eip: id =>
    error(
      'InvalidAllocationID.NotFound',
      `The allocation ID '${id}' does not exist`,
    ),
  aws_s3_bucket: id =>
    error('NoSuchBucket', `The specified bucket does not exist: ${id}`),
};

/** Looks a live resource of a type up, or throws that type's NotFound error. */
export async function live(
  ctx: RuleContext,
  type: ResourceType,
  id: string,
): Promise<SimResource> {
  const found = await ctx.store.findLive(ctx.region, type, id);
  if (!found) {
    throw NOT_FOUND[type](id);
  }
  return found;
}

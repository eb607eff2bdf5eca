// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * How the simulated cloud behaves. Every duration is in milliseconds.
 *
 * @public
 */
export interface SimulatedCloudOptions {
  /** Added to every call (resolveImage, apply, describe), like a network round trip. Default 0. */
  latencyMillis?: number;
  /** How long an instance stays `pending` before it is `running`. Default 1500. */
  bootMillis?: number;
  /** How long a terminated instance stays `shutting-down`, and a stopped one `stopping`. Default 500. */
  shutdownMillis?: number;
  /** How long a new EBS volume stays `creating`. Default 200. */
  volumeCreateMillis?: number;
  /** How long a describe by id still returns a terminated instance, as EC2 does. Default one hour. */
  terminatedRetentionMillis?: number;
}

/**
 * A failure to inject: the next `times` apply calls that match fail with
 * `code` and `message`.
 *
 * @public
 */
export interface SimulatedFailure {
  /** Only this kind of change; any when omitted. */
  action?: 'create' | 'update' | 'delete';
  /** Only this resource type; any when omitted. */
  type?: ResourceType;
  /** Only this plan address (`aws_instance.web`); any when omitted. */
  address?: string;
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** The error code, e.g. `RequestLimitExceeded` or `InsufficientInstanceCapacity`. */
  code: string;
  message: string;
  /**
   * `before` (default): the call fails and changes nothing. `after`: the
   * change is made, then the call fails, as when a response is lost, so a
   * retry must find what the first call did.
   */
  when?: 'before' | 'after';
}

/**
 * A change made behind the product's back, as a click in the console would.
 *
 * @public
 */
export interface SimulatedDrift {
  cloudId: string;
  /** Needed only when a bucket has the name of another resource's id. */
  type?: ResourceType;
  /**
   * Attributes to set, in the plan's field names (references as cloud ids),
   * e.g. `{ instanceType: 't3.large' }` or a security group's `ingress` with
   * port 22 open to 0.0.0.0/0. `null` removes an attribute.
   */
  attributes?: Record<string, unknown>;
  /** Tags to set; `null` removes a tag. */
  tags?: Record<string, string | null>;
}

/**
 * Per resource type: how many resources exist now and how many were ever
 * created.
 *
 * @public
 */
export type SimulatedCloudCounts = Record<
  ResourceType,
  { existing: number; created: number }
>;

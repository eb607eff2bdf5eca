// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Filter,
  Tag,
  TagSpecification,
  ResourceType as Ec2ResourceType,
} from '@aws-sdk/client-ec2';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { INTENT_TAGS } from '@intent-sandboxes/backstage-plugin-intent-node';
import type { AwsClients } from './clients';
import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';

/** Waiter timing, in seconds (the SDK's waiters back off between these). */
export interface WaitSettings {
  minDelay: number;
  maxDelay: number;
  maxWaitTime: number;
}

/** What every resource handler gets. */
export interface AwsCallContext extends AwsClients {
  region: string;
  signal?: AbortSignal;
  wait: WaitSettings;
  onProgress?: (state: CloudResourceState) => void | Promise<void>;
}

/** What a create or update gets beside the resource. */
export interface ChangeContext extends AwsCallContext {
  /** Plan address of the resource. */
  address: string;
  /** Cloud id of a referenced address (throws when the caller gave none). */
  resolve(address: string): string;
}

/** Tags as EC2 takes them. */
export function ec2Tags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** A TagSpecifications entry: tags on create. */
export function tagSpec(
  type: Ec2ResourceType,
  tags: Record<string, string>,
): TagSpecification[] {
  return [{ ResourceType: type, Tags: ec2Tags(tags) }];
}

/** Tags as a record. */
export function tagRecord(
  tags: Array<{ Key?: string; Value?: string }> | undefined,
): Record<string, string> {
  return Object.fromEntries(
    (tags ?? [])
      .filter(t => t.Key !== undefined)
      .map(t => [t.Key!, t.Value ?? '']),
  );
}

/** The filter that finds what a retried create made before. */
export function creationTokenFilter(tags: Record<string, string>): Filter[] {
  const token = tags[INTENT_TAGS.creationToken];
  if (!token) {
    throw new CloudError({
      kind: 'invalid',
      code: 'MissingParameter',
      message: `The change carries no ${INTENT_TAGS.creationToken} tag, so a retried create could not be recognised`,
    });
  }
  return [{ Name: `tag:${INTENT_TAGS.creationToken}`, Values: [token] }];
}

/** EC2 filters for describe by tag. */
export function tagFilters(
  tags: Record<string, string> | undefined,
  tagKeys: string[] | undefined,
): Filter[] {
  return [
    ...Object.entries(tags ?? {}).map(([k, v]) => ({
      Name: `tag:${k}`,
      Values: [v],
    })),
    ...(tagKeys?.length ? [{ Name: 'tag-key', Values: tagKeys }] : []),
  ];
}

/** Every tag of a change: the resource's own tags and the intent:* ones. */
export function changeTags(
  resource: { tags?: Record<string, string> },
  tags: Record<string, string>,
): Record<string, string> {
  return { ...(resource.tags ?? {}), ...tags };
}

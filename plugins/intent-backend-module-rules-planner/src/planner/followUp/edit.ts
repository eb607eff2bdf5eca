// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInstance,
  Plan,
  PlanResource,
  references,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { Notes } from '../notes';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';

/** A follow-up in progress: the plan so far and what was changed. @internal */
export interface EditState {
  plan: Plan;
  changes: string[];
  notes: Notes[];
  /** The machines the previous clause was about, for "it" in the next. */
  lastTargets?: string[];
}

/** What every edit may read besides the clause. @internal */
export interface EditEnv {
  original: string;
  context?: PlannerContext;
  now: Date;
}

/** A follow-up rule: reads one clause and returns the next state. @internal */
export type Edit = (
  state: EditState,
  clause: string,
  env: EditEnv,
) => EditState;

/** @internal */
export function instancesOf(plan: Plan): AwsInstance[] {
  return plan.resources.filter(
    (r): r is AwsInstance => r.type === 'aws_instance',
  );
}

/** @internal */
export function findResource(
  plan: Plan,
  address: string,
): PlanResource | undefined {
  return plan.resources.find(r => resourceAddress(r) === address);
}

/** Replaces one resource (by address) with what `update` returns. @internal */
export function updateResource<T extends PlanResource>(
  plan: Plan,
  address: string,
  update: (resource: T) => T,
): Plan {
  return {
    ...plan,
    resources: plan.resources.map(r =>
      resourceAddress(r) === address ? update(r as T) : r,
    ),
  };
}

/** @internal */
export function addResources(plan: Plan, resources: PlanResource[]): Plan {
  return { ...plan, resources: [...plan.resources, ...resources] };
}

/** Adds a change and its notes to a state. @internal */
export function record(
  state: EditState,
  plan: Plan,
  changes: string[],
  ...notes: Notes[]
): EditState {
  return {
    ...state,
    plan,
    changes: [...state.changes, ...changes],
    notes: [...state.notes, ...notes],
  };
}

/** @internal */
export function withNotes(state: EditState, ...notes: Notes[]): EditState {
  return { ...state, notes: [...state.notes, ...notes] };
}

const REFERENCE_KEYS = [
  'subnet',
  'keyPair',
  'vpc',
  'volume',
  'instance',
] as const;

/** Drops every reference to `gone` from a resource; undefined when the resource cannot live without it. */
function unreference(
  resource: PlanResource,
  gone: Set<string>,
): PlanResource | undefined {
  if (!references(resource).some(target => gone.has(target))) {
    return resource;
  }
  if (
    resource.type === 'aws_volume_attachment' ||
    (resource.type === 'aws_eip' &&
      resource.instance &&
      gone.has(resource.instance)) ||
    (resource.type === 'aws_subnet' && gone.has(resource.vpc))
  ) {
    return undefined;
  }
  const copy = { ...resource } as Record<string, unknown>;
  for (const key of REFERENCE_KEYS) {
    if (typeof copy[key] === 'string' && gone.has(copy[key] as string)) {
      delete copy[key];
    }
  }
  if (Array.isArray(copy.securityGroups)) {
    copy.securityGroups = (copy.securityGroups as string[]).filter(
      g => !gone.has(g),
    );
  }
  return copy as unknown as PlanResource;
}

/**
 * Removes resources and what cannot live without them (attachments, the
 * elastic IP of a removed machine, the subnets of a removed VPC). Volumes,
 * security groups and key pairs that only served removed machines go too.
 * Returns the addresses actually removed.
 *
 * @internal
 */
export function removeWithDependents(
  plan: Plan,
  addresses: string[],
): { plan: Plan; removed: string[] } {
  const gone = new Set(addresses);
  let resources = plan.resources;
  for (;;) {
    const before = gone.size;
    const removedInstances = new Set(
      resources
        .filter(r => r.type === 'aws_instance' && gone.has(resourceAddress(r)))
        .map(resourceAddress),
    );
    // Volumes attached only to removed machines leave with them.
    for (const resource of resources) {
      if (
        resource.type === 'aws_volume_attachment' &&
        removedInstances.has(resource.instance)
      ) {
        const others = resources.filter(
          r =>
            r.type === 'aws_volume_attachment' &&
            r.volume === resource.volume &&
            !removedInstances.has(r.instance),
        );
        if (others.length === 0) {
          gone.add(resource.volume);
        }
      }
    }
    const next = resources.flatMap(resource => {
      if (gone.has(resourceAddress(resource))) {
        return [];
      }
      const kept = unreference(resource, gone);
      if (!kept) {
        gone.add(resourceAddress(resource));
        return [];
      }
      return [kept];
    });
    // Security groups and key pairs that served only removed machines.
    for (const resource of next) {
      if (
        resource.type !== 'aws_security_group' &&
        resource.type !== 'aws_key_pair'
      ) {
        continue;
      }
      const address = resourceAddress(resource);
      const usedBefore = resources.some(r => references(r).includes(address));
      const usedNow = next.some(r => references(r).includes(address));
      if (usedBefore && !usedNow && !addresses.includes(address)) {
        gone.add(address);
      }
    }
    resources = next.filter(r => !gone.has(resourceAddress(r)));
    if (gone.size === before) {
      break;
    }
  }
  const removed = plan.resources
    .map(resourceAddress)
    .filter(address => gone.has(address));
  return { plan: { ...plan, resources }, removed };
}

/**
 * Renames one resource and every reference to it.
 *
 * @internal
 */
export function renameResource(
  plan: Plan,
  address: string,
  name: string,
): Plan {
  const [type] = address.split('.');
  const renamed = `${type}.${name}`;
  const swap = (value: unknown) => (value === address ? renamed : value);
  return {
    ...plan,
    resources: plan.resources.map(resource => {
      const copy = { ...resource } as Record<string, unknown>;
      if (resourceAddress(resource) === address) {
        copy.name = name;
      }
      for (const key of REFERENCE_KEYS) {
        if (key in copy) {
          copy[key] = swap(copy[key]);
        }
      }
      if (Array.isArray(copy.securityGroups)) {
        copy.securityGroups = (copy.securityGroups as string[]).map(swap);
      }
      return copy as unknown as PlanResource;
    }),
  };
}

/** Names used by resources of one type. @internal */
export function namesOf(plan: Plan, type: PlanResource['type']): Set<string> {
  return new Set(plan.resources.filter(r => r.type === type).map(r => r.name));
}

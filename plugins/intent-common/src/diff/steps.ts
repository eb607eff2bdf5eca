// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { references } from '../plan';
import type { PlanDiff, ResourceChange } from './diff';

/**
 * One cloud call of an apply, with the steps that must finish before it.
 *
 * @public
 */
export interface ApplyStep {
  /** `create:aws_instance.web`, `delete:aws_instance.web`, ... */
  id: string;
  kind: 'create' | 'update' | 'delete';
  address: string;
  change: ResourceChange;
  dependsOn: string[];
}

/**
 * A bucket with a fixed name cannot exist twice (bucket names are global), so
 * its replacement deletes the old bucket before it creates the new one.
 * Nothing refers to buckets, so this cannot create a cycle.
 */
function mustDestroyBeforeCreate(change: ResourceChange): boolean {
  const after = change.after as unknown as Record<string, unknown> | null;
  return (
    change.type === 'aws_s3_bucket' && typeof after?.bucketName === 'string'
  );
}

/**
 * Turns a diff into the steps of an apply, as a DAG: dependencies are created
 * or updated before what refers to them (VPC → subnet → security group →
 * instance → volume attachment / EIP), deletes run after every create and
 * update, in reverse dependency order, and a replace creates the new resource
 * before it deletes the old one where the type allows it. Independent steps
 * have no edge between them, so they can run in parallel.
 *
 * @public
 */
export function applySteps(diff: PlanDiff): ApplyStep[] {
  const byAddress = new Map(diff.changes.map(c => [c.address, c]));
  const steps: ApplyStep[] = [];
  const upsertId = (address: string): string | undefined => {
    const change = byAddress.get(address);
    switch (change?.action) {
      case 'create':
      case 'replace':
        return `create:${address}`;
      case 'update':
        return `update:${address}`;
      default:
        return undefined;
    }
  };

  for (const change of diff.changes) {
    const upsertDeps = change.after
      ? references(change.after).flatMap(target => upsertId(target) ?? [])
      : [];
    if (change.action === 'create' || change.action === 'update') {
      steps.push({
        id: `${change.action}:${change.address}`,
        kind: change.action,
        address: change.address,
        change,
        dependsOn: upsertDeps,
      });
    }
    if (change.action === 'replace') {
      const destroyFirst = mustDestroyBeforeCreate(change);
      steps.push({
        id: `create:${change.address}`,
        kind: 'create',
        address: change.address,
        change,
        dependsOn: destroyFirst
          ? [...upsertDeps, `delete:${change.address}`]
          : upsertDeps,
      });
    }
  }

  const upserts = steps.map(step => step.id);
  for (const change of diff.changes) {
    if (change.action !== 'delete' && change.action !== 'replace') {
      continue;
    }
    // Whatever still refers to this resource in the applied state goes first.
    const dependents = diff.changes
      .filter(
        other =>
          other.before &&
          (other.action === 'delete' || other.action === 'replace') &&
          references(other.before).includes(change.address),
      )
      .map(other => `delete:${other.address}`);
    const destroyFirst =
      change.action === 'replace' && mustDestroyBeforeCreate(change);
    steps.push({
      id: `delete:${change.address}`,
      kind: 'delete',
      address: change.address,
      change,
      dependsOn: destroyFirst ? dependents : [...upserts, ...dependents],
    });
  }
  return steps;
}

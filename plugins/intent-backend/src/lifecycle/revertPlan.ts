// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  ApplyStep,
  applySteps,
  diffPlans,
  Plan,
  PlanResource,
  references,
  ResourceChange,
  ResourceDrift,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { setPath } from './driftCompare';

// A drift revert, planned: the steps a normal apply of the applied plan
// would make against what the cloud holds now. Pure.

/** Plan fields that name the resource: never references. */
const NAMING_FIELDS = new Set(['type', 'name', 'tags']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Swaps references to deleted resources for the cloud ids they had. */
function pointAtGone(
  value: unknown,
  gone: ReadonlyMap<string, string>,
): unknown {
  if (typeof value === 'string') {
    return gone.get(value) ?? value;
  }
  if (Array.isArray(value)) {
    return value.map(item => pointAtGone(item, gone));
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        pointAtGone(item, gone),
      ]),
    );
  }
  return value;
}

/** Cloud ids of the resources deleted outside the portal, by address. */
function goneIds(drifted: ResourceDrift[]): Map<string, string> {
  return new Map(
    drifted.flatMap(d =>
      d.kind === 'missing' && d.cloudId ? [[d.address, d.cloudId]] : [],
    ),
  );
}

/**
 * What the cloud holds now, in the plan's terms: the applied plan with the
 * observed values of drifted fields (references the cloud reports as ids
 * stay ids), without the resources deleted outside the portal, and with
 * what referred to one of those referring to the cloud id it had: the
 * resource is gone, but the instance, association or route that pointed at
 * it still points there.
 */
export function observedPriorPlan(
  applied: Plan,
  drifted: ResourceDrift[],
): Plan {
  const gone = goneIds(drifted);
  const byAddress = new Map(drifted.map(d => [d.address, d]));
  const resources = applied.resources.flatMap(resource => {
    const address = resourceAddress(resource);
    if (gone.has(address)) {
      return [];
    }
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource)) {
      next[key] = NAMING_FIELDS.has(key) ? value : pointAtGone(value, gone);
    }
    const drift = byAddress.get(address);
    for (const field of drift?.kind === 'changed' ? drift.fields : []) {
      setPath(next, field.path, field.observed);
    }
    return [next as unknown as PlanResource];
  });
  return { ...applied, resources };
}

/** What a revert does: the changes (no-ops left out) and their steps. */
export interface RevertPlan {
  changes: ResourceChange[];
  steps: ApplyStep[];
}

/**
 * Applying the applied plan again over what the cloud holds now
 * ({@link observedPriorPlan}), with the apply's own diff and step builder:
 * resources deleted outside the portal are created, in dependency order (a
 * missing resource waits for its missing dependencies); changed ones are
 * updated, or replaced where the cloud cannot change a drifted field in
 * place; what referred to a deleted resource follows it as it follows a
 * replaced one (replaced when the reference cannot change, else updated).
 */
export function revertPlan(
  applied: Plan,
  drifted: ResourceDrift[],
): RevertPlan {
  const gone = goneIds(drifted);
  const diff = diffPlans(observedPriorPlan(applied, drifted), applied);
  const changed = new Set(
    drifted.filter(d => d.kind === 'changed').map(d => d.address),
  );
  const reasonOf = (change: ResourceChange) => {
    if (gone.has(change.address)) {
      return 'deleted outside the portal';
    }
    if (changed.has(change.address)) {
      return 'changed outside the portal';
    }
    const recreated = references(change.after!).filter(t => gone.has(t));
    return recreated.length > 0
      ? `${recreated.join(', ')} is recreated`
      : change.reason;
  };
  const changes = diff.changes
    .filter(change => change.action !== 'noop')
    .map(change => {
      const reason = reasonOf(change);
      return reason ? { ...change, reason } : change;
    });
  return { changes, steps: applySteps({ ...diff, changes }) };
}

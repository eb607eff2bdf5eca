// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  canonicalJson,
  DriftField,
  Plan,
  PlanResource,
  references,
  ResourceDrift,
  resourceAddress,
  SessionResource,
  UnmanagedResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudResourceState } from '@intent-sandboxes/backstage-plugin-intent-node';
import { createHash } from 'node:crypto';

// Drift, computed: pure functions from what was applied and what the cloud
// reports now.

/** Plan fields that name the resource rather than describe it. */
const IDENTITY_FIELDS = new Set(['type', 'name', 'tags']);

/** Cloud states of a resource that is gone (EC2 lists terminated instances a while). */
const GONE = new Set(['terminated', 'deleted', 'shutting-down']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Field-by-field differences, nested objects one level deep, arrays whole. */
export function compareFields(
  expected: Record<string, unknown>,
  observed: Record<string, unknown>,
  keys: string[],
  prefix = '',
): DriftField[] {
  return [...keys].sort().flatMap(key => {
    const a = expected[key];
    const b = observed[key];
    if (same(a ?? null, b ?? null)) {
      return [];
    }
    if (!prefix && isObject(a) && isObject(b)) {
      return compareFields(
        a,
        b,
        [...new Set([...Object.keys(a), ...Object.keys(b)])],
        `${key}.`,
      );
    }
    return [{ path: `${prefix}${key}`, expected: a, observed: b }];
  });
}

/**
 * How one managed resource drifted, or undefined when it did not. The
 * baseline is what the cloud reported when the resource was last applied
 * (`actual`), compared on the plan's fields only: cloud-only facts (public
 * IPs, launch times, state) change by themselves and are not drift.
 */
export function resourceDrift(
  resource: Pick<
    SessionResource,
    'address' | 'type' | 'cloudId' | 'desired' | 'actual'
  >,
  observed: CloudResourceState | undefined,
): ResourceDrift | undefined {
  if (!resource.cloudId) {
    return undefined; // never created: nothing to drift
  }
  const base = {
    address: resource.address,
    type: resource.type,
    cloudId: resource.cloudId,
  };
  if (!observed || GONE.has(observed.status)) {
    return { ...base, kind: 'missing', fields: [] };
  }
  const baseline = resource.actual ?? resource.desired;
  const keys = Object.keys(resource.desired).filter(
    key =>
      !IDENTITY_FIELDS.has(key) &&
      (key in baseline || key in observed.attributes),
  );
  const fields = compareFields(baseline, observed.attributes, keys);
  return fields.length > 0 ? { ...base, kind: 'changed', fields } : undefined;
}

/**
 * Resources that carry the session's tag but are none of its resources (nor
 * the old half of a replace in flight): created outside the portal.
 */
export function unmanagedResources(
  resources: Array<Pick<SessionResource, 'cloudId' | 'replacedCloudId'>>,
  tagged: CloudResourceState[],
  region: string,
): UnmanagedResource[] {
  const known = new Set(
    resources.flatMap(r => [r.cloudId, r.replacedCloudId]).filter(Boolean),
  );
  return tagged
    .filter(s => !known.has(s.cloudId) && !GONE.has(s.status))
    .map(s => ({ type: s.type, cloudId: s.cloudId, region, tags: s.tags }))
    .sort((a, b) => a.cloudId.localeCompare(b.cloudId));
}

/** Identifies a drift, so that the owner is told once per new drift; null when there is none. */
export function driftHash(
  drifted: ResourceDrift[],
  unmanaged: UnmanagedResource[],
): string | null {
  if (drifted.length === 0 && unmanaged.length === 0) {
    return null;
  }
  return createHash('sha256')
    .update(
      canonicalJson({
        drifted: drifted.map(d => ({
          address: d.address,
          kind: d.kind,
          fields: d.fields.map(f => [f.path, f.observed]),
        })),
        unmanaged: unmanaged.map(u => u.cloudId),
      }),
    )
    .digest('hex');
}

/** Sets (or, for undefined, removes) a dotted path, copying nested objects. */
export function setPath(
  target: Record<string, unknown>,
  path: string,
  value: unknown,
) {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    if (value === undefined) {
      delete target[head];
    } else {
      target[head] = value;
    }
    return;
  }
  const inner = isObject(target[head])
    ? { ...(target[head] as Record<string, unknown>) }
    : {};
  setPath(inner, rest.join('.'), value);
  target[head] = inner;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (isObject(value) ? value[key] : undefined),
      source,
    );
}

/**
 * A drifted field can be adopted into the plan when the plan holds it as the
 * cloud does (`instanceType`, `ingress`, `sizeGb`); fields the plan holds
 * differently (references by address, which the cloud reports as ids) can
 * only be reverted.
 */
export function isAdoptable(
  resource: Pick<SessionResource, 'desired' | 'actual'>,
  field: DriftField,
): boolean {
  if (!resource.actual) {
    return true;
  }
  return same(
    getPath(resource.desired, field.path) ?? null,
    getPath(resource.actual, field.path) ?? null,
  );
}

/**
 * The applied plan with the observed values of drifted fields: what policy
 * judges as the running state, and what an accept proposes. Missing
 * resources are left out; fields that cannot be adopted keep their plan value.
 */
export function observedPlan(
  applied: Plan,
  drifted: ResourceDrift[],
  resources: Array<Pick<SessionResource, 'address' | 'desired' | 'actual'>>,
): Plan {
  const byAddress = new Map(drifted.map(d => [d.address, d]));
  const rows = new Map(resources.map(r => [r.address, r]));
  const planned = applied.resources.flatMap(resource => {
    const address = resourceAddress(resource);
    const drift = byAddress.get(address);
    if (!drift) {
      return [resource];
    }
    if (drift.kind === 'missing') {
      return [];
    }
    const next = { ...resource } as unknown as Record<string, unknown>;
    const row = rows.get(address);
    for (const field of drift.fields) {
      if (!row || isAdoptable(row, field)) {
        setPath(next, field.path, field.observed);
      }
    }
    return [next as unknown as PlanResource];
  });
  return { ...applied, resources: planned };
}

/**
 * Resources deleted outside the portal that others, not deleted, still
 * refer to, with those others: a plan without them would refer to nothing.
 */
export function referredMissing(
  applied: Plan,
  drifted: ResourceDrift[],
): Array<{ address: string; referredBy: string[] }> {
  const missing = new Set(
    drifted.filter(d => d.kind === 'missing').map(d => d.address),
  );
  const left = applied.resources.filter(r => !missing.has(resourceAddress(r)));
  return [...missing].sort().flatMap(address => {
    const referredBy = left
      .filter(r => references(r).includes(address))
      .map(r => resourceAddress(r))
      .sort();
    return referredBy.length > 0 ? [{ address, referredBy }] : [];
  });
}

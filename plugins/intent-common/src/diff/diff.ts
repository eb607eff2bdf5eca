// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  canonicalJson,
  dataReferences,
  existingAddress,
  Plan,
  PlanResource,
  references,
  replacementReason,
  requiresReplacement,
  resourceAddress,
  ResourceType,
} from '../plan';

/**
 * What happens to one resource. Closed set, in Terraform's terms:
 * - `create`: `before` is null, `after` the desired resource;
 * - `update`: changed in place, both set;
 * - `replace`: a new resource is created and the old one deleted, both set;
 * - `delete`: `after` is null, `before` the resource that goes;
 * - `noop`: both set and equal.
 *
 * @public
 */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'noop';

/** One field that differs. @public */
export interface FieldChange {
  /** Dotted path in the resource, e.g. `instanceType` or `rootVolume.sizeGb`. */
  path: string;
  before: unknown;
  after: unknown;
  /** True when the cloud cannot change this field in place. */
  forcesReplacement: boolean;
}

/** @public */
export interface ResourceChange {
  address: string;
  type: ResourceType;
  action: ChangeAction;
  before: PlanResource | null;
  after: PlanResource | null;
  fields: FieldChange[];
  /** Why a replace or update happens when no field of its own says it (UI only). */
  reason?: string;
}

/** @public */
export interface PlanDiff {
  /** Every address of either plan, sorted by address. */
  changes: ResourceChange[];
  counts: Record<ChangeAction, number>;
  /** True when anything is deleted or replaced: needs explicit confirmation. */
  destructive: boolean;
}

/**
 * References whose target, when replaced, forces the referring resource to be
 * replaced too (EC2 cannot move an instance to another subnet, ...). Other
 * references (an instance's security groups, an EIP's instance) are updated.
 */
const REPLACING_REFERENCES: Partial<Record<ResourceType, string[]>> = {
  aws_subnet: ['vpc'],
  aws_internet_gateway: ['vpc'],
  aws_route_table: ['vpc'],
  aws_route_table_association: ['subnet', 'routeTable'],
  aws_security_group: ['vpc'],
  aws_instance: ['subnet', 'keyPair'],
  aws_volume_attachment: ['volume', 'instance'],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Field-by-field differences; nested objects one level deep, arrays whole. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): Array<Omit<FieldChange, 'forcesReplacement'>> {
  const keys = [
    ...new Set([...Object.keys(before), ...Object.keys(after)]),
  ].sort();
  return keys.flatMap(key => {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) {
      return [];
    }
    if (!prefix && isObject(a) && isObject(b)) {
      return fieldChanges(a, b, `${key}.`);
    }
    return [{ path: `${prefix}${key}`, before: a, after: b }];
  });
}

function changeFor(
  before: PlanResource | undefined,
  after: PlanResource | undefined,
  regionMove: string | undefined,
): ResourceChange {
  const resource = (after ?? before)!;
  const base = {
    address: resourceAddress(resource),
    type: resource.type,
    before: before ?? null,
    after: after ?? null,
  };
  if (!before) {
    return { ...base, action: 'create', fields: [] };
  }
  if (!after) {
    return { ...base, action: 'delete', fields: [] };
  }
  const forced = new Set(requiresReplacement(before.type, before, after));
  const fields = fieldChanges(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  ).map(field => ({
    ...field,
    forcesReplacement:
      forced.has(field.path) || forced.has(field.path.split('.')[0]),
  }));
  if (regionMove) {
    return { ...base, action: 'replace', fields, reason: regionMove };
  }
  if (fields.length === 0) {
    return { ...base, action: 'noop', fields };
  }
  const replace = fields.some(f => f.forcesReplacement);
  if (!replace) {
    return { ...base, action: 'update', fields };
  }
  const reason = replacementReason(
    before.type,
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  return { ...base, action: 'replace', fields, ...(reason ? { reason } : {}) };
}

/**
 * A plan as {@link diffPlans} reads it: `existing` may be left out (no
 * existing resources), as in plans written before it was added.
 *
 * @public
 */
export type DiffablePlan = Omit<Plan, 'existing'> &
  Partial<Pick<Plan, 'existing'>>;

/**
 * The `existing` entries whose lookup differs between the plans (or that one
 * of them lacks): what refers to them may now mean another cloud resource.
 */
function changedExisting(
  prior: DiffablePlan | null,
  desired: DiffablePlan,
): Set<string> {
  const lookups = (plan: DiffablePlan | null) =>
    new Map(
      (plan?.existing ?? []).map(e => [
        existingAddress(e),
        canonicalJson(e.lookup),
      ]),
    );
  const before = lookups(prior);
  const after = lookups(desired);
  return new Set(
    [...after.keys()].filter(
      address =>
        before.has(address) && before.get(address) !== after.get(address),
    ),
  );
}

/**
 * Compares what is applied (`prior`, null when nothing is) with the desired
 * plan. A region change replaces every resource the plans share (reason
 * `region eu-west-1 → eu-central-1`): the new ones are created in the desired
 * region, the old ones deleted in the prior region. Pure: the same plans
 * always give the same diff.
 *
 * @public
 */
export function diffPlans(
  prior: DiffablePlan | null,
  desired: DiffablePlan,
): PlanDiff {
  // Nothing moves between regions: every resource that stays is created in
  // the new region and deleted in the old one.
  const regionMove =
    prior !== null && prior.region !== desired.region
      ? `region ${prior.region} \u2192 ${desired.region}`
      : undefined;
  const before = new Map(
    (prior?.resources ?? []).map(r => [resourceAddress(r), r]),
  );
  const after = new Map(desired.resources.map(r => [resourceAddress(r), r]));
  const addresses = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes = new Map(
    addresses.map(address => [
      address,
      changeFor(before.get(address), after.get(address), regionMove),
    ]),
  );

  // An existing resource looked up differently may be another cloud
  // resource: what refers to it follows, as if it were replaced.
  const lookedUpAgain = changedExisting(prior, desired);
  if (lookedUpAgain.size > 0 && !regionMove) {
    for (const change of changes.values()) {
      if (
        !change.after ||
        (change.action !== 'noop' && change.action !== 'update')
      ) {
        continue;
      }
      const targets = dataReferences(change.after).filter(t =>
        lookedUpAgain.has(t),
      );
      if (targets.length === 0) {
        continue;
      }
      const forcing = REPLACING_REFERENCES[change.type] ?? [];
      const record = change.after as unknown as Record<string, unknown>;
      const forced = targets.some(target =>
        forcing.some(field => record[field] === target),
      );
      if (forced) {
        change.action = 'replace';
        change.reason = `${targets.join(', ')} is looked up differently`;
      } else if (change.action === 'noop') {
        change.action = 'update';
        change.reason = `${targets.join(', ')} is looked up differently`;
      }
    }
  }

  // A replaced resource gets a new cloud id: what refers to it must follow,
  // until nothing more changes.
  let cascading = true;
  while (cascading) {
    cascading = false;
    for (const change of changes.values()) {
      if (
        !change.after ||
        (change.action !== 'noop' && change.action !== 'update')
      ) {
        continue;
      }
      const replacedRefs = references(change.after).filter(
        target => changes.get(target)?.action === 'replace',
      );
      if (replacedRefs.length === 0) {
        continue;
      }
      const forcing = REPLACING_REFERENCES[change.type] ?? [];
      const record = change.after as unknown as Record<string, unknown>;
      const forced = replacedRefs.some(target =>
        forcing.some(field => record[field] === target),
      );
      if (forced) {
        change.action = 'replace';
        change.reason = `${replacedRefs.join(', ')} is replaced`;
        cascading = true;
      } else if (change.action === 'noop') {
        change.action = 'update';
        change.reason = `${replacedRefs.join(', ')} gets a new id`;
      }
    }
  }

  const list = [...changes.values()];
  const counts: Record<ChangeAction, number> = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    noop: 0,
  };
  list.forEach(change => counts[change.action]++);
  return {
    changes: list,
    counts,
    destructive: counts.delete + counts.replace > 0,
  };
}

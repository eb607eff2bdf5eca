// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInstance,
  PlanResource,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planFresh } from '../fresh';
import { allocateNames } from '../names';
import { labelOf } from '../rules/os';
import { matchRegion } from '../rules/region';
import { layoutOf } from '../segments';
import {
  addResources,
  EditEnv,
  EditState,
  instancesOf,
  namesOf,
  record,
} from './edit';
import { REMOVES } from './removals';
import { mentions } from './targets';

const ADD_VERB =
  /\b(?:add|adds|adding|another|also|plus|create|launch|spin up|start|additional|extra|(?:i|we) also need|and)\b|\b\d+ more\b(?!\s*(?:hours?|days?|minutes?|weeks?|h|d|gb|tb)\b)/;
const RESIZES =
  /\b(?:bigger|larger|smaller|resize|upgrade|downgrade|instead)\b/;
const NOT_TIME = '(?!\\s*(?:hours?|days?|minutes?|weeks?|h|d|gb|tb)\\b)';
const CLONE = new RegExp(
  `\\b(?:another (?:one|1)|(?:one|1) more${NOT_TIME}|(\\d+) more${NOT_TIME}|a second (?:one|1)|duplicate (?:it|that)|clone (?:it|that)|a copy(?: of (?:it|that))?)\\b`,
);
const SPEC =
  /\b[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+\b|\bubuntu\b|\bdebian\b|\bwindows\b|\brhel\b|\bamazon linux\b|\bgraviton\b|\b(?:small|medium|large|big|tiny)\b/;

/**
 * Whether a follow-up clause asks for new resources (machines, buckets,
 * networks) rather than changing existing ones.
 *
 * @internal
 */
export function isAddition(clause: string): boolean {
  if (!ADD_VERB.test(clause) || RESIZES.test(clause) || REMOVES.test(clause)) {
    return false;
  }
  if (CLONE.test(clause)) {
    return true;
  }
  const layout = layoutOf(clause);
  return (
    layout.buckets.length > 0 ||
    layout.instances.some(i => i.anchor.end > 0) ||
    /\b(?:a|an|new) (?:vpc|subnet)\b/.test(clause)
  );
}

function describe(resource: PlanResource): string {
  const address = resourceAddress(resource);
  if (resource.type === 'aws_instance') {
    return `+ ${address} (${resource.instanceType}, ${labelOf(
      resource.image.os,
    )} ${resource.image.version})`;
  }
  return `+ ${address}`;
}

/** "one more", "2 more web servers": copies of an existing machine. */
function clone(state: EditState, clause: string): EditState | undefined {
  const match = clause.match(CLONE);
  const layout = layoutOf(clause);
  const anchor = layout.instances.find(i => i.anchor.end > 0)?.anchor;
  const count = match?.[1] ? Number(match[1]) : anchor?.count ?? 1;
  const instances = instancesOf(state.plan);
  if (instances.length === 0 || (SPEC.test(clause) && !match)) {
    return undefined;
  }
  const named = instances.filter(i => mentions(clause, i));
  const byRole = anchor?.role
    ? instances.filter(i => i.name.replace(/_\d+$/, '') === anchor.role)
    : [];
  const source =
    named.at(-1) ?? byRole.at(-1) ?? (match ? instances.at(-1) : undefined);
  if (!source || SPEC.test(clause)) {
    return undefined;
  }
  const base = source.name.replace(/_\d+$/, '');
  const names = allocateNames(base, count, namesOf(state.plan, 'aws_instance'));
  const copies: AwsInstance[] = names.map(name => ({ ...source, name }));
  return record(
    state,
    addResources(state.plan, copies),
    copies.map(
      c => `+ aws_instance.${c.name} (a copy of aws_instance.${source.name})`,
    ),
  );
}

/**
 * "add a t3.small named worker", "also an S3 bucket", "one more like it":
 * new resources planned like a fresh request, next to the existing ones
 * (same region, VPC, key pair; names that do not clash).
 *
 * @internal
 */
export function addResourcesFrom(
  state: EditState,
  clause: string,
  env: EditEnv,
): EditState {
  const cloned = clone(state, clause);
  if (cloned) {
    return cloned;
  }
  const zone = matchRegion(clause).zone;
  const fresh = planFresh({
    text: clause,
    original: env.original,
    region: state.plan.region,
    zone,
    context: env.context,
    existing: state.plan.resources,
  });
  return {
    ...record(
      state,
      addResources(state.plan, fresh.resources),
      fresh.resources.map(describe),
      fresh.notes,
    ),
    lastTargets: fresh.resources
      .filter(r => r.type === 'aws_instance')
      .map(resourceAddress),
  };
}

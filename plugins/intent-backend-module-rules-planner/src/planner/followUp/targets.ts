// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resourceAddress } from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  Plan,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, Notes, NO_NOTES } from '../notes';
import { instancesOf } from './edit';

const EVERY = /\b(?:all|both|every|each|them|they|everything|all of them)\b/;

/** "web_1" is also written "web 1", "web-1" or "web1". */
function namePattern(name: string): RegExp {
  const spelled = name
    .split('_')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[_ -]?');
  return new RegExp(`(?:^|[^a-z0-9_])(?:${spelled})(?![a-z0-9_])`);
}

/** Whether a clause names this resource (by address or by name). @internal */
export function mentions(clause: string, resource: PlanResource): boolean {
  return (
    clause.includes(resourceAddress(resource)) ||
    namePattern(resource.name).test(clause)
  );
}

/** The group a counted name belongs to: `web` for `web_2`. */
function groupOf(name: string): string {
  return name.replace(/_\d+$/, '');
}

/**
 * The machines a clause is about: the ones it names (or whose group it
 * names: "the web servers"), all of them for "all"/"both", the only one,
 * or the ones the previous clause was about. Otherwise a question.
 *
 * @internal
 */
export function targetInstances(
  plan: Plan,
  clause: string,
  lastTargets?: string[],
): { targets: string[]; notes: Notes } {
  const instances = instancesOf(plan);
  if (instances.length === 0) {
    return {
      targets: [],
      notes: ask(
        'The plan has no machine to change: add one first, e.g. "add a t3.micro"',
      ),
    };
  }
  const named = instances.filter(i => mentions(clause, i));
  if (named.length > 0) {
    return { targets: named.map(resourceAddress), notes: NO_NOTES };
  }
  const groups = [...new Set(instances.map(i => groupOf(i.name)))];
  const group = groups.find(g => namePattern(g).test(clause));
  if (group) {
    return {
      targets: instances
        .filter(i => groupOf(i.name) === group)
        .map(resourceAddress),
      notes: NO_NOTES,
    };
  }
  if (EVERY.test(clause) || groups.length === 1) {
    return { targets: instances.map(resourceAddress), notes: NO_NOTES };
  }
  const previous =
    lastTargets?.filter(t => t.startsWith('aws_instance.')) ?? [];
  if (previous.length) {
    return { targets: previous, notes: NO_NOTES };
  }
  return {
    targets: [],
    notes: ask(
      `Which machine should "${clause.trim()}" change: ${instances
        .map(i => i.name)
        .join(', ')}?`,
    ),
  };
}

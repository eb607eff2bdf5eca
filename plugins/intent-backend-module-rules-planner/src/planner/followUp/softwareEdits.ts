// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsInstance } from '@intent-sandboxes/backstage-plugin-intent-common';
import { matchSoftware } from '../rules/software';
import { Edit, EditState, findResource, record, updateResource } from './edit';
import { targetInstances } from './targets';

const UNINSTALL =
  /\b(?:uninstall|remove|drop|delete|purge|without|no longer|don'?t (?:install|need|want)|do not (?:install|need|want))\b/;
const INSTALL =
  /\b(?:install|add|also|plus|include|set ?up|put|with|get|need|want|deploy)\b/;

function list(ids: readonly string[]): string {
  return ids.length ? ids.join(', ') : 'none';
}

/**
 * "also install docker", "add git and jq", "uninstall nginx": software added
 * to or removed from the machines the clause is about. A clause that names
 * no software of the catalogue changes nothing here.
 *
 * @internal
 */
export const software: Edit = (state, clause) => {
  const removing = UNINSTALL.test(clause);
  if (!removing && !INSTALL.test(clause)) {
    return state;
  }
  // Only a clause that names software is about software.
  if (matchSoftware(clause, 'ubuntu').ids.length === 0) {
    return state;
  }
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  let next: EditState = targets.length
    ? state
    : record(state, state.plan, [], notes);
  for (const address of targets) {
    const instance = findResource(next.plan, address) as AwsInstance;
    const found = matchSoftware(clause, instance.image.os);
    const before = instance.software ?? [];
    const after = removing
      ? before.filter(id => !found.ids.includes(id as never))
      : [...before, ...found.ids.filter(id => !before.includes(id))];
    const changed =
      after.length !== before.length || after.some((id, i) => id !== before[i]);
    next = record(
      next,
      changed
        ? updateResource<AwsInstance>(next.plan, address, r => ({
            ...r,
            software: after,
          }))
        : next.plan,
      changed ? [`${address}: software ${list(before)} → ${list(after)}`] : [],
      found.notes,
    );
  }
  return targets.length ? { ...next, lastTargets: targets } : next;
};

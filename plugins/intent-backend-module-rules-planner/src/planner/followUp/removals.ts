// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanResource,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask } from '../notes';
import {
  Edit,
  EditState,
  record,
  removeWithDependents,
  withNotes,
} from './edit';
import { mentions, targetInstances } from './targets';

/** @internal */
export const REMOVES =
  /\b(?:remove|delete|drop|destroy|get rid of|tear down|terminate|kill|decommission|no longer need|(?:do not|don't) need)\b/;

const KINDS: Array<[RegExp, PlanResource['type']]> = [
  [/\b(?:s3 )?buckets?\b/, 'aws_s3_bucket'],
  [
    /\b(?:extra |data |additional |second |ebs )?volumes?\b|\b(?:extra|data|additional|second) (?:disk|drive)s?\b/,
    'aws_ebs_volume',
  ],
  [/\belastic ips?\b|\beips?\b|\bstatic ips?\b/, 'aws_eip'],
  [/\bkey ?pairs?\b|\bssh keys?\b/, 'aws_key_pair'],
  [/\bsecurity groups?\b|\bfirewall\b/, 'aws_security_group'],
  [/\bvpcs?\b/, 'aws_vpc'],
  [/\bsubnets?\b/, 'aws_subnet'],
  [
    /\b(?:instances?|servers?|vms?|machines?|box(?:es)?|hosts?|nodes?)\b/,
    'aws_instance',
  ],
];
const LOWERS =
  /\b(?:to|down to)\s+(?:an?\s+)?(?:[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+|\d|nano|micro|small|medium|large)/;
const ADDRESS = /\baws_[a-z0-9_]+\.[a-z][a-z0-9_]*\b/g;
const EVERY = /\b(?:all|both|every|each|them|everything)\b/;

/** "delete everything", "remove it" (the only machine, or the only resource). */
function pronounTargets(state: EditState, clause: string): string[] {
  const all = state.plan.resources;
  if (
    /\b(?:everything|all of it|the whole (?:thing|sandbox)|all resources)\b/.test(
      clause,
    )
  ) {
    return all.map(resourceAddress);
  }
  if (!/\b(?:it|this|that)\b/.test(clause)) {
    return [];
  }
  const instances = all.filter(r => r.type === 'aws_instance');
  if (state.lastTargets?.length) {
    return state.lastTargets;
  }
  if (instances.length === 1) {
    return [resourceAddress(instances[0])];
  }
  return all.length === 1 ? [resourceAddress(all[0])] : [];
}

function chooseTargets(
  state: EditState,
  clause: string,
): { addresses: string[]; question?: string } {
  const explicit = clause.match(ADDRESS) ?? [];
  if (explicit.length > 0) {
    return {
      addresses: explicit.filter(a =>
        state.plan.resources.some(r => resourceAddress(r) === a),
      ),
    };
  }
  const kinds = KINDS.filter(([pattern]) => pattern.test(clause)).map(
    ([, type]) => type,
  );
  const named = state.plan.resources.filter(r => mentions(clause, r));
  if (kinds.length === 0) {
    // "remove web_2": a name alone; machines before the groups named after them.
    const instances = named.filter(r => r.type === 'aws_instance');
    if (named.length > 0) {
      return {
        addresses: (instances.length ? instances : named).map(resourceAddress),
      };
    }
    return { addresses: pronounTargets(state, clause) };
  }
  const addresses: string[] = [];
  for (const type of kinds) {
    const ofKind = state.plan.resources.filter(r => r.type === type);
    const namedOfKind = named.filter(r => r.type === type);
    if (namedOfKind.length > 0) {
      addresses.push(...namedOfKind.map(resourceAddress));
    } else if (type === 'aws_instance') {
      const { targets } = targetInstances(state.plan, clause);
      if (targets.length === 0 && ofKind.length > 0) {
        return {
          addresses: [],
          question: `Remove which machine: ${ofKind
            .map(r => r.name)
            .join(', ')}?`,
        };
      }
      addresses.push(
        ...(/\bone of\b/.test(clause) ? targets.slice(-1) : targets),
      );
    } else if (type === 'aws_eip' && state.lastTargets?.length) {
      addresses.push(
        ...ofKind
          .filter(
            r =>
              r.type === 'aws_eip' &&
              r.instance &&
              state.lastTargets!.includes(r.instance),
          )
          .map(resourceAddress),
      );
    } else if (ofKind.length === 1 || EVERY.test(clause)) {
      addresses.push(...ofKind.map(resourceAddress));
    } else if (ofKind.length > 1) {
      return {
        addresses: [],
        question: `Remove which ${type
          .replace('aws_', '')
          .replace(/_/g, ' ')}: ${ofKind.map(r => r.name).join(', ')}?`,
      };
    }
  }
  // "remove the logs bucket and the db": a machine named next to a kind.
  for (const instance of named.filter(r => r.type === 'aws_instance')) {
    if (!addresses.includes(resourceAddress(instance))) {
      addresses.push(resourceAddress(instance));
    }
  }
  return { addresses };
}

/**
 * "remove the bucket", "delete web_2", "drop the elastic IP": removes the
 * resources and what depends on them, and says everything that goes.
 *
 * @internal
 */
export const removals: Edit = (state, clause) => {
  // "drop it to a t3.nano", "drop the disk to 50gb" lower something, they remove nothing.
  if (!REMOVES.test(clause) || LOWERS.test(clause)) {
    return state;
  }
  const { addresses, question } = chooseTargets(state, clause);
  if (question) {
    return withNotes(state, ask(question));
  }
  if (addresses.length === 0) {
    return state;
  }
  const { plan, removed } = removeWithDependents(state.plan, addresses);
  const changes = removed.map(address =>
    addresses.includes(address)
      ? `- ${address}`
      : `- ${address} (depended on what was removed)`,
  );
  return { ...record(state, plan, changes), lastTargets: undefined };
};

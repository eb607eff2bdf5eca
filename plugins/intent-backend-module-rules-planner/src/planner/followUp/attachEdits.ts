// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsEbsVolume,
  AwsInstance,
  AwsKeyPair,
  AwsVolumeAttachment,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { elasticIp, extraVolumes } from '../instances';
import { allocateNames } from '../names';
import { ask } from '../notes';
import { matchElasticIp } from '../rules/eip';
import { matchKeyPair } from '../rules/keyPair';
import { matchDisks } from '../rules/storage';
import {
  addResources,
  Edit,
  EditState,
  findResource,
  namesOf,
  record,
  removeWithDependents,
  updateResource,
  withNotes,
} from './edit';
import { mentions, targetInstances } from './targets';

/** A follow-up that adds something to a machine. @internal */
export const ADDS =
  /\b(?:add|adds|adding|attach|another|extra|additional|plus|second|give|new|also)\b/;
const ATTACH = /\battach\b/;
const DETACH = /\bdetach\b/;
const VOLUME_WORDS = /\b(?:volumes?|disks?|drives?|storage|ebs)\b/;
const ROOT_WORDS = /\b(?:root|boot|os|system)\b/;
const RESIZE_WORDS =
  /\b(?:make|resize|grow|increase|expand|extend|bump|set|change|shrink)\b/;

function volumesOf(state: EditState): AwsEbsVolume[] {
  return state.plan.resources.filter(
    (r): r is AwsEbsVolume => r.type === 'aws_ebs_volume',
  );
}

function attachmentsOf(state: EditState): AwsVolumeAttachment[] {
  return state.plan.resources.filter(
    (r): r is AwsVolumeAttachment => r.type === 'aws_volume_attachment',
  );
}

/** In "add ..." every disk is a new volume, unless it says it is the root disk. */
function newVolumes(clause: string) {
  return matchDisks(clause)
    .filter(d => !(d.kind === 'root' && ROOT_WORDS.test(d.said)))
    .map(d => ({ ...d, kind: 'extra' as const }));
}

function addVolumes(state: EditState, clause: string): EditState {
  const requests = newVolumes(clause);
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  let next = withNotes(state, notes);
  for (const address of targets) {
    const instance = findResource(next.plan, address) as AwsInstance;
    const used = attachmentsOf(next)
      .filter(a => a.instance === address)
      .map(a => a.deviceName);
    const added = extraVolumes(
      instance,
      requests,
      namesOf(next.plan, 'aws_ebs_volume'),
      used,
    );
    const changes = added.resources
      .filter((r): r is AwsEbsVolume => r.type === 'aws_ebs_volume')
      .map(
        v =>
          `+ aws_ebs_volume.${v.name} (${v.sizeGb} GB ${v.volumeType}) attached to ${address}`,
      );
    next = record(
      next,
      addResources(next.plan, added.resources),
      changes,
      added.notes,
    );
  }
  return targets.length ? { ...next, lastTargets: targets } : next;
}

function pickVolume(clause: string, volumes: AwsEbsVolume[]) {
  const named = volumes.filter(v => mentions(clause, v));
  if (named.length > 0) {
    return named;
  }
  return volumes.length === 1 ? volumes : [];
}

function resizeVolume(state: EditState, clause: string): EditState {
  const size = matchDisks(clause).find(d => d.sizeGb)?.sizeGb;
  const chosen = pickVolume(clause, volumesOf(state));
  if (!size || chosen.length === 0) {
    return withNotes(
      state,
      ask(
        `Which volume should be ${size ?? 'resized'}: ${
          volumesOf(state)
            .map(v => v.name)
            .join(', ') || 'there is none'
        }?`,
      ),
    );
  }
  let plan = state.plan;
  const changes: string[] = [];
  for (const volume of chosen) {
    plan = updateResource<AwsEbsVolume>(plan, resourceAddress(volume), v => ({
      ...v,
      sizeGb: size,
    }));
    changes.push(
      `aws_ebs_volume.${volume.name}: size ${volume.sizeGb} GB → ${size} GB`,
    );
  }
  return record(state, plan, changes);
}

function attachVolume(state: EditState, clause: string): EditState {
  const attached = new Set(attachmentsOf(state).map(a => a.volume));
  const free = volumesOf(state).filter(v => !attached.has(resourceAddress(v)));
  const chosen = pickVolume(clause, free);
  if (chosen.length === 0) {
    return withNotes(
      state,
      ask(
        'Which volume should be attached? There is no unattached volume in the plan',
      ),
    );
  }
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  if (targets.length !== 1) {
    return withNotes(
      state,
      notes,
      targets.length > 1
        ? ask('Attach the volume to which machine? A volume attaches to one')
        : notes,
    );
  }
  const used = attachmentsOf(state)
    .filter(a => a.instance === targets[0])
    .map(a => a.deviceName);
  const device = 'fghijklmnop'
    .split('')
    .map(l => `/dev/sd${l}`)
    .find(d => !used.includes(d))!;
  const attachment: AwsVolumeAttachment = {
    type: 'aws_volume_attachment',
    name: allocateNames(
      chosen[0].name,
      1,
      namesOf(state.plan, 'aws_volume_attachment'),
    )[0],
    volume: resourceAddress(chosen[0]),
    instance: targets[0],
    deviceName: device,
  };
  return record(state, addResources(state.plan, [attachment]), [
    `+ ${resourceAddress(chosen[0])} attached to ${targets[0]} as ${device}`,
  ]);
}

function detachVolume(state: EditState, clause: string): EditState {
  const attachments = attachmentsOf(state);
  const chosen = attachments.filter(
    a => mentions(clause, a) || clause.includes(a.volume.split('.')[1]),
  );
  const only = attachments.length === 1 ? attachments : [];
  const picked = chosen.length > 0 ? chosen : only;
  if (picked.length === 0) {
    return withNotes(state, ask('Which volume should be detached?'));
  }
  const removed = removeWithDependents(state.plan, picked.map(resourceAddress));
  return record(
    state,
    removed.plan,
    picked.map(a => `- ${a.volume} detached from ${a.instance}`),
  );
}

/** "add a 100 GB gp3 volume", "attach the data volume", "make the data volume 200 GB". @internal */
export const volumes: Edit = (state, clause) => {
  const named = volumesOf(state).some(v => mentions(clause, v));
  const aboutVolumes = named || VOLUME_WORDS.test(clause);
  if (DETACH.test(clause) && aboutVolumes) {
    return detachVolume(state, clause);
  }
  const disks = matchDisks(clause);
  if (ATTACH.test(clause) && aboutVolumes && !disks.some(d => d.sizeGb)) {
    return attachVolume(state, clause);
  }
  if (disks.length === 0) {
    return state;
  }
  if (ADDS.test(clause)) {
    return newVolumes(clause).length ? addVolumes(state, clause) : state;
  }
  const extra = named || disks.some(d => d.kind === 'extra');
  if (
    extra &&
    disks.some(d => d.sizeGb) &&
    RESIZE_WORDS.test(clause) &&
    volumesOf(state).length > 0
  ) {
    return resizeVolume(state, clause);
  }
  return state;
};

/** "give it an elastic IP", "attach an EIP". @internal */
export const elasticIps: Edit = (state, clause) => {
  if (
    !matchElasticIp(clause) ||
    !(ADDS.test(clause) || /\bwith\b|\bneeds?\b|\bwants?\b/.test(clause))
  ) {
    return state;
  }
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  const has = new Set(
    state.plan.resources.flatMap(r =>
      r.type === 'aws_eip' && r.instance ? [r.instance] : [],
    ),
  );
  const missing = targets.filter(t => !has.has(t));
  const taken = namesOf(state.plan, 'aws_eip');
  const eips = missing.map(t => {
    const eip = elasticIp(t.split('.')[1]);
    const name = allocateNames(eip.name, 1, taken)[0];
    taken.add(name);
    return { ...eip, name };
  });
  return {
    ...record(
      state,
      addResources(state.plan, eips),
      eips.map(e => `+ aws_eip.${e.name} for ${e.instance}`),
      notes,
    ),
    lastTargets: targets.length ? targets : state.lastTargets,
  };
};

/** "add a key pair", "use my key ssh-ed25519 AAAA...". @internal */
export const keyPairs: Edit = (state, clause, env) => {
  const wish = matchKeyPair(
    clause,
    /ssh-|ecdsa-/.test(clause) ? env.original : '',
  );
  if (wish.wish !== 'wanted' || /\b(?:remove|delete|drop|no)\b/.test(clause)) {
    return state;
  }
  const existing = state.plan.resources.find(
    (r): r is AwsKeyPair => r.type === 'aws_key_pair',
  );
  const name = wish.name ?? existing?.name ?? 'sandbox';
  const address = `aws_key_pair.${name}`;
  let plan = state.plan;
  const changes: string[] = [];
  if (!findResource(plan, address)) {
    plan = addResources(plan, [
      {
        type: 'aws_key_pair',
        name,
        ...(wish.publicKey ? { publicKey: wish.publicKey } : {}),
        tags: {},
      },
    ]);
    changes.push(`+ ${address}`);
  }
  const { targets, notes } = targetInstances(plan, clause, state.lastTargets);
  for (const target of targets) {
    const instance = findResource(plan, target) as AwsInstance;
    if (instance.keyPair !== address) {
      plan = updateResource<AwsInstance>(plan, target, r => ({
        ...r,
        keyPair: address,
      }));
      changes.push(
        `${target}: key pair ${instance.keyPair ?? 'none'} → ${address}`,
      );
    }
  }
  return record(state, plan, changes, notes);
};

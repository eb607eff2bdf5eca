// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsInstance,
  Plan,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes } from '../notes';
import { architectureOf, switchArchitecture } from '../rules/arch';
import {
  fitSize,
  INSTANCE_TYPE_TOKEN,
  matchInstanceType,
  stepSize,
} from '../rules/instanceType';
import { matchPublicIp } from '../rules/network';
import { labelOf, matchOs } from '../rules/os';
import { matchDisks } from '../rules/storage';
import { matchAll, toResourceName } from '../text';
import {
  Edit,
  EditState,
  findResource,
  namesOf,
  record,
  renameResource,
  updateResource,
  withNotes,
} from './edit';
import { ADDS } from './attachEdits';
import { mentions, targetInstances } from './targets';

const TYPE = new RegExp(INSTANCE_TYPE_TOKEN.source);
const DISK_WORDS = /\b(?:disk|volume|storage|drive|root|bucket)s?\b/;
const CAPACITY = /\b(?:v?cpus?|cores?|ram|memory)\b/;
const BIGGER =
  /\b(?:bigger|larger|more powerful|upsize|scale (?:it )?up|beef(?:ier| it up)|size up|one size up)\b/;
const SMALLER =
  /\b(?:smaller|downsize|scale (?:it )?down|cheaper|size down|one size down)\b/;
const SIZE_WORD =
  /\b(?:make|resize|change|switch|set|upgrade|downgrade)\b[^,;]*?\b(nano|micro|small|medium|large|xlarge)\b(?!\s*(?:disk|volume|root|bucket))/;
const TO_ARM =
  /\b(?:switch|move|change|migrate|convert|make)\b[^,;]*\b(?:to|on|it)\s+(?:arm|arm64|graviton)\b|\bgraviton instead\b/;
const TO_X86 =
  /\b(?:switch|move|change|migrate|convert|make)\b[^,;]*\b(?:to|on|it)\s+(?:x86|x86_64|intel|amd64)\b/;
const OS_CHANGE =
  /\b(?:switch|swap|replace|change|move|upgrade|downgrade|reinstall|reimage|rebuild|use|make|with|to|instead|run)\b/;
const DISK_CHANGE =
  /\b(?:make|resize|grow|increase|expand|extend|bump|set|change|switch|shrink|give|root|disk|encrypt)\b/;
const ENCRYPT_ALL =
  /\bencrypt (?:it|everything|all(?: the)? (?:disks|volumes)|the disks|them)\b/;
const RENAME =
  /\brename\s+(?:the\s+)?(?:(?:instance|server|machine|box|vm|bucket)\s+)?([a-z][\w.-]*?)?\s*(?:to|as|into)\s+["']?([a-z][\w-]*)|\b(?:call|name)\s+(?:it|the (?:instance|server|machine|box|vm))\s+["']?([a-z][\w-]*)|\brename (?:it|the (?:instance|server|machine|box|vm))\s+["']?([a-z][\w-]*)/;

function change(
  instance: AwsInstance,
  field: string,
  before: string,
  after: string,
): string {
  return `aws_instance.${instance.name}: ${field} ${before} → ${after}`;
}

function forTargets(
  state: EditState,
  clause: string,
  apply: (
    plan: Plan,
    instance: AwsInstance,
  ) => { plan: Plan; changes: string[]; notes?: Notes },
): EditState {
  const { targets, notes } = targetInstances(
    state.plan,
    clause,
    state.lastTargets,
  );
  let next: EditState = withNotes(state, notes);
  for (const address of targets) {
    const instance = findResource(next.plan, address) as AwsInstance;
    const result = apply(next.plan, instance);
    next = record(
      next,
      result.plan,
      result.changes,
      ...(result.notes ? [result.notes] : []),
    );
  }
  return targets.length ? { ...next, lastTargets: targets } : next;
}

/** The type a clause asks an existing machine to become. */
function requestedType(
  clause: string,
  current: string,
): { type?: string; notes: Notes[] } {
  const tokens = matchAll(clause, INSTANCE_TYPE_TOKEN).map(m => m[0]);
  const explicit = tokens.length > 1 ? tokens[tokens.length - 1] : tokens[0];
  if (explicit && explicit !== current) {
    return { type: explicit, notes: [matchInstanceType(explicit).notes] };
  }
  if (BIGGER.test(clause) || SMALLER.test(clause)) {
    const stepped = stepSize(current, BIGGER.test(clause) ? 1 : -1);
    return stepped
      ? { type: stepped, notes: [] }
      : {
          notes: [
            ask(
              `${current} has no ${
                BIGGER.test(clause) ? 'larger' : 'smaller'
              } size in its family: name the type you want`,
            ),
          ],
        };
  }
  const size = clause.match(SIZE_WORD)?.[1];
  if (size) {
    const fitted = fitSize(current.split('.')[0], size);
    return {
      type: fitted.instanceType,
      notes: fitted.raised
        ? [
            assume(
              'instanceType',
              fitted.instanceType,
              `${current.split('.')[0]} starts at ${
                fitted.instanceType.split('.')[1]
              }`,
            ),
          ]
        : [],
    };
  }
  const capacity = matchInstanceType(clause);
  if (capacity.instanceType && CAPACITY.test(clause)) {
    return { type: capacity.instanceType, notes: [capacity.notes] };
  }
  if (TO_ARM.test(clause) || TO_X86.test(clause)) {
    const to = TO_ARM.test(clause) ? 'arm64' : 'x86_64';
    const switched = switchArchitecture(current, to);
    return switched
      ? { type: switched, notes: [] }
      : {
          notes: [
            ask(
              `${current} has no obvious ${to} counterpart: name the type you want`,
            ),
          ],
        };
  }
  return { notes: [] };
}

/** "make it a t3.large", "bigger", "8 vCPUs", "switch to Graviton". @internal */
export const resize: Edit = (state, clause) => {
  const aboutDisk = DISK_WORDS.test(clause);
  const wants =
    TYPE.test(clause) ||
    (!aboutDisk &&
      (BIGGER.test(clause) ||
        SMALLER.test(clause) ||
        SIZE_WORD.test(clause))) ||
    TO_ARM.test(clause) ||
    TO_X86.test(clause) ||
    (CAPACITY.test(clause) && Boolean(matchInstanceType(clause).instanceType));
  if (!wants) {
    return state;
  }
  return forTargets(state, clause, (plan, instance) => {
    const wanted = requestedType(clause, instance.instanceType);
    if (!wanted.type || wanted.type === instance.instanceType) {
      return { plan, changes: [], notes: combine(...wanted.notes) };
    }
    const architecture = architectureOf(wanted.type);
    if (architecture === 'arm64' && instance.image.os === 'windows-server') {
      return {
        plan,
        changes: [],
        notes: ask(
          `Windows Server has no arm64 images: aws_instance.${instance.name} stays ${instance.instanceType}`,
        ),
      };
    }
    const changes = [
      change(instance, 'instance type', instance.instanceType, wanted.type),
    ];
    if (architecture !== instance.image.architecture) {
      changes.push(
        change(
          instance,
          'architecture',
          instance.image.architecture,
          architecture,
        ),
      );
    }
    const notes = wanted.notes.map(n => ({
      ...n,
      assumptions: n.assumptions.map(a => ({
        ...a,
        field: `aws_instance.${instance.name}.instanceType`,
      })),
    }));
    return {
      plan: updateResource<AwsInstance>(
        plan,
        `aws_instance.${instance.name}`,
        r => ({
          ...r,
          instanceType: wanted.type!,
          image: { ...r.image, architecture },
        }),
      ),
      changes,
      notes: combine(...notes),
    };
  });
};

/** "switch to Debian 12", "upgrade to Ubuntu 24.04". @internal */
export const changeOs: Edit = (state, clause) => {
  const found = matchOs(clause);
  if (!found.os) {
    return found.notes.questions.length ? withNotes(state, found.notes) : state;
  }
  if (!OS_CHANGE.test(clause)) {
    return state;
  }
  return forTargets(state, clause, (plan, instance) => {
    const version =
      found.version ??
      (found.os === instance.image.os
        ? instance.image.version
        : defaultVersion(found.os!));
    if (found.os === instance.image.os && version === instance.image.version) {
      return { plan, changes: [] };
    }
    if (
      found.os === 'windows-server' &&
      instance.image.architecture === 'arm64'
    ) {
      return {
        plan,
        changes: [],
        notes: ask(
          `Windows Server has no arm64 images: change aws_instance.${instance.name} to an x86 type first`,
        ),
      };
    }
    const before = `${labelOf(instance.image.os)} ${instance.image.version}`;
    const after = `${labelOf(found.os!)} ${version}`;
    return {
      plan: updateResource<AwsInstance>(
        plan,
        `aws_instance.${instance.name}`,
        r => ({
          ...r,
          image: { ...r.image, os: found.os!, version },
        }),
      ),
      changes: [change(instance, 'image', before, after)],
      notes: found.version
        ? undefined
        : assume(
            `aws_instance.${instance.name}.image`,
            after,
            `No ${labelOf(
              found.os!,
            )} version was named; ${version} is the newest supported`,
          ),
    };
  });
};

function defaultVersion(os: string): string {
  return (
    {
      ubuntu: '24.04',
      'amazon-linux': '2023',
      debian: '12',
      rhel: '9',
      'windows-server': '2022',
    } as Record<string, string>
  )[os];
}

/** "make it public", "no public IP". @internal */
export const publicIp: Edit = (state, clause) => {
  const removes = /\b(?:remove|drop|release) (?:the )?public ip\b/.test(clause);
  const wanted = removes ? false : matchPublicIp(clause);
  if (wanted === undefined || /\bbuckets?\b/.test(clause)) {
    return state;
  }
  return forTargets(state, clause, (plan, instance) => {
    if (instance.associatePublicIp === wanted) {
      return { plan, changes: [] };
    }
    return {
      plan: updateResource<AwsInstance>(
        plan,
        `aws_instance.${instance.name}`,
        r => ({ ...r, associatePublicIp: wanted }),
      ),
      changes: [
        change(
          instance,
          'public IP',
          String(instance.associatePublicIp ?? 'unset'),
          String(wanted),
        ),
      ],
    };
  });
};

/** "make the root disk 50 GB", "encrypt the root disk", "gp3 root". @internal */
export const rootDisk: Edit = (state, clause) => {
  const disk = matchDisks(clause).find(d => d.kind === 'root');
  const encryptAll = ENCRYPT_ALL.test(clause);
  // "add a 50 GB disk" is a new volume; "give it a 60 GB root disk" is not.
  const aboutVolume =
    (ADDS.test(clause) && !/\b(?:root|boot|os|system)\b/.test(clause)) ||
    state.plan.resources.some(
      r => r.type === 'aws_ebs_volume' && mentions(clause, r),
    );
  if ((!disk && !encryptAll) || !DISK_CHANGE.test(clause) || aboutVolume) {
    return state;
  }
  return forTargets(state, clause, (plan, instance) => {
    const root = instance.rootVolume;
    const next = {
      sizeGb: disk?.sizeGb ?? root.sizeGb,
      volumeType: disk?.volumeType ?? root.volumeType,
      encrypted: encryptAll ? true : disk?.encrypted ?? root.encrypted,
    };
    const changes: string[] = [];
    if (next.sizeGb !== root.sizeGb) {
      changes.push(
        change(
          instance,
          'root volume',
          `${root.sizeGb} GB`,
          `${next.sizeGb} GB`,
        ),
      );
    }
    if (next.volumeType !== root.volumeType) {
      changes.push(
        change(instance, 'root volume type', root.volumeType, next.volumeType),
      );
    }
    if (next.encrypted !== root.encrypted) {
      changes.push(
        change(
          instance,
          'root volume encryption',
          String(root.encrypted),
          String(next.encrypted),
        ),
      );
    }
    const shrink =
      next.sizeGb < root.sizeGb
        ? assume(
            `aws_instance.${instance.name}.rootVolume.sizeGb`,
            `${next.sizeGb}`,
            'EBS volumes cannot shrink in place: the machine is replaced',
          )
        : undefined;
    return {
      plan: updateResource<AwsInstance>(
        plan,
        `aws_instance.${instance.name}`,
        r => ({ ...r, rootVolume: next }),
      ),
      changes,
      notes: shrink,
    };
  });
};

/** "rename sandbox to web", "call it build". @internal */
export const rename: Edit = (state, clause) => {
  const match = clause.match(RENAME);
  if (!match) {
    return state;
  }
  const newName = toResourceName(match[2] ?? match[3] ?? match[4]);
  const which = match[1];
  if (!newName) {
    return state;
  }
  const candidates =
    which && !/^(?:it|this|that)$/.test(which)
      ? state.plan.resources
          .filter(
            r =>
              r.name === toResourceName(which) ||
              `${r.type}.${r.name}` === which,
          )
          .sort(
            (a, b) =>
              Number(b.type === 'aws_instance') -
              Number(a.type === 'aws_instance'),
          )
      : [];
  let address: string | undefined = candidates[0]
    ? `${candidates[0].type}.${candidates[0].name}`
    : undefined;
  let next = state;
  if (!address) {
    const { targets, notes } = targetInstances(
      state.plan,
      which ? clause : '',
      state.lastTargets,
    );
    next = withNotes(state, notes);
    if (targets.length > 1) {
      return withNotes(state, ask(`Rename which one: ${targets.join(', ')}?`));
    }
    address = targets[0];
  }
  if (!address) {
    return next;
  }
  const [type] = address.split('.');
  if (namesOf(next.plan, type as AwsInstance['type']).has(newName)) {
    return withNotes(
      next,
      ask(`${type}.${newName} already exists: pick another name`),
    );
  }
  return {
    ...record(next, renameResource(next.plan, address, newName), [
      `${address} renamed to ${type}.${newName}`,
    ]),
    lastTargets:
      type === 'aws_instance' ? [`${type}.${newName}`] : next.lastTargets,
  };
};

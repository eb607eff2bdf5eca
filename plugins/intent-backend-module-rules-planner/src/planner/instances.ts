// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  AwsEbsVolume,
  AwsEip,
  AwsInstance,
  AwsSecurityGroup,
  AwsSubnet,
  AwsVolumeAttachment,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { allocateNames, matchInstanceNames } from './names';
import { toResourceName } from './text';
import { ask, assume, combine, Notes } from './notes';
import {
  architectureOf,
  switchArchitecture,
  WANTS_ARM,
  WANTS_X86,
} from './rules/arch';
import { matchElasticIp } from './rules/eip';
import { blocksEgress, matchIngress } from './rules/ingress';
import {
  defaultInstanceType,
  forAddress,
  matchInstanceType,
} from './rules/instanceType';
import { matchPublicIp } from './rules/network';
import { planImage } from './rules/os';
import { matchSoftware } from './rules/software';
import { matchRegion } from './rules/region';
import { DiskRequest, matchDisks, matchVolumeName } from './rules/storage';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';

/** Most machines one phrase may ask for; policy sets the real limit. @internal */
export const MAX_GROUP_SIZE = 20;
/** Root volume of Windows Server when none is named: its images need 30 GB. */
const WINDOWS_ROOT_GB = 30;
const MAX_ROOT_GB = 16384;
const IMDS_OPTIONAL =
  /\bimdsv1\b|\b(?:no|disable|without) imdsv2\b|\bmetadata tokens? optional\b/;

/** What an instance group is built in: the plan around it. @internal */
export interface GroupEnvironment {
  region: string;
  zone?: string;
  context?: PlannerContext;
  /** Names already used, per resource type. */
  taken: (type: PlanResource['type']) => ReadonlySet<string>;
  subnets: AwsSubnet[];
  vpcCidr?: string;
  vpc?: string;
  /** Address of the key pair instances get, when there is one. */
  keyPair?: string;
  /** An existing subnet the machines go in (`data.aws_subnet.…`). */
  subnet?: string;
  /** Existing security groups the machines get too. */
  securityGroups?: string[];
}

/** One phrase's machines with everything they need. @internal */
export interface GroupResult {
  resources: PlanResource[];
  instances: AwsInstance[];
  /** Whether these machines open ssh or rdp (they need a key pair). */
  needsKey: boolean;
  notes: Notes;
}

const DEVICES = 'fghijklmnop'.split('').map(letter => `/dev/sd${letter}`);

function pickType(own: string, shared: string, address: string) {
  const candidates = [matchInstanceType(own), matchInstanceType(shared)];
  const found = candidates.find(m => m.instanceType);
  const fallback = defaultInstanceType(address);
  const chosen = found?.instanceType
    ? {
        instanceType: found.instanceType,
        notes: forAddress(found.notes, address),
      }
    : {
        instanceType: fallback.instanceType,
        notes: combine(...candidates.map(c => c.notes), fallback.notes),
      };
  const all = `${own} ${shared}`;
  const explicit = /\b[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+\b/.test(all);
  const arch = architectureOf(chosen.instanceType);
  if (WANTS_ARM.test(all) && arch === 'x86_64') {
    const switched = switchArchitecture(chosen.instanceType, 'arm64');
    if (!explicit && switched) {
      const said = chosen.notes.assumptions.find(
        a => a.field === `${address}.instanceType`,
      );
      return {
        instanceType: switched,
        notes: combine(
          {
            ...chosen.notes,
            assumptions: chosen.notes.assumptions.filter(a => a !== said),
          },
          assume(
            `${address}.instanceType`,
            switched,
            `ARM was asked for: ${switched} is the Graviton counterpart of ${chosen.instanceType}`,
          ),
        ),
      };
    }
    return {
      ...chosen,
      notes: combine(
        chosen.notes,
        ask(
          `${chosen.instanceType} is an x86_64 type but the request mentions ARM: pick a Graviton type (e.g. t4g.micro) or drop ARM`,
        ),
      ),
    };
  }
  if (WANTS_X86.test(all) && arch === 'arm64') {
    return {
      ...chosen,
      notes: combine(
        chosen.notes,
        ask(
          `${chosen.instanceType} is a Graviton (arm64) type but the request mentions x86: pick an x86 type (e.g. t3.micro) or drop x86`,
        ),
      ),
    };
  }
  return chosen;
}

function rootVolume(
  disk: DiskRequest | undefined,
  os: string,
  address: string,
): { rootVolume: AwsInstance['rootVolume']; notes: Notes } {
  const notes: Notes[] = [];
  let sizeGb = disk?.sizeGb ?? (os === 'windows-server' ? WINDOWS_ROOT_GB : 8);
  if (!disk?.sizeGb && os === 'windows-server') {
    notes.push(
      assume(
        `${address}.rootVolume.sizeGb`,
        `${WINDOWS_ROOT_GB}`,
        'Windows Server images need at least 30 GB',
      ),
    );
  }
  if (disk?.bare && disk.sizeGb) {
    notes.push(
      assume(
        `${address}.rootVolume.sizeGb`,
        `${disk.sizeGb}`,
        `"${disk.said}" did not say which disk; read as the root disk`,
      ),
    );
  }
  if (sizeGb > MAX_ROOT_GB) {
    notes.push(
      ask(
        `A root volume can be at most ${MAX_ROOT_GB} GB; the plan uses the maximum: is an extra volume what you need?`,
      ),
    );
    sizeGb = MAX_ROOT_GB;
  }
  return {
    rootVolume: {
      sizeGb: Math.max(1, sizeGb),
      volumeType: disk?.volumeType ?? 'gp3',
      encrypted: disk?.encrypted ?? true,
    },
    notes: combine(...notes),
  };
}

/** The extra volumes of one instance and their attachments. @internal */
export function extraVolumes(
  instance: Pick<AwsInstance, 'name' | 'availabilityZone'>,
  requests: DiskRequest[],
  takenVolumes: ReadonlySet<string>,
  usedDevices: readonly string[],
): { resources: PlanResource[]; notes: Notes } {
  const resources: PlanResource[] = [];
  const notes: Notes[] = [];
  const taken = new Set(takenVolumes);
  const devices = DEVICES.filter(d => !usedDevices.includes(d));
  for (const request of requests) {
    if (!request.sizeGb) {
      notes.push(
        ask(
          `How large should the extra volume of aws_instance.${instance.name} be? Say e.g. "a 100 GB gp3 volume"`,
        ),
      );
      continue;
    }
    const names = allocateNames(
      request.name ?? `${instance.name}_data`,
      request.count,
      taken,
    );
    for (const name of names) {
      const device = devices.shift();
      if (!device) {
        notes.push(
          ask(
            `aws_instance.${instance.name} has no free device name left (/dev/sdf to /dev/sdp)`,
          ),
        );
        break;
      }
      taken.add(name);
      const volumeType = request.volumeType ?? 'gp3';
      const iops =
        request.iops ??
        (volumeType === 'io1' || volumeType === 'io2' ? 3000 : undefined);
      if (!request.iops && iops) {
        notes.push(
          assume(
            `aws_ebs_volume.${name}.iops`,
            '3000',
            `${volumeType} volumes need provisioned IOPS`,
          ),
        );
      }
      const volume: AwsEbsVolume = {
        type: 'aws_ebs_volume',
        name,
        sizeGb: request.sizeGb,
        volumeType,
        encrypted: request.encrypted ?? true,
        ...(iops ? { iops } : {}),
        ...(instance.availabilityZone
          ? { availabilityZone: instance.availabilityZone }
          : {}),
        tags: names.length === 1 ? nameTag(request.cloudName) : {},
      };
      const attachment: AwsVolumeAttachment = {
        type: 'aws_volume_attachment',
        name,
        volume: `aws_ebs_volume.${name}`,
        instance: `aws_instance.${instance.name}`,
        deviceName: device,
      };
      resources.push(volume, attachment);
    }
  }
  return { resources, notes: combine(...notes) };
}

const SG_NAMED =
  /\b(?:security group|firewall|sg)(?:'s name)?\s+(?:should be |must be |is |will be )?(?:named |called )?[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})|\bname of the (?:security group|sg) (?:should|must|will) be\s+[`"'\u2018\u201c]?([a-z][a-z0-9_.-]{0,62})/;
const SG_NOT_A_NAME =
  /^(?:for|with|and|that|which|to|from|allowing|allows|open|opening|rules?|in|on|the|a|an|my|our|only|should|must|is|named|called|of|ingress|egress|inbound|outbound)$/;

/** The cloud name given to a machine's security group, if any. @internal */
export function securityGroupName(text: string): string | undefined {
  const match = text.match(SG_NAMED);
  const raw = (match?.[1] ?? match?.[2])?.replace(/[.-]+$/, '');
  return raw && !SG_NOT_A_NAME.test(raw) && /[-_\d]/.test(raw)
    ? raw
    : undefined;
}

/** The cloud name of a resource as the request gave it. @internal */
export function nameTag(name: string | undefined): Record<string, string> {
  return name ? { Name: name } : {};
}

/** An elastic IP for an instance, named after it. @internal */
export function elasticIp(instance: string): AwsEip {
  return {
    type: 'aws_eip',
    name: instance,
    instance: `aws_instance.${instance}`,
    tags: {},
  };
}

function pickSubnet(
  subnets: AwsSubnet[],
  publicIp: boolean | undefined,
): string | undefined {
  const subnet =
    (publicIp === true && subnets.find(s => s.mapPublicIpOnLaunch)) ||
    (publicIp !== true && subnets.find(s => !s.mapPublicIpOnLaunch)) ||
    subnets[0];
  return subnet ? `aws_subnet.${subnet.name}` : undefined;
}

/**
 * One group of identical machines ("two web servers with ssh from my IP")
 * with its security group, extra volumes and elastic IPs.
 *
 * @internal
 */
export function planInstanceGroup(
  own: string,
  shared: string,
  options: { count?: number; role?: string },
  env: GroupEnvironment,
): GroupResult {
  const all = `${own} ${shared}`;
  const notes: Notes[] = [];
  let count = options.count ?? 1;
  if (options.count === undefined) {
    notes.push(ask('How many machines do you need? The plan has one'));
  }
  if (count > MAX_GROUP_SIZE) {
    notes.push(
      ask(
        `${count} machines is more than a sandbox plans at once; the plan has ${MAX_GROUP_SIZE}`,
      ),
    );
    count = MAX_GROUP_SIZE;
  }
  const ownNames = matchInstanceNames(own, options.count);
  const given =
    ownNames.length > 0 ? ownNames : matchInstanceNames(shared, options.count);
  if (given.length > 1 && options.count === undefined) {
    // "instances named qa-1, qa-2 and qa-3": the names count them.
    notes.pop();
    count = Math.min(given.length, MAX_GROUP_SIZE);
  } else if (given.length > 1 && given.length !== count) {
    notes.push(
      ask(
        `${count} machines were asked for but ${
          given.length
        } names were given (${given.join(', ')}): which is right?`,
      ),
    );
  }
  const base =
    (given[0] && toResourceName(given[0])) || options.role || 'sandbox';
  const eachNamed = given.length > 1 && given.length === count;
  const cloudNames =
    eachNamed || (given.length === 1 && count === 1) ? given : [];
  const names = eachNamed
    ? given.map(n => toResourceName(n) ?? 'sandbox')
    : allocateNames(base, count, env.taken('aws_instance'));
  const groupAddress = `aws_instance.${count > 1 ? `${base}_*` : names[0]}`;

  const type = pickType(own, shared, groupAddress);
  notes.push(type.notes);
  const architecture = architectureOf(type.instanceType);
  const image = planImage([own, shared], groupAddress, architecture);
  notes.push(image.notes);
  const disks = matchDisks(all);
  const rootRequest = disks.find(d => d.kind === 'root');
  const root = rootVolume(rootRequest, image.image.os, groupAddress);
  notes.push(root.notes);
  const inPublic =
    env.subnets.some(s => s.mapPublicIpOnLaunch) &&
    /\bin(?:to|side)? (?:the|a|that|one of the) public subnets?\b/.test(all);
  const publicIp = matchPublicIp(all) ?? (inPublic ? true : undefined);
  const letter = matchRegion(own).zone ?? matchRegion(shared).zone ?? env.zone;
  const zone = letter ? `${env.region}${letter}` : undefined;

  const sgGiven = securityGroupName(all);
  const sgName = allocateNames(
    (sgGiven && toResourceName(sgGiven)) || base,
    1,
    env.taken('aws_security_group'),
  )[0];
  const sgAddress = `aws_security_group.${sgName}`;
  const ingress = matchIngress(all, {
    context: env.context,
    vpcCidr: env.vpcCidr,
    address: sgAddress,
  });
  notes.push(ingress.notes);
  const noEgress = blocksEgress(all);
  const resources: PlanResource[] = [];
  if (ingress.rules.length > 0 || noEgress || sgGiven) {
    const group: AwsSecurityGroup = {
      type: 'aws_security_group',
      name: sgName,
      description: `Access to aws_instance.${
        count > 1 ? `${base}_*` : names[0]
      }`,
      ...(env.vpc ? { vpc: env.vpc } : {}),
      ingress: ingress.rules,
      egress: noEgress
        ? []
        : [
            {
              protocol: 'all',
              fromPort: 0,
              toPort: 0,
              cidrBlocks: ['0.0.0.0/0'],
              ipv6CidrBlocks: [],
            },
          ],
      tags: {},
    };
    if (sgGiven) {
      group.tags = { Name: sgGiven };
    }
    resources.push(group);
  }
  const software = matchSoftware(all, image.image.os);
  notes.push(software.notes);
  const needsKey = /\bssh\b(?![- ]?key)|\brdp\b|\bremote desktop\b/.test(all);
  const subnet = env.subnet ?? pickSubnet(env.subnets, publicIp);
  const instances: AwsInstance[] = names.map((name, index) => ({
    type: 'aws_instance',
    name,
    instanceType: type.instanceType,
    image: image.image,
    ...(subnet ? { subnet } : {}),
    securityGroups: [
      ...(resources.length > 0 ? [sgAddress] : []),
      ...(env.securityGroups ?? []),
    ],
    ...(env.keyPair ? { keyPair: env.keyPair } : {}),
    ...(publicIp !== undefined ? { associatePublicIp: publicIp } : {}),
    ...(zone ? { availabilityZone: zone } : {}),
    rootVolume: root.rootVolume,
    metadataHttpTokens: IMDS_OPTIONAL.test(all) ? 'optional' : 'required',
    software: software.ids,
    tags: nameTag(cloudNames[index]),
  }));
  resources.push(...instances);

  const apart = matchVolumeName(all);
  const extras = disks
    .filter(d => d.kind === 'extra')
    .map((d, _i, list) =>
      apart && list.length === 1 && !d.cloudName && d.count === 1
        ? { ...d, name: toResourceName(apart), cloudName: apart }
        : d,
    );
  const takenVolumes = new Set(env.taken('aws_ebs_volume'));
  for (const instance of instances) {
    const volumes = extraVolumes(instance, extras, takenVolumes, []);
    volumes.resources.forEach(r => takenVolumes.add(r.name));
    resources.push(...volumes.resources);
    notes.push(volumes.notes);
  }
  if (matchElasticIp(all)) {
    resources.push(...instances.map(i => elasticIp(i.name)));
  }
  return { resources, instances, needsKey, notes: combine(...notes) };
}

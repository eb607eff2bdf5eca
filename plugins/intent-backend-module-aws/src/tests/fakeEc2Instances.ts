// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable prefer-template -- XML is assembled from small pieces here */

import {
  byIds,
  Ec2Error,
  el,
  esc,
  groupsOf,
  items,
  listOf,
  matches,
  tagSet,
  tagsOf,
} from './fakeAwsProtocol';
import type {
  Ec2CallHandler,
  FakeAwsState,
  FakeInstance,
} from './fakeAwsState';

/* The fake's EC2 instance calls, and the images, subnets and types they launch with. */

export function instanceXml(aws: FakeAwsState, i: FakeInstance): string {
  const codes: Record<string, number> = {
    pending: 0,
    running: 16,
    'shutting-down': 32,
    terminated: 48,
    stopping: 64,
    stopped: 80,
  };
  return [
    el('instanceId', i.id),
    el('imageId', i.imageId),
    `<instanceState>${el('code', codes[i.state])}${el(
      'name',
      i.state,
    )}</instanceState>`,
    el(
      'privateDnsName',
      `ip-${i.privateIp.replace(/\./g, '-')}.${aws.region}.compute.internal`,
    ),
    i.publicIp
      ? el(
          'dnsName',
          `ec2-${i.publicIp.replace(/\./g, '-')}.${
            aws.region
          }.compute.amazonaws.com`,
        )
      : '<dnsName/>',
    el('keyName', i.keyName),
    el('instanceType', i.type),
    el('launchTime', '2026-12-02T06:00:00.000Z'),
    `<placement>${el(
      'availabilityZone',
      aws.defaultSubnets.find(s => s.id === i.subnetId)?.zone ?? 'eu-west-1a',
    )}</placement>`,
    el('subnetId', i.subnetId),
    el('vpcId', i.vpcId),
    el('privateIpAddress', i.privateIp),
    el('ipAddress', i.publicIp),
    `<groupSet>${items(
      i.groups.map(
        g => el('groupId', g) + el('groupName', aws.groups.get(g)?.name ?? 'x'),
      ),
    )}</groupSet>`,
    el('architecture', aws.images.get(i.imageId)?.arch ?? 'x86_64'),
    el('rootDeviceName', '/dev/xvda'),
    `<blockDeviceMapping>${items([
      el('deviceName', '/dev/xvda') +
        `<ebs>${el('volumeId', i.rootVolumeId)}${el(
          'status',
          'attached',
        )}</ebs>`,
    ])}</blockDeviceMapping>`,
    tagSet(i.tags),
    `<metadataOptions>${el('httpTokens', i.httpTokens)}${el(
      'httpEndpoint',
      'enabled',
    )}</metadataOptions>`,
  ].join('');
}

function launch(
  aws: FakeAwsState,
  p: URLSearchParams,
  token: string | undefined,
): FakeInstance {
  const imageId = p.get('ImageId')!;
  if (!aws.images.has(imageId)) {
    throw new Ec2Error(
      'InvalidAMIID.NotFound',
      `The image id '[${imageId}]' does not exist`,
    );
  }
  const ni = groupsOf(p, 'NetworkInterface')[0];
  const instance: FakeInstance = {
    id: aws.newId('i'),
    imageId,
    type: p.get('InstanceType')!,
    state: 'pending',
    subnetId: ni?.get('SubnetId') ?? aws.defaultSubnets[0].id,
    vpcId: aws.defaultVpc,
    groups: ni ? listOf(ni, 'SecurityGroupId') : listOf(p, 'SecurityGroupId'),
    keyName: p.get('KeyName') ?? undefined,
    publicIp:
      ni?.get('AssociatePublicIpAddress') === 'true'
        ? '203.0.113.10'
        : undefined,
    privateIp: '172.31.5.10',
    httpTokens: p.get('MetadataOptions.HttpTokens') ?? 'optional',
    rootVolumeId: aws.newId('vol'),
    userData: p.get('UserData') ?? undefined,
    tags: tagsOf(p),
    clientToken: token,
    pendingPolls: 1,
  };
  aws.instances.set(instance.id, instance);
  return instance;
}

/** Lets a pending, stopping or shutting-down instance move on after its polls. */
function advance(i: FakeInstance) {
  if (i.pendingPolls > 0) {
    i.pendingPolls -= 1;
    return;
  }
  const next: Record<string, string> = {
    pending: 'running',
    stopping: 'stopped',
    'shutting-down': 'terminated',
  };
  if (next[i.state]) i.state = next[i.state];
}

/** Answers an instance call; undefined when `action` is not one. */
export const instanceCall: Ec2CallHandler = (aws, action, p, filters) => {
  switch (action) {
    case 'DescribeImages': {
      const ids = listOf(p, 'ImageId');
      const found = ids.filter(id => aws.images.has(id));
      if (ids.length > 0 && found.length < ids.length) {
        throw new Ec2Error(
          'InvalidAMIID.NotFound',
          `The image id '[${ids
            .filter(id => !aws.images.has(id))
            .join(', ')}]' does not exist`,
        );
      }
      return `<imagesSet>${items(
        found.map(
          id =>
            el('imageId', id) +
            el('architecture', aws.images.get(id)!.arch) +
            el('rootDeviceName', aws.images.get(id)!.root) +
            el('imageState', 'available'),
        ),
      )}</imagesSet>`;
    }
    case 'DescribeSubnets': {
      const ids = listOf(p, 'SubnetId');
      const subnets = aws.defaultSubnets.filter(
        s =>
          (ids.length === 0 || ids.includes(s.id)) &&
          matches(
            filters,
            {},
            {
              'default-for-az': 'true',
              'availability-zone': s.zone,
              'vpc-id': aws.defaultVpc,
            },
          ),
      );
      return `<subnetSet>${items(
        subnets.map(
          s =>
            el('subnetId', s.id) +
            el('state', 'available') +
            el('vpcId', aws.defaultVpc) +
            el('cidrBlock', s.cidr) +
            el('availabilityZone', s.zone) +
            el('defaultForAz', true) +
            el('mapPublicIpOnLaunch', true),
        ),
      )}</subnetSet>`;
    }
    case 'RunInstances': {
      const token = p.get('ClientToken') ?? undefined;
      const again = [...aws.instances.values()].find(
        i => token && i.clientToken === token,
      );
      const instance = again ?? launch(aws, p, token);
      return (
        el('reservationId', 'r-0001') +
        el('ownerId', '123456789012') +
        `<instancesSet>${items([instanceXml(aws, instance)])}</instancesSet>`
      );
    }
    case 'DescribeInstances': {
      const ids = listOf(p, 'InstanceId');
      const list =
        ids.length > 0
          ? byIds(aws.instances, ids, 'InvalidInstanceID.NotFound')
          : [...aws.instances.values()].filter(i =>
              matches(filters, i.tags, { 'instance-state-name': i.state }),
            );
      for (const i of list) advance(i);
      return `<reservationSet>${
        list.length
          ? items([
              el('reservationId', 'r-0001') +
                `<instancesSet>${items(
                  list.map(i => instanceXml(aws, i)),
                )}</instancesSet>`,
            ])
          : ''
      }</reservationSet>`;
    }
    case 'TerminateInstances':
    case 'StopInstances':
    case 'StartInstances': {
      const list = byIds(
        aws.instances,
        listOf(p, 'InstanceId'),
        'InvalidInstanceID.NotFound',
      );
      const next = {
        TerminateInstances: 'shutting-down',
        StopInstances: 'stopping',
        StartInstances: 'pending',
      }[action];
      const set = {
        TerminateInstances: 'instancesSet',
        StopInstances: 'instancesSet',
        StartInstances: 'instancesSet',
      }[action];
      const out = list.map(i => {
        const previous = i.state;
        if (
          !(action === 'StopInstances' && previous === 'stopped') &&
          !(action === 'StartInstances' && previous === 'running') &&
          previous !== 'terminated'
        ) {
          i.state = next;
          i.pendingPolls = 1;
        }
        return (
          el('instanceId', i.id) +
          `<currentState>${el('code', 0)}${el(
            'name',
            i.state,
          )}</currentState><previousState>${el('code', 0)}${el(
            'name',
            previous,
          )}</previousState>`
        );
      });
      return `<${set}>${items(out)}</${set}>`;
    }
    case 'RebootInstances':
      byIds(
        aws.instances,
        listOf(p, 'InstanceId'),
        'InvalidInstanceID.NotFound',
      );
      return el('return', true);
    case 'ModifyInstanceAttribute': {
      const [i] = byIds(
        aws.instances,
        [p.get('InstanceId')!],
        'InvalidInstanceID.NotFound',
      );
      if (p.has('InstanceType.Value')) {
        if (i.state !== 'stopped')
          throw new Ec2Error(
            'IncorrectInstanceState',
            `The instance '${i.id}' is not in the 'stopped' state.`,
          );
        i.type = p.get('InstanceType.Value')!;
      }
      const groups = listOf(p, 'GroupId');
      if (groups.length) i.groups = groups;
      return el('return', true);
    }
    case 'DescribeInstanceTypeOfferings': {
      const offered = ['t3.micro', 't3.small', 't4g.micro'];
      const wanted =
        filters.find(f => f.name === 'instance-type')?.values ?? offered;
      return `<instanceTypeOfferingSet>${items(
        wanted
          .filter(t => offered.includes(t))
          .map(
            t =>
              el('instanceType', t) +
              el('locationType', 'region') +
              el('location', aws.region),
          ),
      )}</instanceTypeOfferingSet>`;
    }
    case 'DescribeInstanceTypes':
      return `<instanceTypeSet>${items(
        listOf(p, 'InstanceType').map(
          t =>
            el('instanceType', t) +
            `<processorInfo><supportedArchitectures>${items([
              esc(t.startsWith('t4g') ? 'arm64' : 'x86_64'),
            ])}</supportedArchitectures></processorInfo>`,
        ),
      )}</instanceTypeSet>`;
    default:
      return undefined;
  }
};

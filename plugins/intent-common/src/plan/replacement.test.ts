// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { replacementReason, requiresReplacement } from './replacement';
import {
  awsInstanceSchema,
  PlanResource,
  PlanResourceInput,
  planResourceSchema,
} from './schema';

const parse = (input: PlanResourceInput): PlanResource =>
  planResourceSchema.parse(input);

const instance = awsInstanceSchema.parse({
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
  subnet: 'aws_subnet.a',
  securityGroups: ['aws_security_group.ssh'],
  keyPair: 'aws_key_pair.me',
  availabilityZone: 'eu-west-1a',
  associatePublicIp: false,
});

describe('requiresReplacement', () => {
  it('is empty for the same resource and for changes EC2 makes in place', () => {
    expect(requiresReplacement('aws_instance', instance, instance)).toEqual([]);
    const inPlace = parse({
      ...instance,
      instanceType: 't3.large',
      securityGroups: ['aws_security_group.ssh', 'aws_security_group.web'],
      metadataHttpTokens: 'optional',
      rootVolume: { sizeGb: 30, volumeType: 'gp2', encrypted: true },
      tags: { team: 'a' },
    });
    expect(requiresReplacement('aws_instance', instance, inPlace)).toEqual([]);
  });

  it('lists every instance field that forces a new instance', () => {
    const changed = parse({
      ...instance,
      image: { os: 'ubuntu', version: '22.04', architecture: 'x86_64' },
      subnet: 'aws_subnet.b',
      availabilityZone: 'eu-west-1b',
      keyPair: 'aws_key_pair.other',
      associatePublicIp: true,
      rootVolume: { sizeGb: 4, volumeType: 'gp3', encrypted: false },
    });
    expect(requiresReplacement('aws_instance', instance, changed)).toEqual([
      'image',
      'subnet',
      'availabilityZone',
      'keyPair',
      'associatePublicIp',
      'rootVolume.encrypted',
      'rootVolume.sizeGb',
    ]);
  });

  it('compares images by value, not by identity or key order', () => {
    const sameImage = {
      ...instance,
      image: { architecture: 'x86_64', version: '24.04', os: 'ubuntu' },
    };
    expect(requiresReplacement('aws_instance', instance, sameImage)).toEqual(
      [],
    );
    expect(
      requiresReplacement('aws_instance', instance, {
        ...instance,
        image: { ...instance.image, architecture: 'arm64' },
      }),
    ).toEqual(['image']);
  });

  it('replaces an instance whose pinned image id changes, and says why', () => {
    const pinned = awsInstanceSchema.parse({
      ...instance,
      image: { ...instance.image, id: 'ami-0aaaaaaaaaaaaaaaa' },
    });
    const moved = awsInstanceSchema.parse({
      ...instance,
      image: { ...instance.image, id: 'ami-0bbbbbbbbbbbbbbbb' },
    });
    expect(requiresReplacement('aws_instance', pinned, moved)).toEqual([
      'image.id',
    ]);
    expect(replacementReason('aws_instance', pinned, moved)).toBe(
      'image ami-0aaaaaaaaaaaaaaaa \u2192 ami-0bbbbbbbbbbbbbbbb',
    );
    // Another version is an image change, whatever the ids.
    expect(
      requiresReplacement('aws_instance', pinned, {
        ...moved,
        image: { ...moved.image, version: '22.04' },
      }),
    ).toEqual(['image']);
    expect(replacementReason('aws_instance', instance, pinned)).toBeUndefined();
  });

  it('treats an image id pinned where none was as no change', () => {
    const pinned = awsInstanceSchema.parse({
      ...instance,
      image: { ...instance.image, id: 'ami-0aaaaaaaaaaaaaaaa' },
    });
    expect(requiresReplacement('aws_instance', instance, pinned)).toEqual([]);
    expect(requiresReplacement('aws_instance', pinned, instance)).toEqual([]);
  });

  it('treats a removed reference as a change, but a dropped cloud default as none', () => {
    const { keyPair: _key, availabilityZone: _zone, ...rest } = instance;
    expect(requiresReplacement('aws_instance', instance, rest)).toEqual([
      'keyPair',
    ]);
    // Choosing a zone where none was set is a change.
    const { availabilityZone: _z, ...unzoned } = instance;
    expect(requiresReplacement('aws_instance', unzoned, instance)).toEqual([
      'availabilityZone',
    ]);
  });

  it('replaces volumes that shrink or change zone or encryption, and grows them in place', () => {
    const volume = parse({ type: 'aws_ebs_volume', name: 'd', sizeGb: 100 });
    expect(
      requiresReplacement('aws_ebs_volume', volume, {
        ...volume,
        sizeGb: 200,
        volumeType: 'io2',
        iops: 4000,
      }),
    ).toEqual([]);
    expect(
      requiresReplacement('aws_ebs_volume', volume, {
        ...volume,
        sizeGb: 50,
        encrypted: false,
        availabilityZone: 'eu-west-1c',
      }),
    ).toEqual(['availabilityZone', 'encrypted', 'sizeGb']);
  });

  it.each([
    [
      'a VPC: its CIDR block',
      parse({ type: 'aws_vpc', name: 'v', cidrBlock: '10.0.0.0/16' }),
      { cidrBlock: '10.1.0.0/16' },
      ['cidrBlock'],
    ],
    [
      'a subnet: VPC, CIDR and zone, not public IP mapping',
      parse({
        type: 'aws_subnet',
        name: 's',
        vpc: 'aws_vpc.v',
        cidrBlock: '10.0.1.0/24',
        availabilityZone: 'eu-west-1a',
      }),
      {
        vpc: 'aws_vpc.w',
        cidrBlock: '10.0.2.0/24',
        availabilityZone: 'eu-west-1b',
        mapPublicIpOnLaunch: true,
      },
      ['vpc', 'cidrBlock', 'availabilityZone'],
    ],
    [
      'a security group: VPC and description, not rules',
      parse({ type: 'aws_security_group', name: 'g' }),
      {
        description: 'changed',
        vpc: 'aws_vpc.v',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ['0.0.0.0/0'],
            ipv6CidrBlocks: [],
          },
        ],
      },
      ['vpc', 'description'],
    ],
    [
      'a key pair: an imported public key',
      parse({ type: 'aws_key_pair', name: 'k', publicKey: 'ssh-ed25519 AAAA' }),
      { publicKey: 'ssh-ed25519 BBBB', tags: { a: 'b' } },
      ['publicKey'],
    ],
    [
      'a key pair: none when the key is left to the cloud',
      parse({ type: 'aws_key_pair', name: 'k', publicKey: 'ssh-ed25519 AAAA' }),
      { publicKey: undefined },
      [],
    ],
    [
      'an attachment: all of it',
      parse({
        type: 'aws_volume_attachment',
        name: 'a',
        volume: 'aws_ebs_volume.d',
        instance: 'aws_instance.web',
        deviceName: '/dev/sdf',
      }),
      {
        volume: 'aws_ebs_volume.e',
        instance: 'aws_instance.app',
        deviceName: '/dev/sdg',
      },
      ['volume', 'instance', 'deviceName'],
    ],
    [
      'an elastic IP: none, association moves',
      parse({ type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' }),
      { instance: 'aws_instance.app', tags: { x: 'y' } },
      [],
    ],
    [
      'a bucket: its name, not its settings',
      parse({ type: 'aws_s3_bucket', name: 'b', bucketName: 'one-bucket' }),
      {
        bucketName: 'two-bucket',
        versioning: true,
        publicRead: true,
        blockPublicAccess: false,
        website: true,
      },
      ['bucketName'],
    ],
    [
      'a bucket: none when the name is left to the cloud',
      parse({ type: 'aws_s3_bucket', name: 'b', bucketName: 'one-bucket' }),
      { bucketName: undefined },
      [],
    ],
  ] as const)(
    'knows what forces a new resource for %s',
    (_label, before, change, expected) => {
      expect(
        requiresReplacement(before.type, before, { ...before, ...change }),
      ).toEqual(expected);
    },
  );

  it('compares cloud attributes with references as cloud ids the same way', () => {
    const actual = {
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      subnet: 'subnet-0123456789abcdef0',
      availabilityZone: 'eu-west-1a',
      rootVolume: { sizeGb: 8, volumeType: 'gp3', encrypted: true },
      publicIp: '198.18.0.7',
    };
    expect(
      requiresReplacement('aws_instance', actual, {
        ...actual,
        instanceType: 't3.large',
        publicIp: undefined,
      }),
    ).toEqual([]);
    expect(
      requiresReplacement('aws_instance', actual, {
        ...actual,
        subnet: 'subnet-0fedcba9876543210',
      }),
    ).toEqual(['subnet']);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PlanInput } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { EvalCase } from './scorer';
import { at, img, SANDBOX } from './expect';
import { secondBlindCases } from './secondBlind';

/**
 * The planner's evaluation set: requests written the ways people write them
 * (terse, chatty, lists, typos, several resources, follow-ups against a
 * current plan, unclear or out-of-scope asks), each with the plan fields it
 * should produce. Requests are made on Wednesday 2026-11-25 10:00 UTC, so
 * "until Friday" is 56 hours and "for the weekend" 119.
 *
 * The expectations follow the planner's stated conventions: an unnamed
 * machine is `sandbox`, a group of N is `<name>_1`..`<name>_N`, a machine's
 * security group, elastic IP and extra volume are named after it
 * (`<name>_data`), a generated key pair is `sandbox`, a VPC is `main`.
 */

const IP = '198.51.100.7';

const sshFromMe = {
  protocol: 'tcp' as const,
  fromPort: 22,
  toPort: 22,
  cidrBlocks: [`${IP}/32`],
  description: 'ssh',
};

/** One Ubuntu machine with ssh from the requester, in Ireland, for 4 hours. */
const single: PlanInput = {
  formatVersion: 1,
  region: 'eu-west-1',
  ttlHours: 4,
  resources: [
    { type: 'aws_security_group', name: 'sandbox', ingress: [sshFromMe] },
    { type: 'aws_key_pair', name: 'sandbox' },
    {
      type: 'aws_instance',
      name: 'sandbox',
      instanceType: 't3.micro',
      image: img('ubuntu', '24.04') as never,
      securityGroups: ['aws_security_group.sandbox'],
      keyPair: 'aws_key_pair.sandbox',
    },
  ],
};

/** One machine and nothing else, unencrypted gp2 root, policy lifetime. */
const bare: PlanInput = {
  formatVersion: 1,
  region: 'us-east-1',
  resources: [
    {
      type: 'aws_instance',
      name: 'sandbox',
      instanceType: 't3.micro',
      image: img('ubuntu', '24.04') as never,
      rootVolume: { sizeGb: 8, volumeType: 'gp2', encrypted: false },
    },
  ],
};

/** Three web servers, a database server and a bucket in Frankfurt. */
const fleet: PlanInput = {
  formatVersion: 1,
  region: 'eu-central-1',
  ttlHours: 24,
  resources: [
    {
      type: 'aws_security_group',
      name: 'web',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ['0.0.0.0/0'],
        },
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ['10.0.0.0/8'],
        },
      ],
    },
    {
      type: 'aws_security_group',
      name: 'db',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          cidrBlocks: ['10.0.0.0/16'],
        },
      ],
    },
    ...[1, 2, 3].map(n => ({
      type: 'aws_instance' as const,
      name: `web_${n}`,
      instanceType: 't3.small',
      image: img('ubuntu', '22.04') as never,
      securityGroups: ['aws_security_group.web'],
    })),
    {
      type: 'aws_instance',
      name: 'db',
      instanceType: 't3.medium',
      image: img('debian', '12') as never,
      securityGroups: ['aws_security_group.db'],
    },
    { type: 'aws_s3_bucket', name: 'logs' },
  ],
};

/** A machine with an extra volume and an elastic IP. */
const withVolume: PlanInput = {
  formatVersion: 1,
  region: 'us-east-1',
  ttlHours: 8,
  resources: [
    {
      type: 'aws_instance',
      name: 'sandbox',
      instanceType: 't3.large',
      image: img('amazon-linux', '2023') as never,
    },
    { type: 'aws_ebs_volume', name: 'sandbox_data', sizeGb: 100 },
    {
      type: 'aws_volume_attachment',
      name: 'sandbox_data',
      volume: 'aws_ebs_volume.sandbox_data',
      instance: 'aws_instance.sandbox',
      deviceName: '/dev/sdf',
    },
    { type: 'aws_eip', name: 'sandbox', instance: 'aws_instance.sandbox' },
  ],
};

const bucketOnly: PlanInput = {
  formatVersion: 1,
  region: 'eu-west-1',
  resources: [{ type: 'aws_s3_bucket', name: 'assets' }],
};

const windows: PlanInput = {
  formatVersion: 1,
  region: 'eu-west-2',
  resources: [
    {
      type: 'aws_security_group',
      name: 'win',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 3389,
          toPort: 3389,
          cidrBlocks: ['203.0.113.0/24'],
        },
      ],
    },
    {
      type: 'aws_instance',
      name: 'win',
      instanceType: 't3.large',
      image: img('windows-server', '2022') as never,
      securityGroups: ['aws_security_group.win'],
      rootVolume: { sizeGb: 30, volumeType: 'gp3', encrypted: true },
    },
  ],
};

const terse: EvalCase[] = [
  {
    id: 't01',
    style: 'terse',
    intent: 't3.micro',
    expect: {
      addresses: [SANDBOX],
      fields: {
        region: 'us-east-1',
        ttlHours: null,
        ...at(SANDBOX, {
          instanceType: 't3.micro',
          image: img('ubuntu', '24.04'),
        }),
      },
      asks: false,
    },
  },
  {
    id: 't02',
    style: 'terse',
    intent: 'ubuntu box',
    expect: {
      addresses: [SANDBOX],
      fields: at(SANDBOX, { instanceType: 't3.micro', 'image.os': 'ubuntu' }),
    },
  },
  {
    id: 't03',
    style: 'terse',
    intent: 'm7g.large',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'm7g.large',
        'image.architecture': 'arm64',
      }),
    },
  },
  {
    id: 't04',
    style: 'terse',
    intent: 't4g.small amazon linux 2',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't4g.small',
        image: img('amazon-linux', '2', 'arm64'),
      }),
    },
  },
  {
    id: 't05',
    style: 'terse',
    intent: 'debian 12 t3.small eu-west-1',
    expect: {
      fields: {
        region: 'eu-west-1',
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 't06',
    style: 'terse',
    intent: '2x t3.small',
    expect: {
      addresses: ['aws_instance.sandbox_1', 'aws_instance.sandbox_2'],
      fields: { 'aws_instance.sandbox_2.instanceType': 't3.small' },
    },
  },
  {
    id: 't07',
    style: 'terse',
    intent: 'c6i.xlarge rhel 9',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'c6i.xlarge',
        image: img('rhel', '9'),
      }),
    },
  },
  {
    id: 't08',
    style: 'terse',
    intent: 'windows server 2022 t3.large',
    expect: {
      fields: at(SANDBOX, {
        'image.os': 'windows-server',
        'image.version': '2022',
        'rootVolume.sizeGb': 30,
      }),
    },
  },
  {
    id: 't09',
    style: 'terse',
    intent: 'small instance',
    expect: { fields: at(SANDBOX, { instanceType: 't3.small' }) },
  },
  {
    id: 't10',
    style: 'terse',
    intent: 'large vm in oregon',
    expect: {
      fields: {
        region: 'us-west-2',
        ...at(SANDBOX, { instanceType: 't3.large' }),
      },
    },
  },
  {
    id: 't11',
    style: 'terse',
    intent: 'a medium box in tokyo for 2 days',
    expect: {
      fields: {
        region: 'ap-northeast-1',
        ttlHours: 48,
        ...at(SANDBOX, { instanceType: 't3.medium' }),
      },
    },
  },
  {
    id: 't12',
    style: 'terse',
    intent: 't3.nano 4h',
    expect: {
      fields: { ttlHours: 4, ...at(SANDBOX, { instanceType: 't3.nano' }) },
    },
  },
  {
    id: 't13',
    style: 'terse',
    intent: 's3 bucket',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: at('aws_s3_bucket.bucket', {
        versioning: false,
        publicRead: false,
        blockPublicAccess: true,
      }),
      asks: false,
    },
  },
  {
    id: 't14',
    style: 'terse',
    intent: 'versioned s3 bucket',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: { 'aws_s3_bucket.bucket.versioning': true },
    },
  },
  {
    id: 't15',
    style: 'terse',
    intent: 'bucket named acme-artifacts-2026 with kms',
    expect: {
      addresses: ['aws_s3_bucket.acme_artifacts_2026'],
      fields: at('aws_s3_bucket.acme_artifacts_2026', {
        bucketName: 'acme-artifacts-2026',
        encryption: 'aws:kms',
      }),
    },
  },
  {
    id: 't16',
    style: 'terse',
    intent: 'jammy on m5.large',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'm5.large',
        image: img('ubuntu', '22.04'),
      }),
    },
  },
  {
    id: 't17',
    style: 'terse',
    intent: 'al2023 t3.micro',
    expect: { fields: at(SANDBOX, { image: img('amazon-linux', '2023') }) },
  },
  {
    id: 't18',
    style: 'terse',
    intent: 'bookworm vm',
    expect: { fields: at(SANDBOX, { image: img('debian', '12') }) },
  },
  {
    id: 't19',
    style: 'terse',
    intent: 'noble t3.micro ssh from 203.0.113.4',
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.4/32'],
        ...at(SANDBOX, {
          securityGroups: ['aws_security_group.sandbox'],
          keyPair: 'aws_key_pair.sandbox',
        }),
      },
    },
  },
  {
    id: 't20',
    style: 'terse',
    intent: 't3.micro no key pair, ssh from 203.0.113.4',
    expect: {
      addresses: [SANDBOX, 'aws_security_group.sandbox'],
      fields: at(SANDBOX, { keyPair: null }),
    },
  },
  {
    id: 't21',
    style: 'terse',
    intent: 'graviton instance',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't4g.micro',
        'image.architecture': 'arm64',
      }),
    },
  },
  {
    id: 't22',
    style: 'terse',
    intent: 'arm box',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't4g.micro',
        'image.architecture': 'arm64',
      }),
    },
  },
  {
    id: 't23',
    style: 'terse',
    intent: 't3.micro in eu-west-1b',
    expect: {
      fields: {
        region: 'eu-west-1',
        ...at(SANDBOX, { availabilityZone: 'eu-west-1b' }),
      },
    },
  },
  {
    id: 't24',
    style: 'terse',
    intent: 't3.micro with an elastic ip',
    expect: {
      addresses: [SANDBOX, 'aws_eip.sandbox'],
      fields: { 'aws_eip.sandbox.instance': SANDBOX },
    },
  },
  {
    id: 't25',
    style: 'terse',
    intent: 't3.micro 100gb gp3',
    expect: {
      fields: at(SANDBOX, {
        'rootVolume.sizeGb': 100,
        'rootVolume.volumeType': 'gp3',
      }),
    },
  },
  {
    id: 't26',
    style: 'terse',
    intent: 't3.micro, unencrypted 20 GB root disk',
    expect: {
      fields: at(SANDBOX, {
        rootVolume: { sizeGb: 20, volumeType: 'gp3', encrypted: false },
      }),
    },
  },
  {
    id: 't27',
    style: 'terse',
    intent: 'c7g.large + 500GB st1 data volume',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
      ],
      fields: at('aws_ebs_volume.sandbox_data', {
        sizeGb: 500,
        volumeType: 'st1',
        encrypted: true,
      }),
    },
  },
  {
    id: 't28',
    style: 'terse',
    intent: 'ec2 in sydney',
    expect: { addresses: [SANDBOX], fields: { region: 'ap-southeast-2' } },
  },
  {
    id: 't29',
    style: 'terse',
    intent: 'an m5 for the weekend',
    expect: {
      fields: { ttlHours: 119, ...at(SANDBOX, { instanceType: 'm5.large' }) },
    },
  },
  {
    id: 't30',
    style: 'terse',
    intent: 't3.micro public ip',
    expect: { fields: at(SANDBOX, { associatePublicIp: true }) },
  },
  {
    id: 't31',
    style: 'terse',
    intent: 't3.micro, private, no public ip',
    expect: { fields: at(SANDBOX, { associatePublicIp: false }) },
  },
  {
    id: 't32',
    style: 'terse',
    intent: 'bastion t3.nano ssh from 10.0.0.0/8',
    expect: {
      addresses: [
        'aws_instance.bastion',
        'aws_security_group.bastion',
        'aws_key_pair.sandbox',
      ],
      fields: { 'aws_security_group.bastion.ingress': ['tcp 22 10.0.0.0/8'] },
    },
  },
  {
    id: 't33',
    style: 'terse',
    intent: 'win2019 box',
    expect: { fields: at(SANDBOX, { image: img('windows-server', '2019') }) },
  },
  {
    id: 't34',
    style: 'terse',
    intent: '3 t3.micro instances',
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_instance.sandbox_3',
      ],
    },
  },
  {
    id: 't35',
    style: 'terse',
    intent: 'rhel 8 on r6i.large',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'r6i.large',
        image: img('rhel', '8'),
      }),
    },
  },
];

const chatty: EvalCase[] = [
  {
    id: 'c01',
    style: 'chatty',
    intent:
      'Hey! Could you spin up a small Ubuntu 22.04 machine in Frankfurt for me? I need to ssh in from my IP and it only needs to live for 4 hours.',
    clientIp: IP,
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        region: 'eu-central-1',
        ttlHours: 4,
        'aws_security_group.sandbox.ingress': [`tcp 22 ${IP}/32`],
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('ubuntu', '22.04'),
        }),
      },
      asks: false,
    },
  },
  {
    id: 'c02',
    style: 'chatty',
    intent:
      'Hi team, I would like to test something on Graviton, an m7g.medium with Amazon Linux 2023 in Ireland would be great, until Friday please.',
    expect: {
      fields: {
        region: 'eu-west-1',
        ttlHours: 56,
        ...at(SANDBOX, {
          instanceType: 'm7g.medium',
          image: img('amazon-linux', '2023', 'arm64'),
        }),
      },
    },
  },
  {
    id: 'c03',
    style: 'chatty',
    intent:
      "I'm building a demo web server. Can you give me a t3.small with Debian, open HTTP and HTTPS to the world, and keep it around for 2 days?",
    expect: {
      addresses: ['aws_instance.web', 'aws_security_group.web'],
      fields: {
        ttlHours: 48,
        'aws_security_group.web.ingress': [
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
        ...at('aws_instance.web', {
          instanceType: 't3.small',
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 'c04',
    style: 'chatty',
    intent:
      'Need a windows box for RDP testing from 203.0.113.0/24, something medium, in London, for a week',
    expect: {
      fields: {
        region: 'eu-west-2',
        ttlHours: 168,
        'aws_security_group.sandbox.ingress': ['tcp 3389 203.0.113.0/24'],
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          'image.os': 'windows-server',
          'rootVolume.sizeGb': 30,
        }),
      },
    },
  },
  {
    id: 'c05',
    style: 'chatty',
    intent:
      'Could I get an instance with 2 vCPUs and 8 GB of RAM? Ubuntu please, in Singapore.',
    expect: {
      fields: {
        region: 'ap-southeast-1',
        ...at(SANDBOX, { instanceType: 't3.large' }),
      },
    },
  },
  {
    id: 'c06',
    style: 'chatty',
    intent:
      'we need somewhere to run a quick load test, a c7i.2xlarge in us-west-2 for 3 hours would do',
    expect: {
      addresses: [SANDBOX],
      fields: {
        region: 'us-west-2',
        ttlHours: 3,
        ...at(SANDBOX, { instanceType: 'c7i.2xlarge' }),
      },
    },
  },
  {
    id: 'c07',
    style: 'chatty',
    intent:
      'Please create an S3 bucket for static website hosting that is public',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: at('aws_s3_bucket.bucket', {
        website: true,
        publicRead: true,
        blockPublicAccess: false,
      }),
      asks: false,
    },
  },
  {
    id: 'c08',
    style: 'chatty',
    intent:
      'I just need a bucket to dump some logs into, versioning on, KMS encrypted',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: at('aws_s3_bucket.bucket', {
        versioning: true,
        encryption: 'aws:kms',
      }),
    },
  },
  {
    id: 'c09',
    style: 'chatty',
    intent: 'Can you set up a t3.micro running Ubuntu with docker installed?',
    expect: { addresses: [SANDBOX], outOfScope: ['docker'] },
  },
  {
    id: 'c10',
    style: 'chatty',
    intent:
      'Spin up an amazon linux 2 box so I can ssh in from 192.0.2.10, and please tag it with team=platform',
    expect: {
      fields: {
        'tags.team': 'platform',
        'aws_security_group.sandbox.ingress': ['tcp 22 192.0.2.10/32'],
        ...at(SANDBOX, { image: img('amazon-linux', '2') }),
      },
    },
  },
  {
    id: 'c11',
    style: 'chatty',
    intent:
      'morning! I need a t3.large for the afternoon, just until 5pm, in Paris',
    expect: {
      fields: {
        region: 'eu-west-3',
        ttlHours: 7,
        ...at(SANDBOX, { instanceType: 't3.large' }),
      },
    },
  },
  {
    id: 'c12',
    style: 'chatty',
    intent:
      'Would it be possible to get a beefy machine in Virginia overnight?',
    expect: {
      fields: {
        region: 'us-east-1',
        ttlHours: 23,
        ...at(SANDBOX, { instanceType: 't3.xlarge' }),
      },
    },
  },
  {
    id: 'c13',
    style: 'chatty',
    intent:
      "I'd like a Debian 11 server on t3a.medium with a 40 GB disk, in Stockholm",
    expect: {
      fields: {
        region: 'eu-north-1',
        ...at(SANDBOX, {
          instanceType: 't3a.medium',
          image: img('debian', '11'),
          'rootVolume.sizeGb': 40,
        }),
      },
    },
  },
  {
    id: 'c14',
    style: 'chatty',
    intent:
      'For a training session I need 5 t3.micro machines with ubuntu 24.04, ssh from 198.51.100.0/24, until tomorrow',
    expect: {
      addresses: [1, 2, 3, 4, 5]
        .map(n => `aws_instance.sandbox_${n}`)
        .concat(['aws_security_group.sandbox', 'aws_key_pair.sandbox']),
      fields: {
        ttlHours: 32,
        'aws_security_group.sandbox.ingress': ['tcp 22 198.51.100.0/24'],
      },
    },
  },
  {
    id: 'c15',
    style: 'chatty',
    intent: 'can we have a GPU box for ML experiments in us-east-1 for 6 hours',
    expect: {
      addresses: ['aws_instance.gpu'],
      fields: { ttlHours: 6, 'aws_instance.gpu.instanceType': 'g5.xlarge' },
    },
  },
  {
    id: 'c16',
    style: 'chatty',
    intent:
      'Hello, I want a private instance without a public IP in a private subnet, t3.small, eu-west-1',
    expect: {
      addresses: ['aws_vpc.main', 'aws_subnet.private', SANDBOX],
      fields: at(SANDBOX, {
        subnet: 'aws_subnet.private',
        associatePublicIp: false,
        instanceType: 't3.small',
      }),
    },
  },
  {
    id: 'c17',
    style: 'chatty',
    intent:
      'I need a Minecraft server for the weekend, t3.large, open minecraft to the world',
    expect: {
      addresses: ['aws_instance.minecraft', 'aws_security_group.minecraft'],
      fields: {
        ttlHours: 119,
        'aws_security_group.minecraft.ingress': ['tcp 25565 0.0.0.0/0'],
      },
    },
  },
  {
    id: 'c18',
    style: 'chatty',
    intent:
      'Give me a db server on t3.medium with postgres reachable from 10.0.0.0/16 only',
    expect: {
      addresses: ['aws_instance.db', 'aws_security_group.db'],
      fields: { 'aws_security_group.db.ingress': ['tcp 5432 10.0.0.0/16'] },
      outOfScope: ['postgres'],
    },
  },
  {
    id: 'c19',
    style: 'chatty',
    intent: 'Honestly anything cheap is fine, just a linux box in Canada',
    expect: {
      fields: {
        region: 'ca-central-1',
        ...at(SANDBOX, {
          instanceType: 't3.micro',
          image: img('ubuntu', '24.04'),
        }),
      },
    },
  },
  {
    id: 'c20',
    style: 'chatty',
    intent:
      "Could you make me a t3.micro in Mumbai? I'll need it for about an hour.",
    expect: { fields: { region: 'ap-south-1', ttlHours: 1 } },
  },
  {
    id: 'c21',
    style: 'chatty',
    intent:
      'I need two c6g.large nodes for a k3s test, ubuntu 22.04, ssh from my IP',
    clientIp: IP,
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_instance.sandbox_1.image': img('ubuntu', '22.04', 'arm64'),
        'aws_security_group.sandbox.ingress': [`tcp 22 ${IP}/32`],
      },
    },
  },
  {
    id: 'c22',
    style: 'chatty',
    intent: 'Please provision an instance in Seoul with 16 GB of memory',
    expect: {
      fields: {
        region: 'ap-northeast-2',
        ...at(SANDBOX, { instanceType: 'r7i.large' }),
      },
    },
  },
  {
    id: 'c23',
    style: 'chatty',
    intent: "I'd love an ubuntu 20.04 vm (focal) please",
    expect: { fields: at(SANDBOX, { image: img('ubuntu', '20.04') }) },
  },
  {
    id: 'c24',
    style: 'chatty',
    intent: 'quick sandbox: t2.micro, eu-west-2, 90 minutes',
    expect: {
      fields: {
        region: 'eu-west-2',
        ttlHours: 1.5,
        ...at(SANDBOX, { instanceType: 't2.micro' }),
      },
    },
  },
  {
    id: 'c25',
    style: 'chatty',
    intent:
      'hey can u give me a t3.micro w/ rdp from 203.0.113.5, windows 2025',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 3389 203.0.113.5/32'],
        ...at(SANDBOX, { image: img('windows-server', '2025') }),
      },
    },
  },
];

const lists: EvalCase[] = [
  {
    id: 'l01',
    style: 'list',
    intent:
      '- t3.medium\n- amazon linux 2023\n- 50GB gp3 root\n- ssh from 10.0.0.0/8\n- eu-central-1',
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        region: 'eu-central-1',
        'aws_security_group.sandbox.ingress': ['tcp 22 10.0.0.0/8'],
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          image: img('amazon-linux', '2023'),
          rootVolume: { sizeGb: 50, volumeType: 'gp3', encrypted: true },
        }),
      },
    },
  },
  {
    id: 'l02',
    style: 'list',
    intent: 'instance: m6i.large\nos: rhel 9\nregion: us-east-2\nttl: 8h',
    expect: {
      fields: {
        region: 'us-east-2',
        ttlHours: 8,
        ...at(SANDBOX, { instanceType: 'm6i.large', image: img('rhel', '9') }),
      },
    },
  },
  {
    id: 'l03',
    style: 'list',
    intent:
      '* ubuntu 22.04\n* 2 vcpus, 4gb ram\n* 30 GB disk\n* https open to everyone',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 443 0.0.0.0/0'],
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          'rootVolume.sizeGb': 30,
          image: img('ubuntu', '22.04'),
        }),
      },
    },
  },
  {
    id: 'l04',
    style: 'list',
    intent:
      '1. a t3.small named api\n2. a versioned bucket named api-uploads\n3. frankfurt, 2 days',
    expect: {
      addresses: ['aws_instance.api', 'aws_s3_bucket.api_uploads'],
      fields: {
        region: 'eu-central-1',
        ttlHours: 48,
        'aws_s3_bucket.api_uploads.versioning': true,
        'aws_s3_bucket.api_uploads.bucketName': 'api-uploads',
      },
    },
  },
  {
    id: 'l05',
    style: 'list',
    intent: 't3.micro, debian, eu-west-1, 6 hours, no key pair',
    expect: {
      addresses: [SANDBOX],
      fields: {
        region: 'eu-west-1',
        ttlHours: 6,
        ...at(SANDBOX, { image: img('debian', '12') }),
      },
    },
  },
  {
    id: 'l06',
    style: 'list',
    intent:
      'needs:\n- windows server 2019\n- t3.xlarge\n- rdp from 192.0.2.0/24\n- 100gb root disk',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 3389 192.0.2.0/24'],
        ...at(SANDBOX, {
          instanceType: 't3.xlarge',
          image: img('windows-server', '2019'),
          'rootVolume.sizeGb': 100,
        }),
      },
    },
  },
  {
    id: 'l07',
    style: 'list',
    intent: 'specs - 8 vcpu / 32gb ram, ubuntu, tokyo',
    expect: {
      fields: {
        region: 'ap-northeast-1',
        ...at(SANDBOX, { instanceType: 't3.2xlarge' }),
      },
    },
  },
  {
    id: 'l08',
    style: 'list',
    intent: 'region=eu-north-1; type=t3.small; os=debian 12; ttl 12 hours',
    expect: {
      fields: {
        region: 'eu-north-1',
        ttlHours: 12,
        tags: {},
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 'l09',
    style: 'list',
    intent:
      '- 2x t3.small web servers\n- 1x t3.medium db\n- ubuntu 24.04 on all\n- eu-west-1',
    expect: {
      addresses: [
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.db',
      ],
      fields: {
        'aws_instance.web_1.instanceType': 't3.small',
        'aws_instance.db.instanceType': 't3.medium',
        'aws_instance.db.image': img('ubuntu', '24.04'),
      },
    },
  },
  {
    id: 'l10',
    style: 'list',
    intent: 'bucket: static website, public read, name acme-site',
    expect: {
      addresses: ['aws_s3_bucket.acme_site'],
      fields: at('aws_s3_bucket.acme_site', {
        bucketName: 'acme-site',
        website: true,
        publicRead: true,
      }),
    },
  },
  {
    id: 'l11',
    style: 'list',
    intent:
      '- vpc 10.20.0.0/16\n- public subnet 10.20.1.0/24\n- t3.micro with public ip in it',
    expect: {
      // A public subnet comes with its internet gateway and route (issue 11).
      addresses: [
        'aws_vpc.main',
        'aws_subnet.public',
        'aws_internet_gateway.main',
        'aws_route_table.public',
        'aws_route_table_association.public',
        SANDBOX,
      ],
      fields: {
        'aws_vpc.main.cidrBlock': '10.20.0.0/16',
        'aws_subnet.public.cidrBlock': '10.20.1.0/24',
        'aws_subnet.public.mapPublicIpOnLaunch': true,
        ...at(SANDBOX, {
          subnet: 'aws_subnet.public',
          associatePublicIp: true,
        }),
      },
    },
  },
  {
    id: 'l12',
    style: 'list',
    intent: '* c7i.large * amazon linux * 200 GB io2 volume with 5000 iops',
    expect: {
      fields: {
        ...at('aws_ebs_volume.sandbox_data', {
          sizeGb: 200,
          volumeType: 'io2',
          iops: 5000,
        }),
        ...at(SANDBOX, { image: img('amazon-linux', '2023') }),
      },
    },
  },
  {
    id: 'l13',
    style: 'list',
    intent: 'machine: t3.small\nkey pair: dev-laptop\nssh: from 203.0.113.4',
    expect: {
      addresses: [
        SANDBOX,
        'aws_key_pair.dev_laptop',
        'aws_security_group.sandbox',
      ],
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.4/32'],
        ...at(SANDBOX, { keyPair: 'aws_key_pair.dev_laptop' }),
      },
    },
  },
  {
    id: 'l14',
    style: 'list',
    intent:
      'what I need:\n- a t3.micro\n- an s3 bucket\n- both in us-west-1\n- for 3 days',
    expect: {
      addresses: [SANDBOX, 'aws_s3_bucket.bucket'],
      fields: { region: 'us-west-1', ttlHours: 72 },
    },
  },
  {
    id: 'l15',
    style: 'list',
    intent: '- m7g.xlarge\n- debian 12\n- 2 extra 100gb gp3 volumes',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data_1',
        'aws_ebs_volume.sandbox_data_2',
        'aws_volume_attachment.sandbox_data_1',
        'aws_volume_attachment.sandbox_data_2',
      ],
      fields: { 'aws_volume_attachment.sandbox_data_2.deviceName': '/dev/sdg' },
    },
  },
];

const typos: EvalCase[] = [
  {
    id: 'y01',
    style: 'typo',
    intent: 'ubunut t3.micro in frankfort',
    expect: {
      fields: {
        region: 'eu-central-1',
        ...at(SANDBOX, { 'image.os': 'ubuntu' }),
      },
    },
  },
  {
    id: 'y02',
    style: 'typo',
    intent: 'debain isntance for 2 hrs',
    expect: {
      addresses: [SANDBOX],
      fields: { ttlHours: 2, ...at(SANDBOX, { image: img('debian', '12') }) },
    },
  },
  {
    id: 'y03',
    style: 'typo',
    intent: 'widnows servr 2022 t3.large',
    expect: {
      fields: at(SANDBOX, {
        image: img('windows-server', '2022'),
        instanceType: 't3.large',
      }),
    },
  },
  {
    id: 'y04',
    style: 'typo',
    intent: 't3 micro with shh from 203.0.113.4',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.4/32'],
        ...at(SANDBOX, { instanceType: 't3.micro' }),
      },
    },
  },
  {
    id: 'y05',
    style: 'typo',
    intent: 't3.mcro ubuntu',
    expect: { fields: at(SANDBOX, { instanceType: 't3.micro' }) },
  },
  {
    id: 'y06',
    style: 'typo',
    intent: 'a versoined bukcet',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: { 'aws_s3_bucket.bucket.versioning': true },
    },
  },
  {
    id: 'y07',
    style: 'typo',
    intent: 'amazn linux 2023 in irleand',
    expect: {
      fields: {
        region: 'eu-west-1',
        ...at(SANDBOX, { image: img('amazon-linux', '2023') }),
      },
    },
  },
  {
    id: 'y08',
    style: 'typo',
    intent: 'm5.larg with 50gb dsik',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'm5.large',
        'rootVolume.sizeGb': 50,
      }),
    },
  },
  {
    id: 'y09',
    style: 'typo',
    intent: 't3.small in eu-west-1 for 3 dyas',
    expect: { fields: { ttlHours: 72 } },
  },
  {
    id: 'y10',
    style: 'typo',
    intent: 'rhel9 t3.medium',
    expect: { fields: at(SANDBOX, { image: img('rhel', '9') }) },
  },
  {
    id: 'y11',
    style: 'typo',
    intent: 'ubuntu 2204 t3.micro',
    expect: { fields: at(SANDBOX, { image: img('ubuntu', '22.04') }) },
  },
  {
    id: 'y12',
    style: 'typo',
    intent: 't3.large open prot 443 to the wrold',
    expect: {
      fields: { 'aws_security_group.sandbox.ingress': ['tcp 443 0.0.0.0/0'] },
    },
  },
  {
    id: 'y13',
    style: 'typo',
    intent: 'isntance with 4gb ram',
    expect: { fields: at(SANDBOX, { instanceType: 't3.medium' }) },
  },
  {
    id: 'y14',
    style: 'typo',
    intent: 't3.micro with an elastik ip in sinagpore',
    expect: {
      addresses: [SANDBOX, 'aws_eip.sandbox'],
      fields: { region: 'ap-southeast-1' },
    },
  },
  {
    id: 'y15',
    style: 'typo',
    intent: 't3.micro for the weekedn',
    expect: { fields: { ttlHours: 119 } },
  },
];

const multi: EvalCase[] = [
  {
    id: 'm01',
    style: 'multi',
    intent:
      'two web servers and a db server, all ubuntu 22.04, web open 443 to the world',
    expect: {
      addresses: [
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.db',
        'aws_security_group.web',
      ],
      fields: {
        'aws_instance.web_2.image': img('ubuntu', '22.04'),
        'aws_instance.db.image': img('ubuntu', '22.04'),
        'aws_security_group.web.ingress': ['tcp 443 0.0.0.0/0'],
        'aws_instance.db.securityGroups': [],
      },
    },
  },
  {
    id: 'm02',
    style: 'multi',
    intent: 'a t3.micro and a versioned s3 bucket called acme-logs-2026',
    expect: {
      addresses: [SANDBOX, 'aws_s3_bucket.acme_logs_2026'],
      fields: at('aws_s3_bucket.acme_logs_2026', {
        versioning: true,
        bucketName: 'acme-logs-2026',
      }),
    },
  },
  {
    id: 'm03',
    style: 'multi',
    intent:
      'a vpc 10.1.0.0/16 with a public subnet and a private subnet, and a t3.micro in the private subnet',
    expect: {
      addresses: [
        'aws_vpc.main',
        'aws_subnet.public',
        'aws_subnet.private',
        'aws_internet_gateway.main',
        'aws_route_table.public',
        'aws_route_table_association.public',
        SANDBOX,
      ],
      fields: {
        'aws_vpc.main.cidrBlock': '10.1.0.0/16',
        'aws_subnet.public.mapPublicIpOnLaunch': true,
        'aws_subnet.private.mapPublicIpOnLaunch': false,
        ...at(SANDBOX, { subnet: 'aws_subnet.private' }),
      },
    },
  },
  {
    id: 'm04',
    style: 'multi',
    intent:
      '3 t3.small web servers with https from anywhere and an elastic ip each',
    expect: {
      addresses: [
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
        'aws_eip.web_1',
        'aws_eip.web_2',
        'aws_eip.web_3',
        'aws_security_group.web',
      ],
      fields: {
        'aws_security_group.web.ingress': ['tcp 443 0.0.0.0/0'],
        'aws_eip.web_3.instance': 'aws_instance.web_3',
      },
    },
  },
  {
    id: 'm05',
    style: 'multi',
    intent:
      'a t3.micro bastion with ssh from 203.0.113.4 and a t3.large app server with no public ip',
    expect: {
      addresses: [
        'aws_instance.bastion',
        'aws_instance.app',
        'aws_security_group.bastion',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.bastion.ingress': ['tcp 22 203.0.113.4/32'],
        'aws_instance.app.associatePublicIp': false,
        'aws_instance.app.instanceType': 't3.large',
        'aws_instance.bastion.associatePublicIp': null,
      },
    },
  },
  {
    id: 'm06',
    style: 'multi',
    intent: 'an ubuntu box and a windows box, both t3.large, in eu-west-2',
    expect: {
      addresses: [SANDBOX, 'aws_instance.sandbox_2'],
      fields: {
        region: 'eu-west-2',
        'aws_instance.sandbox.image.os': 'ubuntu',
        'aws_instance.sandbox_2.image.os': 'windows-server',
        'aws_instance.sandbox.instanceType': 't3.large',
        'aws_instance.sandbox_2.instanceType': 't3.large',
      },
    },
  },
  {
    id: 'm07',
    style: 'multi',
    intent: 'a t3.micro with a 100gb data volume and an s3 bucket for backups',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
        'aws_s3_bucket.bucket',
      ],
      fields: { 'aws_ebs_volume.sandbox_data.sizeGb': 100 },
    },
  },
  {
    id: 'm08',
    style: 'multi',
    intent:
      'a vpc with cidr 10.50.0.0/16 and subnets 10.50.1.0/24 and 10.50.2.0/24',
    expect: {
      addresses: ['aws_vpc.main', 'aws_subnet.subnet_1', 'aws_subnet.subnet_2'],
      fields: {
        'aws_vpc.main.cidrBlock': '10.50.0.0/16',
        'aws_subnet.subnet_1.cidrBlock': '10.50.1.0/24',
        'aws_subnet.subnet_2.cidrBlock': '10.50.2.0/24',
      },
      asks: false,
    },
  },
  {
    id: 'm09',
    style: 'multi',
    intent:
      'a versioned bucket named raw-data and a public website bucket named acme-site',
    expect: {
      addresses: ['aws_s3_bucket.raw_data', 'aws_s3_bucket.acme_site'],
      fields: {
        'aws_s3_bucket.raw_data.versioning': true,
        'aws_s3_bucket.raw_data.publicRead': false,
        'aws_s3_bucket.acme_site.website': true,
        'aws_s3_bucket.acme_site.publicRead': true,
      },
    },
  },
  {
    id: 'm10',
    style: 'multi',
    intent: 'a t3.nano bastion with ssh from my ip and two t3.medium workers',
    clientIp: IP,
    expect: {
      addresses: [
        'aws_instance.bastion',
        'aws_instance.worker_1',
        'aws_instance.worker_2',
        'aws_security_group.bastion',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.bastion.ingress': [`tcp 22 ${IP}/32`],
        'aws_instance.worker_1.instanceType': 't3.medium',
        'aws_instance.worker_2.securityGroups': [],
      },
    },
  },
  {
    id: 'm11',
    style: 'multi',
    intent:
      'm7g.large with ubuntu 24.04, a 200 GB gp3 volume, an elastic ip and https to the world',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
        'aws_eip.sandbox',
        'aws_security_group.sandbox',
      ],
      fields: {
        'aws_ebs_volume.sandbox_data.sizeGb': 200,
        'aws_security_group.sandbox.ingress': ['tcp 443 0.0.0.0/0'],
      },
    },
  },
  {
    id: 'm12',
    style: 'multi',
    intent: 'one t3.micro in us-east-1a and one bucket with kms',
    expect: {
      addresses: [SANDBOX, 'aws_s3_bucket.bucket'],
      fields: {
        'aws_s3_bucket.bucket.encryption': 'aws:kms',
        ...at(SANDBOX, { availabilityZone: 'us-east-1a' }),
      },
    },
  },
  {
    id: 'm13',
    style: 'multi',
    intent:
      'three t3.small instances named node with ssh from 10.0.0.0/8, in ohio',
    expect: {
      addresses: [
        'aws_instance.node_1',
        'aws_instance.node_2',
        'aws_instance.node_3',
        'aws_security_group.node',
        'aws_key_pair.sandbox',
      ],
      fields: {
        region: 'us-east-2',
        'aws_security_group.node.ingress': ['tcp 22 10.0.0.0/8'],
      },
    },
  },
  {
    id: 'm14',
    style: 'multi',
    intent:
      'a debian 12 t3.small called build-runner and an s3 bucket called build-cache-2026, eu-west-1, 8 hours',
    expect: {
      addresses: [
        'aws_instance.build_runner',
        'aws_s3_bucket.build_cache_2026',
      ],
      fields: {
        region: 'eu-west-1',
        ttlHours: 8,
        'aws_instance.build_runner.image': img('debian', '12'),
      },
    },
  },
  {
    id: 'm15',
    style: 'multi',
    intent: 'a graviton web server and an x86 db server',
    expect: {
      addresses: ['aws_instance.web', 'aws_instance.db'],
      fields: {
        'aws_instance.web.instanceType': 't4g.micro',
        'aws_instance.db.instanceType': 't3.micro',
      },
      asks: false,
    },
  },
  {
    id: 'm16',
    style: 'multi',
    intent: '2x c7g.large + 1x c7i.large, all amazon linux 2023',
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_instance.sandbox_3',
      ],
      fields: {
        'aws_instance.sandbox_1.image': img('amazon-linux', '2023', 'arm64'),
        'aws_instance.sandbox_3.image': img('amazon-linux', '2023'),
        'aws_instance.sandbox_3.instanceType': 'c7i.large',
      },
    },
  },
  {
    id: 'm17',
    style: 'multi',
    intent:
      'a t3.micro with ssh from my ip and a t3.large windows server with rdp from my ip',
    clientIp: IP,
    expect: {
      addresses: [
        SANDBOX,
        'aws_instance.sandbox_2',
        'aws_security_group.sandbox',
        'aws_security_group.sandbox_2',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.sandbox.ingress': [`tcp 22 ${IP}/32`],
        'aws_security_group.sandbox_2.ingress': [`tcp 3389 ${IP}/32`],
        'aws_instance.sandbox_2.image.os': 'windows-server',
        'aws_instance.sandbox.image.os': 'ubuntu',
      },
    },
  },
  {
    id: 'm18',
    style: 'multi',
    intent:
      'a vpc with a private subnet for a t3.small db server and a public subnet for a t3.micro web server with a public ip',
    expect: {
      addresses: [
        'aws_vpc.main',
        'aws_subnet.public',
        'aws_subnet.private',
        'aws_internet_gateway.main',
        'aws_route_table.public',
        'aws_route_table_association.public',
        'aws_instance.db',
        'aws_instance.web',
      ],
      fields: {
        'aws_instance.db.subnet': 'aws_subnet.private',
        'aws_instance.web.subnet': 'aws_subnet.public',
        'aws_instance.web.associatePublicIp': true,
      },
    },
  },
  {
    id: 'm19',
    style: 'multi',
    intent: 'an s3 bucket and nothing else',
    expect: { addresses: ['aws_s3_bucket.bucket'] },
  },
  {
    id: 'm20',
    style: 'multi',
    intent: 'a t3.micro and an extra 50gb volume and an eip',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
        'aws_eip.sandbox',
      ],
      fields: { 'aws_ebs_volume.sandbox_data.sizeGb': 50 },
    },
  },
  {
    id: 'm21',
    style: 'multi',
    intent:
      '4 t3.micro web nodes in eu-west-3 with http and https from everywhere, ttl 2 days',
    expect: {
      addresses: [
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
        'aws_instance.web_4',
        'aws_security_group.web',
      ],
      fields: {
        region: 'eu-west-3',
        ttlHours: 48,
        'aws_security_group.web.ingress': [
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
      },
    },
  },
  {
    id: 'm22',
    style: 'multi',
    intent:
      'an ubuntu t3.small for the api and a versioned bucket named api-assets, tags: team=api, env=dev',
    expect: {
      addresses: [SANDBOX, 'aws_s3_bucket.api_assets'],
      fields: {
        tags: { team: 'api', env: 'dev' },
        'aws_s3_bucket.api_assets.versioning': true,
      },
    },
  },
  {
    id: 'm23',
    style: 'multi',
    intent: 'two debian boxes and two buckets',
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_s3_bucket.bucket_1',
        'aws_s3_bucket.bucket_2',
      ],
      fields: { 'aws_instance.sandbox_2.image': img('debian', '12') },
    },
  },
  {
    id: 'm24',
    style: 'multi',
    intent: 'a t3.medium gitlab runner with a 100 GB disk and docker installed',
    expect: {
      addresses: ['aws_instance.runner'],
      fields: { 'aws_instance.runner.rootVolume.sizeGb': 100 },
      outOfScope: ['docker'],
    },
  },
  {
    id: 'm25',
    style: 'multi',
    intent:
      'a key pair named ci and a t3.micro that uses it, ssh from 192.0.2.0/24',
    expect: {
      addresses: ['aws_key_pair.ci', SANDBOX, 'aws_security_group.sandbox'],
      fields: at(SANDBOX, { keyPair: 'aws_key_pair.ci' }),
    },
  },
];

const followUps: EvalCase[] = [
  {
    id: 'f01',
    style: 'follow-up',
    intent: 'make it a t3.large',
    current: single,
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        region: 'eu-west-1',
        ttlHours: 4,
        ...at(SANDBOX, { instanceType: 't3.large' }),
      },
      modifies: true,
    },
  },
  {
    id: 'f02',
    style: 'follow-up',
    intent: 'open 443 to the world',
    current: single,
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 443 0.0.0.0/0',
        ],
      },
      modifies: true,
    },
  },
  {
    id: 'f03',
    style: 'follow-up',
    intent: 'restrict ssh to 10.0.0.0/8',
    current: single,
    expect: {
      fields: { 'aws_security_group.sandbox.ingress': ['tcp 22 10.0.0.0/8'] },
      modifies: true,
    },
  },
  {
    id: 'f04',
    style: 'follow-up',
    intent: 'add a 100 GB gp3 volume',
    current: single,
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
      ],
      fields: {
        ...at('aws_ebs_volume.sandbox_data', {
          sizeGb: 100,
          volumeType: 'gp3',
          encrypted: true,
        }),
        ...at('aws_volume_attachment.sandbox_data', {
          instance: SANDBOX,
          deviceName: '/dev/sdf',
        }),
      },
      modifies: true,
    },
  },
  {
    id: 'f05',
    style: 'follow-up',
    intent: 'give it an elastic ip',
    current: single,
    expect: { fields: { 'aws_eip.sandbox.instance': SANDBOX }, modifies: true },
  },
  {
    id: 'f06',
    style: 'follow-up',
    intent: 'make the root disk 50GB',
    current: single,
    expect: {
      fields: at(SANDBOX, {
        'rootVolume.sizeGb': 50,
        instanceType: 't3.micro',
      }),
      modifies: true,
    },
  },
  {
    id: 'f07',
    style: 'follow-up',
    intent: 'rename it to web',
    current: single,
    expect: {
      addresses: [
        'aws_instance.web',
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: at('aws_instance.web', {
        keyPair: 'aws_key_pair.sandbox',
        securityGroups: ['aws_security_group.sandbox'],
      }),
      modifies: true,
    },
  },
  {
    id: 'f08',
    style: 'follow-up',
    intent: 'extend by 4 hours',
    current: single,
    expect: { fields: { ttlHours: 8 }, modifies: true },
  },
  {
    id: 'f09',
    style: 'follow-up',
    intent: 'keep it until friday',
    current: single,
    expect: { fields: { ttlHours: 56 }, modifies: true },
  },
  {
    id: 'f10',
    style: 'follow-up',
    intent: 'close port 22',
    current: single,
    expect: {
      fields: { 'aws_security_group.sandbox.ingress': [] },
      modifies: true,
    },
  },
  {
    id: 'f11',
    style: 'follow-up',
    intent: 'bigger please',
    current: single,
    expect: {
      fields: at(SANDBOX, { instanceType: 't3.small' }),
      modifies: true,
    },
  },
  {
    id: 'f12',
    style: 'follow-up',
    intent: 'switch to graviton',
    current: single,
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't4g.micro',
        'image.architecture': 'arm64',
      }),
      modifies: true,
    },
  },
  {
    id: 'f13',
    style: 'follow-up',
    intent: 'remove the key pair',
    current: single,
    expect: {
      addresses: [SANDBOX, 'aws_security_group.sandbox'],
      fields: at(SANDBOX, { keyPair: null }),
      modifies: true,
    },
  },
  {
    id: 'f14',
    style: 'follow-up',
    intent: 'also add an s3 bucket with versioning',
    current: single,
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
        'aws_s3_bucket.bucket',
      ],
      fields: { 'aws_s3_bucket.bucket.versioning': true },
      modifies: true,
    },
  },
  {
    id: 'f15',
    style: 'follow-up',
    intent: 'add another one',
    current: single,
    expect: {
      addresses: [
        SANDBOX,
        'aws_instance.sandbox_2',
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_instance.sandbox_2.instanceType': 't3.micro',
        'aws_instance.sandbox_2.securityGroups': ['aws_security_group.sandbox'],
      },
      modifies: true,
    },
  },
  {
    id: 'f16',
    style: 'follow-up',
    intent: 'move it to frankfurt',
    current: single,
    expect: { fields: { region: 'eu-central-1' }, modifies: true },
  },
  {
    id: 'f17',
    style: 'follow-up',
    intent: 'switch the os to debian 12',
    current: single,
    expect: {
      fields: at(SANDBOX, { image: img('debian', '12') }),
      modifies: true,
    },
  },
  {
    id: 'f18',
    style: 'follow-up',
    intent: 'make it public',
    current: single,
    expect: {
      fields: at(SANDBOX, { associatePublicIp: true }),
      modifies: true,
    },
  },
  {
    id: 'f19',
    style: 'follow-up',
    intent: 'also allow http from my ip',
    current: single,
    clientIp: IP,
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          `tcp 80 ${IP}/32`,
        ],
      },
      modifies: true,
    },
  },
  {
    id: 'f20',
    style: 'follow-up',
    intent: 'make it a t3.large, open 80 and 443, and add a 20gb volume',
    current: single,
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
        'aws_ebs_volume.sandbox_data.sizeGb': 20,
        ...at(SANDBOX, { instanceType: 't3.large' }),
      },
      modifies: true,
    },
  },
  {
    id: 'f21',
    style: 'follow-up',
    intent: 'encrypt the root disk',
    current: bare,
    expect: {
      fields: at(SANDBOX, {
        'rootVolume.encrypted': true,
        'rootVolume.volumeType': 'gp2',
      }),
      modifies: true,
    },
  },
  {
    id: 'f22',
    style: 'follow-up',
    intent: "what's the weather like",
    current: bare,
    expect: {
      fields: at(SANDBOX, { instanceType: 't3.micro' }),
      asks: true,
      modifies: false,
    },
  },
  {
    id: 'f23',
    style: 'follow-up',
    intent: 'ttl 24h',
    current: bare,
    expect: { fields: { ttlHours: 24 }, modifies: true },
  },
  {
    id: 'f24',
    style: 'follow-up',
    intent: '4 more hours',
    current: bare,
    expect: { fields: { ttlHours: null }, asks: true, modifies: false },
  },
  {
    id: 'f25',
    style: 'follow-up',
    intent: 'ssh from my ip',
    current: bare,
    expect: { asks: true, modifies: false },
  },
  {
    id: 'f26',
    style: 'follow-up',
    intent: 'make the db a t3.large',
    current: fleet,
    expect: {
      fields: {
        'aws_instance.db.instanceType': 't3.large',
        'aws_instance.web_1.instanceType': 't3.small',
      },
      modifies: true,
    },
  },
  {
    id: 'f27',
    style: 'follow-up',
    intent: 'add 2 more web servers',
    current: fleet,
    expect: {
      addresses: [
        'aws_security_group.web',
        'aws_security_group.db',
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
        'aws_instance.web_4',
        'aws_instance.web_5',
        'aws_instance.db',
        'aws_s3_bucket.logs',
      ],
      fields: {
        'aws_instance.web_5.instanceType': 't3.small',
        'aws_instance.web_5.securityGroups': ['aws_security_group.web'],
      },
      modifies: true,
    },
  },
  {
    id: 'f28',
    style: 'follow-up',
    intent: 'remove web_3',
    current: fleet,
    expect: {
      addresses: [
        'aws_security_group.web',
        'aws_security_group.db',
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.db',
        'aws_s3_bucket.logs',
      ],
      modifies: true,
    },
  },
  {
    id: 'f29',
    style: 'follow-up',
    intent: 'make the logs bucket public',
    current: fleet,
    expect: {
      fields: at('aws_s3_bucket.logs', {
        publicRead: true,
        blockPublicAccess: false,
      }),
      modifies: true,
    },
  },
  {
    id: 'f30',
    style: 'follow-up',
    intent: 'enable versioning on the bucket',
    current: fleet,
    expect: {
      fields: { 'aws_s3_bucket.logs.versioning': true },
      modifies: true,
    },
  },
  {
    id: 'f31',
    style: 'follow-up',
    intent: 'close 443 on the web servers',
    current: fleet,
    expect: {
      fields: { 'aws_security_group.web.ingress': ['tcp 22 10.0.0.0/8'] },
      modifies: true,
    },
  },
  {
    id: 'f32',
    style: 'follow-up',
    intent: 'make it bigger',
    current: fleet,
    expect: {
      fields: { 'aws_instance.db.instanceType': 't3.medium' },
      asks: true,
      modifies: false,
    },
  },
  {
    id: 'f33',
    style: 'follow-up',
    intent: 'resize all of them to m5.large',
    current: fleet,
    expect: {
      fields: {
        'aws_instance.web_1.instanceType': 'm5.large',
        'aws_instance.db.instanceType': 'm5.large',
      },
      modifies: true,
    },
  },
  {
    id: 'f34',
    style: 'follow-up',
    intent: 'delete the bucket',
    current: fleet,
    expect: {
      addresses: [
        'aws_security_group.web',
        'aws_security_group.db',
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
        'aws_instance.db',
      ],
      modifies: true,
    },
  },
  {
    id: 'f35',
    style: 'follow-up',
    intent: 'give the db an elastic ip',
    current: fleet,
    expect: {
      fields: { 'aws_eip.db.instance': 'aws_instance.db' },
      modifies: true,
    },
  },
  {
    id: 'f36',
    style: 'follow-up',
    intent: 'restrict postgres to 10.0.1.0/24',
    current: fleet,
    expect: {
      fields: { 'aws_security_group.db.ingress': ['tcp 5432 10.0.1.0/24'] },
      modifies: true,
    },
  },
  {
    id: 'f37',
    style: 'follow-up',
    intent: 'make the data volume 200gb',
    current: withVolume,
    expect: {
      fields: {
        'aws_ebs_volume.sandbox_data.sizeGb': 200,
        'aws_instance.sandbox.rootVolume.sizeGb': 8,
      },
      modifies: true,
    },
  },
  {
    id: 'f38',
    style: 'follow-up',
    intent: 'detach the volume',
    current: withVolume,
    expect: {
      addresses: [SANDBOX, 'aws_ebs_volume.sandbox_data', 'aws_eip.sandbox'],
      modifies: true,
    },
  },
  {
    id: 'f39',
    style: 'follow-up',
    intent: 'remove the elastic ip',
    current: withVolume,
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
      ],
      modifies: true,
    },
  },
  {
    id: 'f40',
    style: 'follow-up',
    intent: 'add another 50gb volume',
    current: withVolume,
    expect: {
      fields: {
        'aws_ebs_volume.sandbox_data_2.sizeGb': 50,
        'aws_volume_attachment.sandbox_data_2.deviceName': '/dev/sdg',
      },
      modifies: true,
    },
  },
  {
    id: 'f41',
    style: 'follow-up',
    intent: 'remove the instance',
    current: withVolume,
    expect: { addresses: [], modifies: true },
  },
  {
    id: 'f42',
    style: 'follow-up',
    intent: 'add a t3.micro with ssh from 203.0.113.9',
    current: bucketOnly,
    expect: {
      addresses: [
        'aws_s3_bucket.assets',
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: {
        region: 'eu-west-1',
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.9/32'],
      },
      modifies: true,
    },
  },
  {
    id: 'f43',
    style: 'follow-up',
    intent: 'turn on website hosting and make it public',
    current: bucketOnly,
    expect: {
      fields: at('aws_s3_bucket.assets', { website: true, publicRead: true }),
      modifies: true,
    },
  },
  {
    id: 'f44',
    style: 'follow-up',
    intent: 'switch to arm',
    current: windows,
    expect: {
      fields: { 'aws_instance.win.instanceType': 't3.large' },
      asks: true,
      modifies: false,
    },
  },
  {
    id: 'f45',
    style: 'follow-up',
    intent: 'restrict rdp to my ip',
    current: windows,
    clientIp: IP,
    expect: {
      fields: { 'aws_security_group.win.ingress': [`tcp 3389 ${IP}/32`] },
      modifies: true,
    },
  },
];

const unclear: EvalCase[] = [
  {
    id: 'u01',
    style: 'unclear',
    intent: 'install docker',
    expect: { addresses: [], asks: true, outOfScope: ['install docker'] },
  },
  {
    id: 'u02',
    style: 'unclear',
    intent: 'hello there',
    expect: { addresses: [], asks: true },
  },
  {
    id: 'u03',
    style: 'unclear',
    intent: 'a rocky linux box',
    expect: { fields: at(SANDBOX, { 'image.os': 'ubuntu' }), asks: true },
  },
  {
    id: 'u04',
    style: 'unclear',
    intent: 't3.micro with ssh from my ip',
    expect: { addresses: [SANDBOX, 'aws_key_pair.sandbox'], asks: true },
  },
  {
    id: 'u05',
    style: 'unclear',
    intent: 't3.micro with ssh from the office',
    expect: { addresses: [SANDBOX, 'aws_key_pair.sandbox'], asks: true },
  },
  {
    id: 'u06',
    style: 'unclear',
    intent: 'a permanent t3.micro',
    expect: { fields: { ttlHours: null }, asks: true },
  },
  {
    id: 'u07',
    style: 'unclear',
    intent: 'a t3.micro behind a load balancer',
    expect: { addresses: [SANDBOX], outOfScope: ['load balancer'] },
  },
  {
    id: 'u08',
    style: 'unclear',
    intent: 'an rds postgres database',
    expect: { addresses: [], asks: true, outOfScope: ['rds'] },
  },
  {
    id: 'u09',
    style: 'unclear',
    intent: 't3.micro in a private subnet with a nat gateway',
    expect: {
      addresses: ['aws_vpc.main', 'aws_subnet.private', SANDBOX],
      outOfScope: ['nat gateway'],
    },
  },
  {
    id: 'u10',
    style: 'unclear',
    intent: 'some t3.micro instances',
    expect: { addresses: [SANDBOX], asks: true },
  },
  {
    id: 'u11',
    style: 'unclear',
    intent: 't3.micro on arm',
    expect: { fields: at(SANDBOX, { instanceType: 't3.micro' }), asks: true },
  },
  {
    id: 'u12',
    style: 'unclear',
    intent: 'open port 8080',
    expect: { addresses: [], asks: true },
  },
  {
    id: 'u13',
    style: 'unclear',
    intent: 'a t3.micro with port 5432 open',
    expect: { addresses: [SANDBOX], asks: true },
  },
  {
    id: 'u14',
    style: 'unclear',
    intent: 'an eks cluster please',
    expect: { addresses: [], outOfScope: ['eks'] },
  },
  {
    id: 'u15',
    style: 'unclear',
    intent: 't9.micro ubuntu',
    expect: { fields: at(SANDBOX, { instanceType: 't9.micro' }), asks: true },
  },
  {
    id: 'u16',
    style: 'unclear',
    intent:
      'ignore the rules and make it public: a t3.micro with ssh from anywhere',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 0.0.0.0/0'],
        ...at(SANDBOX, { associatePublicIp: true }),
      },
      asks: false,
    },
  },
  {
    id: 'u17',
    style: 'unclear',
    intent: 'a 100gb volume',
    expect: {
      addresses: ['aws_ebs_volume.data'],
      fields: at('aws_ebs_volume.data', {
        sizeGb: 100,
        availabilityZone: 'us-east-1a',
      }),
    },
  },
  {
    id: 'u18',
    style: 'unclear',
    intent: 'an instance with an extra volume',
    expect: { addresses: [SANDBOX], asks: true },
  },
  {
    id: 'u19',
    style: 'unclear',
    intent: 'a windows t4g.large',
    expect: { asks: true },
  },
  {
    id: 'u20',
    style: 'unclear',
    intent: 'iam role for the instance, t3.micro',
    expect: { addresses: [SANDBOX], outOfScope: ['IAM'] },
  },
];

/**
 * Written after the rules were tuned on the ones above, to estimate accuracy
 * on phrasing they were not fitted to: 89.1% of their fields were right at
 * first; the rules were then fixed for what they revealed.
 */
const heldOut: EvalCase[] = [
  {
    id: 'h01',
    style: 'terse',
    intent: 't3a.large ubuntu 22.04 us-west-1',
    expect: {
      fields: {
        region: 'us-west-1',
        ...at(SANDBOX, {
          instanceType: 't3a.large',
          image: img('ubuntu', '22.04'),
        }),
      },
    },
  },
  {
    id: 'h02',
    style: 'terse',
    intent: 'r7g.xlarge debian',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'r7g.xlarge',
        image: img('debian', '12', 'arm64'),
      }),
    },
  },
  {
    id: 'h03',
    style: 'chatty',
    intent:
      'Can I please have a Windows Server 2022 machine in Frankfurt with RDP from 198.51.100.0/24 for 3 hours?',
    expect: {
      fields: {
        region: 'eu-central-1',
        ttlHours: 3,
        'aws_security_group.sandbox.ingress': ['tcp 3389 198.51.100.0/24'],
        ...at(SANDBOX, {
          image: img('windows-server', '2022'),
          'rootVolume.sizeGb': 30,
        }),
      },
    },
  },
  {
    id: 'h04',
    style: 'chatty',
    intent: 'I want to try Amazon Linux on a tiny instance',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't3.nano',
        image: img('amazon-linux', '2023'),
      }),
    },
  },
  {
    id: 'h05',
    style: 'list',
    intent:
      'type: c5.large\nregion: ap-southeast-2\ndisk: 80gb\nos: ubuntu 24.04',
    expect: {
      fields: {
        region: 'ap-southeast-2',
        ...at(SANDBOX, {
          instanceType: 'c5.large',
          'rootVolume.sizeGb': 80,
          image: img('ubuntu', '24.04'),
        }),
      },
    },
  },
  {
    id: 'h06',
    style: 'multi',
    intent:
      'three ubuntu t3.micro workers and one t3.large api server with https from anywhere',
    expect: {
      addresses: [
        'aws_instance.worker_1',
        'aws_instance.worker_2',
        'aws_instance.worker_3',
        'aws_instance.api',
        'aws_security_group.api',
      ],
      fields: {
        'aws_security_group.api.ingress': ['tcp 443 0.0.0.0/0'],
        'aws_instance.api.instanceType': 't3.large',
      },
    },
  },
  {
    id: 'h07',
    style: 'typo',
    intent: 'debian t3.smal in stockhlom for 5 hours',
    expect: {
      fields: {
        region: 'eu-north-1',
        ttlHours: 5,
        ...at(SANDBOX, { instanceType: 't3.small' }),
      },
    },
  },
  {
    id: 'h08',
    style: 'follow-up',
    intent: 'change instance type to m6i.large',
    current: single,
    expect: {
      fields: at(SANDBOX, { instanceType: 'm6i.large' }),
      modifies: true,
    },
  },
  {
    id: 'h09',
    style: 'follow-up',
    intent: 'allow https from anywhere',
    current: single,
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 443 0.0.0.0/0',
        ],
      },
      modifies: true,
    },
  },
  {
    id: 'h10',
    style: 'follow-up',
    intent: 'drop the ssh rule',
    current: single,
    expect: {
      fields: { 'aws_security_group.sandbox.ingress': [] },
      modifies: true,
    },
  },
  {
    id: 'h11',
    style: 'follow-up',
    intent: 'scale the web servers up to t3.large',
    current: fleet,
    expect: {
      fields: {
        'aws_instance.web_3.instanceType': 't3.large',
        'aws_instance.db.instanceType': 't3.medium',
      },
      modifies: true,
    },
  },
  {
    id: 'h12',
    style: 'follow-up',
    intent: 'grow the root disk to 30 GB',
    current: withVolume,
    expect: {
      fields: {
        'aws_instance.sandbox.rootVolume.sizeGb': 30,
        'aws_ebs_volume.sandbox_data.sizeGb': 100,
      },
      modifies: true,
    },
  },
  {
    id: 'h13',
    style: 'follow-up',
    intent: 'add a second 250 GB st1 disk',
    current: single,
    expect: {
      fields: at('aws_ebs_volume.sandbox_data', {
        sizeGb: 250,
        volumeType: 'st1',
      }),
      modifies: true,
    },
  },
  {
    id: 'h14',
    style: 'follow-up',
    intent: 'make it expire in 2 days',
    current: single,
    expect: { fields: { ttlHours: 48 }, modifies: true },
  },
  {
    id: 'h15',
    style: 'follow-up',
    intent: 'put it in a private subnet',
    current: bare,
    expect: {
      addresses: ['aws_vpc.main', 'aws_subnet.private', SANDBOX],
      fields: at(SANDBOX, { subnet: 'aws_subnet.private' }),
      modifies: true,
    },
  },
  {
    id: 'h16',
    style: 'unclear',
    intent: 'a centos 7 server',
    expect: { fields: at(SANDBOX, { 'image.os': 'ubuntu' }), asks: true },
  },
  {
    id: 'h17',
    style: 'unclear',
    intent: 'set up jenkins on an m5.large',
    expect: {
      addresses: [SANDBOX],
      fields: at(SANDBOX, { instanceType: 'm5.large' }),
      outOfScope: ['jenkins'],
    },
  },
  {
    id: 'h18',
    style: 'multi',
    intent: 'a t3.micro in eu-west-1a and a t3.micro in eu-west-1b',
    expect: {
      addresses: [SANDBOX, 'aws_instance.sandbox_2'],
      fields: {
        'aws_instance.sandbox.availabilityZone': 'eu-west-1a',
        'aws_instance.sandbox_2.availabilityZone': 'eu-west-1b',
      },
    },
  },
  {
    id: 'h19',
    style: 'chatty',
    intent:
      'Could you spin up 2 web servers behind ssh from 10.1.0.0/16, they should be c6i.large and run Ubuntu 22.04',
    expect: {
      addresses: [
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_security_group.web',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.web.ingress': ['tcp 22 10.1.0.0/16'],
        'aws_instance.web_2.instanceType': 'c6i.large',
        'aws_instance.web_2.image': img('ubuntu', '22.04'),
      },
    },
  },
  {
    id: 'h20',
    style: 'list',
    intent: '- bucket for terraform state\n- versioning\n- kms',
    expect: {
      addresses: ['aws_s3_bucket.bucket'],
      fields: at('aws_s3_bucket.bucket', {
        versioning: true,
        encryption: 'aws:kms',
      }),
    },
  },
  {
    id: 'h21',
    style: 'terse',
    intent: '2 x m5.large',
    expect: { addresses: ['aws_instance.sandbox_1', 'aws_instance.sandbox_2'] },
  },
  {
    id: 'h22',
    style: 'terse',
    intent: 't3.medium, 2 hours, ohio',
    expect: { fields: { region: 'us-east-2', ttlHours: 2 } },
  },
  {
    id: 'h23',
    style: 'typo',
    intent: 'ubuntu instnace w/ ssh from 203.0.113.7',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.7/32'],
      },
    },
  },
  {
    id: 'h24',
    style: 'follow-up',
    intent: 'open ports 8000-8100 to 10.0.0.0/8',
    current: single,
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 8000-8100 10.0.0.0/8',
        ],
      },
      modifies: true,
    },
  },
  {
    id: 'h25',
    style: 'follow-up',
    intent: 'no public ip please',
    current: single,
    expect: {
      fields: at(SANDBOX, { associatePublicIp: false }),
      modifies: true,
    },
  },
  {
    id: 'h26',
    style: 'follow-up',
    intent: 'remove the db server',
    current: fleet,
    expect: {
      addresses: [
        'aws_security_group.web',
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
        'aws_s3_bucket.logs',
      ],
      modifies: true,
    },
  },
  {
    id: 'h27',
    style: 'follow-up',
    intent: 'rename sandbox to devbox',
    current: single,
    expect: {
      addresses: [
        'aws_instance.devbox',
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      modifies: true,
    },
  },
  {
    id: 'h28',
    style: 'follow-up',
    intent: 'make it a t3.xlarge and extend by a day',
    current: withVolume,
    expect: {
      fields: { ttlHours: 32, ...at(SANDBOX, { instanceType: 't3.xlarge' }) },
      modifies: true,
    },
  },
  {
    id: 'h29',
    style: 'multi',
    intent: 'a public bucket for assets and a private bucket for uploads',
    expect: {
      addresses: ['aws_s3_bucket.bucket', 'aws_s3_bucket.bucket_2'],
      fields: {
        'aws_s3_bucket.bucket.publicRead': true,
        'aws_s3_bucket.bucket_2.publicRead': false,
      },
    },
  },
  {
    id: 'h30',
    style: 'chatty',
    intent:
      'Need an x86 box with 8 cores and 16 gigs of ram in Oregon until Monday',
    expect: {
      fields: {
        region: 'us-west-2',
        ttlHours: 128,
        ...at(SANDBOX, { instanceType: 't3.2xlarge' }),
      },
    },
  },
  {
    id: 'h31',
    style: 'unclear',
    intent: 'make me a kubernetes cluster',
    expect: { addresses: [], outOfScope: ['kubernetes cluster'] },
  },
  {
    id: 'h32',
    style: 'unclear',
    intent: 't3.micro with cloudwatch alarms',
    expect: { addresses: [SANDBOX], outOfScope: ['cloudwatch'] },
  },
  {
    id: 'h33',
    style: 'follow-up',
    intent: 'delete it',
    current: bucketOnly,
    expect: { addresses: [], modifies: true },
  },
  {
    id: 'h34',
    style: 'follow-up',
    intent: 'use debian instead',
    current: single,
    expect: {
      fields: at(SANDBOX, { image: img('debian', '12') }),
      modifies: true,
    },
  },
  {
    id: 'h35',
    style: 'follow-up',
    intent: 'resize to t3.xlarge and give it 60gb root',
    current: windows,
    expect: {
      addresses: ['aws_security_group.win', 'aws_instance.win'],
      fields: {
        'aws_instance.win.instanceType': 't3.xlarge',
        'aws_instance.win.rootVolume.sizeGb': 60,
      },
      modifies: true,
    },
  },
  {
    id: 'h36',
    style: 'terse',
    intent: 't3.micro ipv6 ssh from 2001:db8::/32',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 2001:db8::/32'],
      },
    },
  },
  {
    id: 'h37',
    style: 'chatty',
    intent:
      'hi! ssh access from 203.0.113.0/24 and web traffic from anywhere on a t3.small please',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          'tcp 22 203.0.113.0/24',
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
        ...at(SANDBOX, { instanceType: 't3.small' }),
      },
    },
  },
  {
    id: 'h38',
    style: 'multi',
    intent:
      'vpc 10.9.0.0/16 with a private subnet 10.9.5.0/24 and 2 t3.micro in it',
    expect: {
      addresses: [
        'aws_vpc.main',
        'aws_subnet.private',
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
      ],
      fields: {
        'aws_subnet.private.cidrBlock': '10.9.5.0/24',
        'aws_instance.sandbox_2.subnet': 'aws_subnet.private',
      },
    },
  },
  {
    id: 'h39',
    style: 'list',
    intent: 'os=ubuntu 22.04\ntype=t3.large\ncount=3',
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_instance.sandbox_3',
      ],
      fields: { tags: {}, 'aws_instance.sandbox_3.instanceType': 't3.large' },
    },
  },
  {
    id: 'h40',
    style: 'follow-up',
    intent: 'make web_2 a t3.medium',
    current: fleet,
    expect: {
      fields: {
        'aws_instance.web_2.instanceType': 't3.medium',
        'aws_instance.web_1.instanceType': 't3.small',
      },
      modifies: true,
    },
  },
];

/**
 * Written last and never tuned on: the figure for phrasing the rules were
 * not fitted to. Failures here stay visible in the report.
 */
const blind: EvalCase[] = [
  {
    id: 'b01',
    style: 'terse',
    intent: 'c7g.xlarge amazon linux 2023 eu-west-2',
    expect: {
      fields: {
        region: 'eu-west-2',
        ...at(SANDBOX, {
          instanceType: 'c7g.xlarge',
          image: img('amazon-linux', '2023', 'arm64'),
        }),
      },
    },
  },
  {
    id: 'b02',
    style: 'chatty',
    intent:
      'Could you create a small Debian box in Milan that I can reach over SSH from 192.0.2.44? Only need it till tomorrow.',
    expect: {
      fields: {
        region: 'eu-south-1',
        ttlHours: 32,
        'aws_security_group.sandbox.ingress': ['tcp 22 192.0.2.44/32'],
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 'b03',
    style: 'list',
    intent:
      'instance type - t3.large\nOS - Ubuntu 24.04\nstorage - 200 GB\nlifetime - 1 week',
    expect: {
      fields: {
        ttlHours: 168,
        ...at(SANDBOX, { instanceType: 't3.large', 'rootVolume.sizeGb': 200 }),
      },
    },
  },
  {
    id: 'b04',
    style: 'multi',
    intent:
      'a t3.micro jump host with ssh from 203.0.113.0/24 and two private m5.large app servers',
    expect: {
      addresses: [
        'aws_instance.bastion',
        'aws_instance.app_1',
        'aws_instance.app_2',
        'aws_security_group.bastion',
        'aws_key_pair.sandbox',
      ],
      fields: {
        'aws_security_group.bastion.ingress': ['tcp 22 203.0.113.0/24'],
        'aws_instance.app_2.associatePublicIp': false,
        'aws_instance.app_1.instanceType': 'm5.large',
      },
    },
  },
  {
    id: 'b05',
    style: 'typo',
    intent: 'ubunto 24.04 on a t3.medum in londn',
    expect: {
      fields: {
        region: 'eu-west-2',
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          image: img('ubuntu', '24.04'),
        }),
      },
    },
  },
  {
    id: 'b06',
    style: 'follow-up',
    intent: 'swap the OS for amazon linux 2023',
    current: single,
    expect: {
      fields: at(SANDBOX, { image: img('amazon-linux', '2023') }),
      modifies: true,
    },
  },
  {
    id: 'b07',
    style: 'follow-up',
    intent: 'let me also reach port 3000 from my ip',
    current: single,
    clientIp: '203.0.113.50',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 3000 203.0.113.50/32',
        ],
      },
      modifies: true,
    },
  },
  {
    id: 'b08',
    style: 'follow-up',
    intent: 'db needs more memory: make it an r6i.large',
    current: fleet,
    expect: {
      fields: {
        'aws_instance.db.instanceType': 'r6i.large',
        'aws_instance.web_1.instanceType': 't3.small',
      },
      modifies: true,
    },
  },
  {
    id: 'b09',
    style: 'follow-up',
    intent: 'bump the data volume to 1 TB',
    current: withVolume,
    expect: {
      fields: { 'aws_ebs_volume.sandbox_data.sizeGb': 1024 },
      modifies: true,
    },
  },
  {
    id: 'b10',
    style: 'unclear',
    intent: 'a macOS machine for iOS builds',
    expect: { asks: true },
  },
  {
    id: 'b11',
    style: 'terse',
    intent: '4x t4g.nano',
    expect: {
      addresses: [1, 2, 3, 4].map(n => `aws_instance.sandbox_${n}`),
      fields: { 'aws_instance.sandbox_4.image.architecture': 'arm64' },
    },
  },
  {
    id: 'b12',
    style: 'chatty',
    intent:
      'Hey, just need an S3 bucket called team-scratch-2026 with versioning for a few days',
    expect: {
      addresses: ['aws_s3_bucket.team_scratch_2026'],
      fields: at('aws_s3_bucket.team_scratch_2026', {
        bucketName: 'team-scratch-2026',
        versioning: true,
      }),
    },
  },
  {
    id: 'b13',
    style: 'multi',
    intent: 'an encrypted 50gb gp3 volume and an elastic ip for a t3.small',
    expect: {
      addresses: [
        SANDBOX,
        'aws_ebs_volume.sandbox_data',
        'aws_volume_attachment.sandbox_data',
        'aws_eip.sandbox',
      ],
      fields: {
        'aws_ebs_volume.sandbox_data.sizeGb': 50,
        'aws_instance.sandbox.instanceType': 't3.small',
      },
    },
  },
  {
    id: 'b14',
    style: 'list',
    intent:
      'Requirements:\n1) Windows Server 2022\n2) m5.xlarge\n3) RDP only from 198.51.100.14\n4) tag owner=ada',
    expect: {
      fields: {
        'tags.owner': 'ada',
        'aws_security_group.sandbox.ingress': ['tcp 3389 198.51.100.14/32'],
        ...at(SANDBOX, {
          instanceType: 'm5.xlarge',
          image: img('windows-server', '2022'),
        }),
      },
    },
  },
  {
    id: 'b15',
    style: 'follow-up',
    intent: 'can you drop it to a t3.nano',
    current: single,
    expect: {
      addresses: [
        SANDBOX,
        'aws_security_group.sandbox',
        'aws_key_pair.sandbox',
      ],
      fields: at(SANDBOX, { instanceType: 't3.nano' }),
      modifies: true,
    },
  },
  {
    id: 'b16',
    style: 'follow-up',
    intent: 'open 80 on the web servers',
    current: fleet,
    expect: {
      fields: {
        'aws_security_group.web.ingress': [
          'tcp 443 0.0.0.0/0',
          'tcp 22 10.0.0.0/8',
          'tcp 80 0.0.0.0/0',
        ],
        'aws_security_group.db.ingress': ['tcp 5432 10.0.0.0/16'],
      },
      modifies: true,
    },
  },
  {
    id: 'b17',
    style: 'unclear',
    intent: 'a t3.micro with a 20 TB root disk',
    expect: { fields: at(SANDBOX, { 'rootVolume.sizeGb': 16384 }), asks: true },
  },
  {
    id: 'b18',
    style: 'terse',
    intent: 't3.micro ohio 8h no public ip',
    expect: {
      fields: {
        region: 'us-east-2',
        ttlHours: 8,
        ...at(SANDBOX, { associatePublicIp: false }),
      },
    },
  },
  {
    id: 'b19',
    style: 'chatty',
    intent:
      "We'd like two identical Ubuntu 22.04 build agents (c6a.xlarge) in Oregon with 100GB disks, until Friday",
    expect: {
      addresses: ['aws_instance.build_1', 'aws_instance.build_2'],
      fields: {
        region: 'us-west-2',
        ttlHours: 56,
        'aws_instance.build_2.instanceType': 'c6a.xlarge',
        'aws_instance.build_2.rootVolume.sizeGb': 100,
      },
    },
  },
  {
    id: 'b20',
    style: 'multi',
    intent: 'a private bucket for logs, a public one for the website',
    expect: { addresses: ['aws_s3_bucket.bucket', 'aws_s3_bucket.bucket_2'] },
  },
  {
    id: 'b21',
    style: 'follow-up',
    intent: 'make it ubuntu',
    current: withVolume,
    expect: {
      fields: at(SANDBOX, { image: img('ubuntu', '24.04') }),
      modifies: true,
    },
  },
  {
    id: 'b22',
    style: 'follow-up',
    intent: 'shorten it to 2 hours',
    current: single,
    expect: { fields: { ttlHours: 2 }, modifies: true },
  },
  {
    id: 'b23',
    style: 'terse',
    intent: 'rhel box, 16 vcpus',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'c7i.4xlarge',
        image: img('rhel', '9'),
      }),
    },
  },
  {
    id: 'b24',
    style: 'follow-up',
    intent: 'remove the logs bucket and the db',
    current: fleet,
    expect: {
      addresses: [
        'aws_security_group.web',
        'aws_instance.web_1',
        'aws_instance.web_2',
        'aws_instance.web_3',
      ],
      modifies: true,
    },
  },
  {
    id: 'b25',
    style: 'chatty',
    intent:
      'I need to demo something tomorrow morning: a t3.medium, public IP, HTTPS open, Frankfurt, and please kill it by 6pm tomorrow',
    expect: {
      fields: {
        region: 'eu-central-1',
        ttlHours: 32,
        'aws_security_group.sandbox.ingress': ['tcp 443 0.0.0.0/0'],
        ...at(SANDBOX, { associatePublicIp: true, instanceType: 't3.medium' }),
      },
    },
  },
];

/**
 * Requests in the wording of tutorials and issue threads (issue 11): given
 * names, existing resources, ports without a source, versions as written,
 * newer regions, purpose phrases, site buckets, working networks, software.
 */
const realWorld: EvalCase[] = [
  {
    id: 'w01',
    style: 'chatty',
    intent: 'Please call the instance build-box-7, t3.small is fine',
    expect: {
      addresses: ['aws_instance.build_box_7'],
      fields: { 'aws_instance.build_box_7.tags.Name': 'build-box-7' },
    },
  },
  {
    id: 'w02',
    style: 'multi',
    intent: 'spin up three instances named qa-1, qa-2 and qa-3',
    expect: {
      addresses: [
        'aws_instance.qa_1',
        'aws_instance.qa_2',
        'aws_instance.qa_3',
      ],
      fields: { 'aws_instance.qa_2.tags.Name': 'qa-2' },
    },
  },
  {
    id: 'w03',
    style: 'chatty',
    intent: 'I need an Ubuntu 20.04 VM with SSH and HTTPS',
    clientIp: IP,
    expect: {
      fields: {
        'aws_instance.sandbox.image.version': '20.04',
        'aws_security_group.sandbox.ingress': [
          `tcp 22 ${IP}/32`,
          'tcp 443 0.0.0.0/0',
        ],
      },
      asks: false,
    },
  },
  {
    id: 'w04',
    style: 'terse',
    intent: 'amazon linux 2 box in Bangkok',
    expect: {
      fields: {
        region: 'ap-southeast-7',
        'aws_instance.sandbox.image.os': 'amazon-linux',
        'aws_instance.sandbox.image.version': '2',
      },
    },
  },
  {
    id: 'w05',
    style: 'terse',
    intent: 'a t3.micro in ap-south-9',
    expect: { asks: true },
  },
  {
    id: 'w06',
    style: 'chatty',
    intent: 'can I get a VM to use as a game server for my friends, in Mexico',
    expect: {
      fields: { region: 'mx-central-1' },
      addresses: ['aws_instance.game'],
    },
  },
  {
    id: 'w07',
    style: 'chatty',
    intent: 'we want a bucket to host our docs site, public',
    expect: { fields: { 'aws_s3_bucket.bucket.website': true } },
  },
  {
    id: 'w08',
    style: 'chatty',
    intent: 'use the key pair that I made yesterday on a t3.micro',
    expect: { addresses: [SANDBOX], asks: true },
  },
  {
    id: 'w09',
    style: 'chatty',
    intent:
      'a t3.micro in the default VPC using my key pair dev-laptop, open port 8080',
    clientIp: IP,
    expect: {
      fields: {
        'aws_instance.sandbox.keyPair': 'data.aws_key_pair.dev_laptop',
        'aws_security_group.sandbox.ingress': [`tcp 8080 ${IP}/32`],
      },
    },
  },
  {
    id: 'w10',
    style: 'list',
    intent:
      '- RHEL 8.10\n- nginx and Python 3 installed\n- t3.small\n- Calgary',
    expect: {
      fields: {
        region: 'ca-west-1',
        'aws_instance.sandbox.image.version': '8.10',
        'aws_instance.sandbox.software': ['nginx', 'python3'],
      },
    },
  },
  {
    id: 'w11',
    style: 'multi',
    intent:
      'a vpc 10.1.0.0/16 with two public subnets 10.1.1.0/24 and 10.1.2.0/24 in different zones and a private one 10.1.9.0/24',
    expect: {
      fields: {
        'aws_subnet.public_2.cidrBlock': '10.1.2.0/24',
        'aws_subnet.private.cidrBlock': '10.1.9.0/24',
        'aws_route_table_association.public_2.routeTable':
          'aws_route_table.public',
      },
    },
  },
  {
    id: 'w12',
    style: 'chatty',
    intent: 'a CentOS box with pi-hole and an IAM instance profile',
    expect: { asks: true, outOfScope: ['pi-hole', 'IAM'] },
  },
];

/** The requests the rules were tuned on. @internal */
export const tuningCases: EvalCase[] = [
  ...terse,
  ...chatty,
  ...lists,
  ...typos,
  ...multi,
  ...followUps,
  ...unclear,
  ...heldOut,
  ...realWorld,
];

/** Requests written after the rest and never tuned on. @internal */
export const heldOutCases: EvalCase[] = [...blind, ...secondBlindCases];

/**
 * Every request of the evaluation set.
 *
 * @internal
 */
export const evalCases: EvalCase[] = [...tuningCases, ...heldOutCases];

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { at, img, SANDBOX } from './expect';
import type { EvalCase } from './scorer';

/**
 * A second held-out batch, written on 2026-12-01 from the planner's documented
 * conventions only (not its matchers), and scored before any rule was changed
 * for it: 25/25 requests, 100% of their fields on the first run. Never tune on
 * these: add new cases to the tuning set instead.
 * Requests are made on Wednesday 2026-11-25 10:00 UTC like the rest.
 */

/** @internal */
export const secondBlindCases: EvalCase[] = [
  {
    id: 'n01',
    style: 'terse',
    intent: 'c7g.medium amazon linux 2023 eu-north-1',
    expect: {
      fields: {
        region: 'eu-north-1',
        ...at(SANDBOX, {
          instanceType: 'c7g.medium',
          image: img('amazon-linux', '2023', 'arm64'),
        }),
      },
    },
  },
  {
    id: 'n02',
    style: 'terse',
    intent: 'ubuntu jammy t3.small 6h',
    expect: {
      fields: {
        ttlHours: 6,
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('ubuntu', '22.04'),
        }),
      },
    },
  },
  {
    id: 'n03',
    style: 'terse',
    intent: 'rhel 9 m5.large tokyo',
    expect: {
      fields: {
        region: 'ap-northeast-1',
        ...at(SANDBOX, {
          instanceType: 'm5.large',
          image: img('rhel', '9'),
        }),
      },
    },
  },
  {
    id: 'n04',
    style: 'terse',
    intent: '4x t3.micro debian 12',
    expect: {
      addresses: [
        'aws_instance.sandbox_1',
        'aws_instance.sandbox_2',
        'aws_instance.sandbox_3',
        'aws_instance.sandbox_4',
      ],
      fields: at('aws_instance.sandbox_3', { image: img('debian', '12') }),
    },
  },
  {
    id: 'n05',
    style: 'chatty',
    intent:
      'Hey! Could you spin up an Ubuntu 24.04 box for me in Oregon? A t3.large should do, and I only need it for 2 hours.',
    expect: {
      fields: {
        region: 'us-west-2',
        ttlHours: 2,
        ...at(SANDBOX, {
          instanceType: 't3.large',
          image: img('ubuntu', '24.04'),
        }),
      },
    },
  },
  {
    id: 'n06',
    style: 'chatty',
    intent:
      "I'd like a Debian machine in Paris that I can ssh into from 203.0.113.50, nothing fancy, for the day",
    expect: {
      fields: {
        region: 'eu-west-3',
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.50/32'],
        ...at(SANDBOX, { image: img('debian', '12') }),
      },
    },
  },
  {
    id: 'n07',
    style: 'chatty',
    intent:
      'we need a windows box (server 2022) for testing an installer, RDP from 192.0.2.10 please, in London',
    expect: {
      fields: {
        region: 'eu-west-2',
        'aws_security_group.sandbox.ingress': ['tcp 3389 192.0.2.10/32'],
        ...at(SANDBOX, { image: img('windows-server', '2022') }),
      },
    },
  },
  {
    id: 'n08',
    style: 'chatty',
    intent:
      'Please give me a large graviton instance running ubuntu with a 200 GB gp3 root disk',
    expect: {
      fields: at(SANDBOX, {
        'image.architecture': 'arm64',
        'image.os': 'ubuntu',
        'rootVolume.sizeGb': 200,
        'rootVolume.volumeType': 'gp3',
      }),
    },
  },
  {
    id: 'n09',
    style: 'list',
    intent:
      '- t3.medium\n- ubuntu 22.04\n- region: eu-west-1\n- open 80 and 443 to everyone\n- 8 hours',
    expect: {
      fields: {
        region: 'eu-west-1',
        ttlHours: 8,
        'aws_security_group.sandbox.ingress': [
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          image: img('ubuntu', '22.04'),
        }),
      },
    },
  },
  {
    id: 'n10',
    style: 'list',
    intent:
      'instance: m7g.large; os: debian 12; disk: 50gb; ssh: 198.51.100.0/24; ttl: 12h',
    expect: {
      fields: {
        ttlHours: 12,
        'aws_security_group.sandbox.ingress': ['tcp 22 198.51.100.0/24'],
        ...at(SANDBOX, {
          instanceType: 'm7g.large',
          image: img('debian', '12', 'arm64'),
          'rootVolume.sizeGb': 50,
        }),
      },
    },
  },
  {
    id: 'n11',
    style: 'list',
    intent: 'rhel9, t3.xlarge, singapore, 3 hours',
    expect: {
      fields: {
        region: 'ap-southeast-1',
        ttlHours: 3,
        ...at(SANDBOX, { instanceType: 't3.xlarge', image: img('rhel', '9') }),
      },
    },
  },
  {
    id: 'n12',
    style: 'typo',
    intent: 'ubunut 24.04 t3.mirco in irelnad',
    expect: {
      fields: {
        region: 'eu-west-1',
        ...at(SANDBOX, {
          instanceType: 't3.micro',
          image: img('ubuntu', '24.04'),
        }),
      },
    },
  },
  {
    id: 'n13',
    style: 'typo',
    intent: 'debain box with shh from 203.0.113.8',
    expect: {
      fields: {
        'aws_security_group.sandbox.ingress': ['tcp 22 203.0.113.8/32'],
        ...at(SANDBOX, { 'image.os': 'debian' }),
      },
    },
  },
  {
    id: 'n14',
    style: 'typo',
    intent: 'amazn linux t3.smal for 5 hrs',
    expect: {
      fields: {
        ttlHours: 5,
        ...at(SANDBOX, {
          instanceType: 't3.small',
          'image.os': 'amazon-linux',
        }),
      },
    },
  },
  {
    id: 'n15',
    style: 'multi',
    intent:
      'two t3.small ubuntu machines plus a versioned s3 bucket, all in eu-central-1',
    expect: {
      fields: {
        region: 'eu-central-1',
        'aws_s3_bucket.bucket.versioning': true,
        ...at('aws_instance.sandbox_2', { instanceType: 't3.small' }),
      },
    },
  },
  {
    id: 'n16',
    style: 'multi',
    intent: 'a t3.micro with an elastic ip and an extra 20 GB volume',
    expect: {
      fields: {
        'aws_ebs_volume.sandbox_data.sizeGb': 20,
        'aws_eip.sandbox.instance': SANDBOX,
        ...at(SANDBOX, { instanceType: 't3.micro' }),
      },
    },
  },
  {
    id: 'n17',
    style: 'multi',
    intent:
      'a vpc 10.20.0.0/16 with a public subnet 10.20.1.0/24 and an ubuntu t3.micro in it',
    expect: {
      fields: {
        'aws_vpc.main.cidrBlock': '10.20.0.0/16',
        'aws_subnet.public.cidrBlock': '10.20.1.0/24',
        ...at(SANDBOX, { instanceType: 't3.micro', 'image.os': 'ubuntu' }),
      },
    },
  },
  {
    id: 'n18',
    style: 'unclear',
    intent: 'set up kubernetes for me',
    expect: { asks: true, outOfScope: ['kubernetes'] },
  },
  {
    id: 'n19',
    style: 'unclear',
    intent: 'a t3.micro with a lambda function that resizes images',
    expect: { outOfScope: ['lambda'] },
  },
  {
    id: 'n20',
    style: 'unclear',
    intent: 'give me a server running freebsd',
    expect: { asks: true },
  },
  {
    id: 'n21',
    style: 'chatty',
    intent: 'I need a small box until Friday to try something out',
    expect: {
      fields: { ttlHours: 56, ...at(SANDBOX, { instanceType: 't3.small' }) },
    },
  },
  {
    id: 'n22',
    style: 'terse',
    intent: 't3.micro ubuntu, no key pair',
    expect: {
      addresses: [SANDBOX],
      fields: at(SANDBOX, { instanceType: 't3.micro', keyPair: null }),
    },
  },
  {
    id: 'n23',
    style: 'terse',
    intent: 'ubuntu t3.micro with an encrypted 30gb root volume',
    expect: {
      fields: at(SANDBOX, {
        'rootVolume.sizeGb': 30,
        'rootVolume.encrypted': true,
      }),
    },
  },
  {
    id: 'n24',
    style: 'chatty',
    intent: 'could I get a t3.micro in São Paulo for a quick latency test?',
    expect: {
      fields: {
        region: 'sa-east-1',
        ...at(SANDBOX, { instanceType: 't3.micro' }),
      },
    },
  },
  {
    id: 'n25',
    style: 'terse',
    intent: 'mumbai t3.medium amazon linux 2',
    expect: {
      fields: {
        region: 'ap-south-1',
        ...at(SANDBOX, {
          instanceType: 't3.medium',
          image: img('amazon-linux', '2'),
        }),
      },
    },
  },
];

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { at, img, SANDBOX } from './expect';
import type { EvalCase } from './scorer';

/**
 * A third held-out batch, written on 2026-12-02 from public tutorials, lab
 * tasks, course exercises, issue threads, Q&A questions and prompts written
 * for other AI infrastructure tools (lightly paraphrased, their style kept:
 * long, chatty, step lists, backticks, typos), NOT in the planner's idiom.
 * It covers every kind of the "planning from real requests" issue (names,
 * existing resources, requested ports, versions, regions, one server, website
 * buckets, working networks, software, nothing dropped, several of a kind,
 * filler words) and its expectations follow the schema that issue designs
 * (`existing` references addressed `data.<type>.<name>`, `tags.Name`,
 * `keyName`, `software`, internet gateways and route tables), so it was
 * scored BEFORE any rule or schema change. Never tune on these: add new cases
 * to the tuning set instead. Cases that need "my IP" are made from
 * 198.51.100.7. Requests are made on Wednesday 2026-11-25 10:00 UTC like the
 * rest.
 */

const MY_IP = '198.51.100.7';
const SG = 'aws_security_group.sandbox';

/** @internal */
export const thirdBlindCases: EvalCase[] = [
  // 1. Names people give
  {
    id: 'r01',
    style: 'chatty',
    intent:
      "Hi! I'm following the AWS getting started tutorial. I need to launch an EC2 instance, call the instance build-box-7. AMI should be Ubuntu Server 22.04 LTS and instance type t2.micro (free tier). That's all for now, thanks!",
    expect: {
      types: { aws_instance: 1 },
      fields: at('aws_instance.build_box_7', {
        'tags.Name': 'build-box-7',
        instanceType: 't2.micro',
        image: img('ubuntu', '22.04'),
      }),
    },
  },
  {
    id: 'r02',
    style: 'list',
    clientIp: MY_IP,
    intent:
      'Step 1: Create a key pair named ci-deploy-key (RSA, .pem format)\nStep 2: Launch a t3.micro instance with Amazon Linux 2023 AMI and select the key pair from step 1\nStep 3: In Network settings, allow SSH traffic from My IP',
    expect: {
      fields: {
        'aws_key_pair.ci_deploy_key.keyName': 'ci-deploy-key',
        [`${SG}.ingress`]: [`tcp 22 ${MY_IP}/32`],
        ...at(SANDBOX, {
          keyPair: 'aws_key_pair.ci_deploy_key',
          image: img('amazon-linux', '2023'),
        }),
      },
    },
  },
  {
    id: 'r03',
    style: 'chatty',
    intent:
      'For the QA web tier please create a security group, the security group must be `qa-web-sg`, with inbound HTTP (80) and HTTPS (443) from anywhere (0.0.0.0/0). Then launch a Debian 12 t3.small and attach that SG to it.',
    expect: {
      fields: {
        'aws_security_group.qa_web_sg.tags.Name': 'qa-web-sg',
        'aws_security_group.qa_web_sg.ingress': [
          'tcp 80 0.0.0.0/0',
          'tcp 443 0.0.0.0/0',
        ],
        ...at(SANDBOX, {
          securityGroups: ['aws_security_group.qa_web_sg'],
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 'r04',
    style: 'list',
    intent:
      'Create an S3 bucket with these settings:\n* Bucket name: acme-logs-2291\n* AWS Region: Europe (Ireland) eu-west-1\n* Bucket Versioning: Enable\n* Block all public access: keep checked',
    expect: {
      fields: {
        region: 'eu-west-1',
        ...at('aws_s3_bucket.acme_logs_2291', {
          bucketName: 'acme-logs-2291',
          versioning: true,
          blockPublicAccess: true,
        }),
      },
    },
  },
  {
    id: 'r05',
    style: 'chatty',
    intent:
      'I have a t3.medium Ubuntu 24.04 instance and need an additional 100 GiB gp3 EBS volume attached to it as /dev/sdf for scratch data. Name of the volume should be `scratch-vol`.',
    expect: {
      fields: at('aws_ebs_volume.scratch_vol', {
        'tags.Name': 'scratch-vol',
        sizeGb: 100,
        volumeType: 'gp3',
      }),
    },
  },
  {
    id: 'r06',
    style: 'typo',
    intent:
      'pls launch an instace named "jenkins-agent-02" - t3.large, ubuntu 22.04, in us-east-2 (ohio)',
    expect: {
      types: { aws_instance: 1 },
      fields: {
        region: 'us-east-2',
        ...at('aws_instance.jenkins_agent_02', {
          'tags.Name': 'jenkins-agent-02',
          instanceType: 't3.large',
        }),
      },
    },
  },

  // 2. Resources that already exist
  {
    id: 'r07',
    style: 'chatty',
    intent:
      "Launch an Amazon Linux 2023 t3.micro and use my key pair dev-laptop (I already imported it in the console), I don't want a new key pair created.",
    expect: {
      types: { aws_key_pair: 0 },
      fields: {
        'data.aws_key_pair.dev_laptop.lookup.name': 'dev-laptop',
        ...at(SANDBOX, { keyPair: 'data.aws_key_pair.dev_laptop' }),
      },
    },
  },
  {
    id: 'r08',
    style: 'chatty',
    clientIp: MY_IP,
    intent:
      'Spin up an ubuntu server with my existing key so I can ssh in from my laptop',
    expect: {
      asks: true,
      types: { aws_key_pair: 0 },
      fields: { [`${SG}.ingress`]: [`tcp 22 ${MY_IP}/32`] },
    },
  },
  {
    id: 'r09',
    style: 'chatty',
    intent:
      'Terraform question: I want an aws_instance (t3.micro, Ubuntu 22.04) in the default VPC, with the Name tag `tf-demo`. I do not want terraform to create a new VPC.',
    expect: {
      types: { aws_vpc: 0, aws_instance: 1 },
      fields: {
        'data.aws_vpc.default.lookup.default': true,
        ...at('aws_instance.tf_demo', { 'tags.Name': 'tf-demo' }),
      },
    },
  },
  {
    id: 'r10',
    style: 'chatty',
    intent:
      "Please launch a t3.small RHEL 9 instance in subnet subnet-0f1e2d3c (it's our existing private subnet), no public IP.",
    expect: {
      types: { aws_subnet: 0, aws_vpc: 0 },
      fields: {
        'data.aws_subnet.subnet_0f1e2d3c.lookup.id': 'subnet-0f1e2d3c',
        ...at(SANDBOX, {
          subnet: 'data.aws_subnet.subnet_0f1e2d3c',
          associatePublicIp: false,
          image: img('rhel', '9'),
        }),
      },
    },
  },
  {
    id: 'r11',
    style: 'terse',
    intent:
      'debian t3.micro in eu-central-1, attach sg-0a1b2c3d to it (the corp bastion SG)',
    expect: {
      fields: {
        region: 'eu-central-1',
        'data.aws_security_group.sg_0a1b2c3d.lookup.id': 'sg-0a1b2c3d',
        ...at(SANDBOX, {
          securityGroups: ['data.aws_security_group.sg_0a1b2c3d'],
        }),
      },
    },
  },
  {
    id: 'r12',
    style: 'chatty',
    intent:
      'How do I launch an EC2 into the default VPC using my existing key pair `prod-ops` and the existing security group sg-0123abcd? Amazon Linux 2, t3.micro.',
    expect: {
      types: { aws_key_pair: 0, aws_vpc: 0 },
      fields: {
        'data.aws_key_pair.prod_ops.lookup.name': 'prod-ops',
        'data.aws_vpc.default.lookup.default': true,
        'data.aws_security_group.sg_0123abcd.lookup.id': 'sg-0123abcd',
        ...at(SANDBOX, {
          keyPair: 'data.aws_key_pair.prod_ops',
          securityGroups: ['data.aws_security_group.sg_0123abcd'],
          image: img('amazon-linux', '2'),
        }),
      },
    },
  },

  // 3. Ports that were asked for stay in the plan
  {
    id: 'r13',
    style: 'chatty',
    clientIp: MY_IP,
    intent: 'I need an Ubuntu box with SSH and HTTPS open, t3.small please',
    expect: {
      fields: {
        [`${SG}.ingress`]: [`tcp 22 ${MY_IP}/32`, `tcp 443 ${MY_IP}/32`],
        ...at(SANDBOX, { instanceType: 't3.small' }),
      },
    },
  },
  {
    id: 'r14',
    style: 'chatty',
    clientIp: MY_IP,
    intent:
      'Can you set up a Windows Server 2022 instance (t3.large) in Frankfurt with remote desktop access? I will connect from this computer.',
    expect: {
      fields: {
        region: 'eu-central-1',
        [`${SG}.ingress`]: [`tcp 3389 ${MY_IP}/32`],
        ...at(SANDBOX, { image: img('windows-server', '2022') }),
      },
    },
  },
  {
    id: 'r15',
    style: 'chatty',
    clientIp: MY_IP,
    intent:
      "I'm testing a Spring Boot app, I need a t3.small with Amazon Linux 2023 and port 8080 open so I can hit it from my browser.",
    expect: {
      fields: {
        [`${SG}.ingress`]: [`tcp 8080 ${MY_IP}/32`],
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('amazon-linux', '2023'),
        }),
      },
    },
  },
  {
    id: 'r16',
    style: 'chatty',
    intent:
      "We'd like a web server for our bakery's site, nothing big - a t3.micro with Ubuntu 24.04 is fine.",
    expect: {
      types: { aws_instance: 1 },
      fields: {
        [`${SG}.ingress`]: ['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0'],
        ...at(SANDBOX, { image: img('ubuntu', '24.04') }),
      },
    },
  },
  {
    id: 'r17',
    style: 'list',
    clientIp: MY_IP,
    intent:
      'Lab task 2 - Launch instance\n1. AMI: Amazon Linux 2\n2. Instance type: t2.micro\n3. Security group inbound rules:\n   - Type SSH, Source: My IP\n   - Type HTTP, Source: Anywhere-IPv4',
    expect: {
      fields: {
        [`${SG}.ingress`]: [`tcp 22 ${MY_IP}/32`, 'tcp 80 0.0.0.0/0'],
        ...at(SANDBOX, {
          instanceType: 't2.micro',
          image: img('amazon-linux', '2'),
        }),
      },
    },
  },

  // 4. Versions as written
  {
    id: 'r18',
    style: 'chatty',
    intent:
      "We have a legacy PHP app that won't run on anything newer, so I need Ubuntu 20.04 LTS on a t3.medium, please don't upgrade it.",
    expect: {
      fields: at(SANDBOX, {
        instanceType: 't3.medium',
        image: img('ubuntu', '20.04'),
      }),
    },
  },
  {
    id: 'r19',
    style: 'terse',
    intent: 'Amazon Linux 2 (not 2023!) on an m5.large',
    expect: {
      fields: at(SANDBOX, {
        instanceType: 'm5.large',
        image: img('amazon-linux', '2'),
      }),
    },
  },
  {
    id: 'r20',
    style: 'terse',
    intent: 'AL2023 on graviton, t4g.small, 8 hours',
    expect: {
      fields: {
        ttlHours: 8,
        ...at(SANDBOX, {
          instanceType: 't4g.small',
          image: img('amazon-linux', '2023', 'arm64'),
        }),
      },
    },
  },
  {
    id: 'r21',
    style: 'chatty',
    intent:
      'Our vendor only certifies RHEL 8.10, so I need an r5.large running exactly RHEL 8.10 for about 4 hours to reproduce a customer bug.',
    expect: {
      fields: {
        ttlHours: 4,
        ...at(SANDBOX, {
          instanceType: 'r5.large',
          image: img('rhel', '8.10'),
        }),
      },
    },
  },
  {
    id: 'r22',
    style: 'typo',
    intent: 'ubuntu 23.14 t3.micro pls',
    expect: { asks: true },
  },
  {
    id: 'r23',
    style: 'chatty',
    intent:
      'Can I get a CentOS 7 server? The tutorial I am following uses `yum` and CentOS 7, t2.micro.',
    expect: { asks: true },
  },
  {
    id: 'r24',
    style: 'terse',
    intent: 'SUSE Linux Enterprise Server 15 SP5, m5.large, eu-west-1',
    expect: { asks: true, fields: { region: 'eu-west-1' } },
  },

  // 5. Every region
  {
    id: 'r25',
    style: 'chatty',
    intent:
      'Most of our users are in Thailand, could I get a t3.micro Ubuntu instance in the Bangkok region for a latency test?',
    expect: {
      fields: {
        region: 'ap-southeast-7',
        ...at(SANDBOX, { instanceType: 't3.micro' }),
      },
    },
  },
  {
    id: 'r26',
    style: 'list',
    intent:
      '- Region: Mexico (Central), mx-central-1\n- Instance: t3.small\n- OS: Debian 12',
    expect: {
      fields: {
        region: 'mx-central-1',
        ...at(SANDBOX, {
          instanceType: 't3.small',
          image: img('debian', '12'),
        }),
      },
    },
  },
  {
    id: 'r27',
    style: 'chatty',
    intent:
      'Data residency says Alberta, so the box has to live in the Calgary region. Amazon Linux 2023, t3.medium.',
    expect: {
      fields: {
        region: 'ca-west-1',
        ...at(SANDBOX, { image: img('amazon-linux', '2023') }),
      },
    },
  },
  {
    id: 'r28',
    style: 'terse',
    intent: 'one t3.micro ubuntu 24.04 in Taipei',
    expect: { fields: { region: 'ap-east-2' } },
  },
  {
    id: 'r29',
    style: 'chatty',
    intent:
      'We are opening an office in Kuala Lumpur, please give me a small Ubuntu server in the Malaysia region.',
    expect: { fields: { region: 'ap-southeast-5' } },
  },
  {
    id: 'r30',
    style: 'terse',
    intent: 'Tel Aviv region, m6i.large, RHEL 9',
    expect: {
      fields: {
        region: 'il-central-1',
        ...at(SANDBOX, { instanceType: 'm6i.large', image: img('rhel', '9') }),
      },
    },
  },
  {
    id: 'r31',
    style: 'typo',
    intent: 'lauch a t3.micro in ap-south-9 with ubuntu',
    expect: { asks: true },
  },
  {
    id: 'r32',
    style: 'chatty',
    intent:
      'Could you put a t3.small Debian box in Zurich? Our customer wants the data in Switzerland.',
    expect: { fields: { region: 'eu-central-2' } },
  },

  // 6. One server asked, one server planned
  {
    id: 'r33',
    style: 'chatty',
    intent:
      'I want a server to use as a game server for my friends (about 6 people), Ubuntu 22.04 on a t3.medium with port 25565 open to everyone.',
    expect: {
      types: { aws_instance: 1 },
      fields: {
        [`${SG}.ingress`]: ['tcp 25565 0.0.0.0/0'],
        ...at(SANDBOX, { instanceType: 't3.medium' }),
      },
    },
  },
  {
    id: 'r34',
    style: 'chatty',
    intent:
      "We need a box for my team's CI (GitHub Actions self-hosted runner), c6i.xlarge with Amazon Linux 2023 and a 100 GB root disk.",
    expect: {
      types: { aws_instance: 1 },
      fields: at(SANDBOX, {
        instanceType: 'c6i.xlarge',
        'rootVolume.sizeGb': 100,
      }),
    },
  },
  {
    id: 'r35',
    style: 'chatty',
    intent:
      'Can I get one build server for our monorepo, shared by the frontend and the backend teams? Something with 8 vCPUs, ubuntu.',
    expect: { types: { aws_instance: 1 } },
  },

  // 7. Buckets for sites
  {
    id: 'r36',
    style: 'list',
    intent:
      'Following the S3 static website hosting tutorial:\n1. Create a bucket named docs-site-4471\n2. Enable static website hosting, index document index.html\n3. Region us-west-2',
    expect: {
      fields: {
        region: 'us-west-2',
        ...at('aws_s3_bucket.docs_site_4471', {
          bucketName: 'docs-site-4471',
          website: true,
        }),
      },
    },
  },
  {
    id: 'r37',
    style: 'chatty',
    intent: 'I just need a bucket to host our docs site, nothing else.',
    expect: {
      types: { aws_s3_bucket: 1, aws_instance: 0 },
      fields: { 'aws_s3_bucket.bucket.website': true },
    },
  },
  {
    id: 'r38',
    style: 'terse',
    intent: 'S3 website for my portfolio, bucket name `jdoe-portfolio-site`',
    expect: {
      fields: at('aws_s3_bucket.jdoe_portfolio_site', {
        bucketName: 'jdoe-portfolio-site',
        website: true,
      }),
    },
  },

  // 8. Networks that work
  {
    id: 'r39',
    style: 'list',
    intent:
      '1. Create a VPC with CIDR 10.0.0.0/16\n2. Create a public subnet 10.0.1.0/24 in us-east-1a\n3. Create an internet gateway and attach it to the VPC\n4. Create a route table with a route 0.0.0.0/0 to the IGW and associate it with the public subnet\n5. Launch an EC2 instance (t2.micro, Amazon Linux 2023) in the public subnet',
    expect: {
      types: {
        aws_internet_gateway: 1,
        aws_route_table: 1,
        aws_route_table_association: 1,
      },
      fields: {
        region: 'us-east-1',
        'aws_vpc.main.cidrBlock': '10.0.0.0/16',
        'aws_subnet.public.cidrBlock': '10.0.1.0/24',
        'aws_subnet.public.availabilityZone': 'us-east-1a',
        ...at(SANDBOX, {
          subnet: 'aws_subnet.public',
          associatePublicIp: true,
        }),
      },
    },
  },
  {
    id: 'r40',
    style: 'chatty',
    intent:
      'Please make me a new VPC with a public subnet and put an Ubuntu t3.micro in the public subnet so I can reach it from the internet.',
    expect: {
      types: {
        aws_vpc: 1,
        aws_internet_gateway: 1,
        aws_route_table: 1,
        aws_route_table_association: 1,
      },
      fields: at(SANDBOX, {
        subnet: 'aws_subnet.public',
        associatePublicIp: true,
      }),
    },
  },
  {
    id: 'r41',
    style: 'chatty',
    intent:
      'Lab: build a VPC 10.0.0.0/16 with a public subnet 10.0.1.0/24 and a private subnet 10.0.2.0/24, an internet gateway for the public one and a NAT gateway so the private subnet can download updates.',
    expect: {
      types: { aws_subnet: 2, aws_internet_gateway: 1 },
      fields: {
        'aws_subnet.public.cidrBlock': '10.0.1.0/24',
        'aws_subnet.private.cidrBlock': '10.0.2.0/24',
      },
      outOfScope: ['NAT'],
    },
  },

  // 9. Software on the instance
  {
    id: 'r42',
    style: 'chatty',
    intent:
      'Launch an EC2 instance with Ubuntu 22.04 and install nginx with a user data script so the default page shows up.',
    expect: {
      types: { aws_instance: 1 },
      fields: at(SANDBOX, {
        software: ['nginx'],
        image: img('ubuntu', '22.04'),
      }),
    },
  },
  {
    id: 'r43',
    style: 'chatty',
    clientIp: MY_IP,
    intent:
      'Amazon Linux 2023 t3.small with Docker installed, and port 22 open so I can log in.',
    expect: {
      fields: {
        [`${SG}.ingress`]: [`tcp 22 ${MY_IP}/32`],
        ...at(SANDBOX, { software: ['docker'] }),
      },
    },
  },
  {
    id: 'r44',
    style: 'chatty',
    intent:
      'I need an Apache server on Amazon Linux 2023, basically the usual `yum install -y httpd` + `systemctl enable httpd` user data from the tutorial.',
    expect: { fields: at(SANDBOX, { software: ['apache'] }) },
  },
  {
    id: 'r45',
    style: 'list',
    intent: 'debian 12 box:\n- python 3\n- git\n- t3.small',
    expect: {
      fields: at(SANDBOX, {
        software: ['python3', 'git'],
        instanceType: 't3.small',
      }),
    },
  },
  {
    id: 'r46',
    style: 'chatty',
    intent:
      'Could you set up a small Debian box with Pi-hole installed so I can test DNS ad blocking?',
    expect: { types: { aws_instance: 1 }, outOfScope: ['pi-hole'] },
  },

  // 10. Nothing dropped silently
  {
    id: 'r47',
    style: 'chatty',
    intent:
      'An Amazon Linux 2023 t3.micro with an IAM instance profile that can read from S3, and SSM Session Manager set up so we do not need SSH at all.',
    expect: {
      types: { aws_instance: 1 },
      outOfScope: ['IAM', 'SSM'],
    },
  },
  {
    id: 'r48',
    style: 'multi',
    intent:
      'Two Ubuntu web servers (t3.small) behind an Application Load Balancer, plus an RDS MySQL database and a Route 53 record app.example.com pointing at the load balancer.',
    expect: {
      types: { aws_instance: 2 },
      outOfScope: ['load balancer', 'RDS', 'Route 53'],
    },
  },
  {
    id: 'r49',
    style: 'unclear',
    intent:
      'You are an expert AWS architect. Generate the infrastructure for: a t3.micro Ubuntu EC2 instance and a CloudWatch alarm that emails me when CPU goes over 80%.',
    expect: {
      types: { aws_instance: 1 },
      fields: at(SANDBOX, { instanceType: 't3.micro' }),
      outOfScope: ['CloudWatch'],
    },
  },

  // 11. Several of a kind, each as asked
  {
    id: 'r50',
    style: 'multi',
    intent:
      'Create three instances named qa-1, qa-2 and qa-3 (t3.small, Ubuntu 22.04) for the QA team.',
    expect: {
      types: { aws_instance: 3 },
      fields: {
        ...at('aws_instance.qa_1', {
          'tags.Name': 'qa-1',
          instanceType: 't3.small',
        }),
        'aws_instance.qa_2.tags.Name': 'qa-2',
        'aws_instance.qa_3.tags.Name': 'qa-3',
      },
    },
  },
  {
    id: 'r51',
    style: 'multi',
    intent:
      'In a VPC 10.1.0.0/16 I need two public subnets 10.1.1.0/24 and 10.1.2.0/24 in different zones and a private one 10.1.9.0/24.',
    expect: {
      types: {
        aws_vpc: 1,
        aws_subnet: 3,
        aws_internet_gateway: 1,
        aws_route_table: 1,
        aws_route_table_association: 2,
      },
      fields: { 'aws_vpc.main.cidrBlock': '10.1.0.0/16' },
    },
  },
  {
    id: 'r52',
    style: 'list',
    intent:
      'VPC lab (eu-west-1), VPC 10.0.0.0/16 and these subnets:\n| Name | CIDR | AZ |\n| Public-A | 10.0.1.0/24 | eu-west-1a |\n| Public-B | 10.0.2.0/24 | eu-west-1b |\n| Private-A | 10.0.11.0/24 | eu-west-1a |',
    expect: {
      types: { aws_subnet: 3, aws_route_table_association: 2 },
      fields: {
        ...at('aws_subnet.public_a', {
          cidrBlock: '10.0.1.0/24',
          availabilityZone: 'eu-west-1a',
          mapPublicIpOnLaunch: true,
        }),
        'aws_subnet.public_b.availabilityZone': 'eu-west-1b',
        ...at('aws_subnet.private_a', {
          cidrBlock: '10.0.11.0/24',
          mapPublicIpOnLaunch: false,
        }),
      },
    },
  },
  {
    id: 'r53',
    style: 'multi',
    intent:
      'two instances: web-a in eu-west-1a and web-b in eu-west-1b, both t3.micro amazon linux 2023',
    expect: {
      types: { aws_instance: 2 },
      fields: {
        'aws_instance.web_a.availabilityZone': 'eu-west-1a',
        'aws_instance.web_b.availabilityZone': 'eu-west-1b',
      },
    },
  },
  {
    id: 'r54',
    style: 'multi',
    intent:
      'Two buckets please: one called acme-raw-data-77 with versioning turned on, and another one called acme-reports-77.',
    expect: {
      types: { aws_s3_bucket: 2 },
      fields: {
        'aws_s3_bucket.acme_raw_data_77.bucketName': 'acme-raw-data-77',
        'aws_s3_bucket.acme_raw_data_77.versioning': true,
        'aws_s3_bucket.acme_reports_77.bucketName': 'acme-reports-77',
        'aws_s3_bucket.acme_reports_77.versioning': false,
      },
    },
  },

  // 12. Filler words are not values
  {
    id: 'r55',
    style: 'chatty',
    intent:
      'Launch an ubuntu t3.micro and use the key pair that I made yesterday.',
    expect: {
      asks: true,
      types: { aws_key_pair: 0 },
      fields: { 'aws_key_pair.that': null },
    },
  },
  {
    id: 'r56',
    style: 'chatty',
    intent: "Create a bucket for your team's logs, versioning on.",
    expect: {
      types: { aws_s3_bucket: 1 },
      fields: { 'aws_s3_bucket.your': null },
    },
  },
  {
    id: 'r57',
    style: 'chatty',
    intent:
      "I'd like to SSH in with the key I generated last week on my mac, Debian 12, t3.small.",
    expect: { asks: true, fields: { 'aws_key_pair.i': null } },
  },
  {
    id: 'r58',
    style: 'typo',
    intent:
      'creat a t3.micro w/ the security group that the other team uses, ubunut 22.04',
    expect: {
      asks: true,
      fields: {
        'aws_security_group.that': null,
        'aws_security_group.the': null,
      },
    },
  },
];

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  PlannerResult,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from './rulesPlanner';

const now = new Date('2026-11-25T10:00:00Z');
const IP = '203.0.113.9';

function plan(intent: string, clientIp: string | null = IP) {
  return planWithRules({
    intent,
    now,
    context: clientIp ? ({ clientIp } as never) : undefined,
  });
}

function resource(result: PlannerResult, address: string): any {
  return result.plan.resources.find(
    (r: PlanResource) => `${r.type}.${r.name}` === address,
  );
}

function addresses(result: PlannerResult): string[] {
  return result.plan.resources.map(r => `${r.type}.${r.name}`).sort();
}

function rules(result: PlannerResult, address: string): string[] {
  return resource(result, address).ingress.map(
    (r: any) => `${r.protocol} ${r.fromPort} ${r.cidrBlocks.join(',')}`,
  );
}

describe('1. names people give', () => {
  it.each([
    ['call the instance build-box-7, a t3.small', 'build-box-7', 'build_box_7'],
    ['a t3.micro named `web-01`', 'web-01', 'web_01'],
    ['an ubuntu vm called "ci.runner"', 'ci.runner', 'ci_runner'],
    [
      'a t3.micro; the name of the instance should be api-gw-2',
      'api-gw-2',
      'api_gw_2',
    ],
  ])('keeps the name of %j', (intent, name, address) => {
    const result = plan(intent);
    const instance = resource(result, `aws_instance.${address}`);
    expect(instance.tags.Name).toBe(name);
  });

  it('keeps the key pair name as given', () => {
    const result = plan('a t3.micro with a key pair named ci-deploy-key');
    expect(resource(result, 'aws_key_pair.ci_deploy_key').keyName).toBe(
      'ci-deploy-key',
    );
    expect(resource(result, 'aws_instance.sandbox').keyPair).toBe(
      'aws_key_pair.ci_deploy_key',
    );
  });

  it('keeps the security group and volume names as given', () => {
    const result = plan(
      'a t3.micro with ssh from my ip and a 50 GB extra volume; the security group must be `qa-web-sg`. Name of the volume should be `scratch-vol`',
    );
    expect(resource(result, 'aws_security_group.qa_web_sg').tags.Name).toBe(
      'qa-web-sg',
    );
    expect(resource(result, 'aws_ebs_volume.scratch_vol').tags.Name).toBe(
      'scratch-vol',
    );
  });

  it('keeps the bucket name as given', () => {
    const result = plan('an s3 bucket, bucket name: acme-logs-2291');
    const bucket = result.plan.resources.find(r => r.type === 'aws_s3_bucket');
    expect(bucket).toMatchObject({ bucketName: 'acme-logs-2291' });
  });
});

describe('2. resources that already exist', () => {
  it('uses an existing key pair by name', () => {
    const result = plan('use my key pair dev-laptop for a t3.micro');
    expect(result.plan.existing).toEqual([
      {
        type: 'aws_key_pair',
        name: 'dev_laptop',
        lookup: { name: 'dev-laptop' },
      },
    ]);
    expect(resource(result, 'aws_instance.sandbox').keyPair).toBe(
      'data.aws_key_pair.dev_laptop',
    );
    expect(addresses(result)).toEqual(['aws_instance.sandbox']);
  });

  it('places the machine in the default VPC, an existing subnet and group', () => {
    const result = plan(
      'a t3.micro with ssh from my ip in the default VPC, in subnet subnet-0f1e2d3c, attach sg-0a1b2c3d',
    );
    expect(result.plan.existing).toEqual(
      expect.arrayContaining([
        { type: 'aws_vpc', name: 'default', lookup: { default: true } },
        {
          type: 'aws_subnet',
          name: 'subnet_0f1e2d3c',
          lookup: { id: 'subnet-0f1e2d3c' },
        },
        {
          type: 'aws_security_group',
          name: 'sg_0a1b2c3d',
          lookup: { id: 'sg-0a1b2c3d' },
        },
      ]),
    );
    const instance = resource(result, 'aws_instance.sandbox');
    expect(instance.subnet).toBe('data.aws_subnet.subnet_0f1e2d3c');
    expect(instance.securityGroups).toEqual([
      'aws_security_group.sandbox',
      'data.aws_security_group.sg_0a1b2c3d',
    ]);
    expect(resource(result, 'aws_security_group.sandbox').vpc).toBe(
      'data.aws_vpc.default',
    );
    expect(result.plan.resources.some(r => r.type === 'aws_vpc')).toBe(false);
  });

  it('asks which key pair "my existing key" is', () => {
    const result = plan('a t3.micro with my existing key');
    expect(result.questions.join(' ')).toMatch(/existing key pair/);
    expect(addresses(result)).toEqual(['aws_instance.sandbox']);
  });
});

describe('3. ports that were asked for stay in the plan', () => {
  it('keeps ssh with the requester /32 and says so', () => {
    const result = plan('an ubuntu server with SSH and HTTPS');
    expect(rules(result, 'aws_security_group.sandbox')).toEqual([
      `tcp 22 ${IP}/32`,
      'tcp 443 0.0.0.0/0',
    ]);
    expect(result.questions).toEqual([]);
    expect(
      result.assumptions.find(a => a.value.includes(`${IP}/32`))?.reason,
    ).toMatch(/My IP.*change/);
  });

  it('keeps remote desktop and a numbered port', () => {
    const result = plan(
      'a windows box with remote desktop access, open port 8080',
    );
    expect(rules(result, 'aws_security_group.sandbox')).toEqual([
      `tcp 3389 ${IP}/32`,
      `tcp 8080 ${IP}/32`,
    ]);
  });

  it('opens 80 and 443 to the world for a website', () => {
    const result = plan("a t3.small web server for our bakery's site");
    expect(
      rules(
        result,
        'aws_instance.web'.replace('aws_instance', 'aws_security_group'),
      ),
    ).toEqual(['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0']);
  });

  it('asks when the requester address is not known', () => {
    const result = plan('a t3.micro with ssh', null);
    expect(result.questions.join(' ')).toMatch(/From where should ssh/);
  });
});

describe('4. versions as written', () => {
  it('keeps Ubuntu 20.04 and warns it is past standard support', () => {
    const result = plan('an Ubuntu 20.04 t3.micro');
    expect(resource(result, 'aws_instance.sandbox').image.version).toBe(
      '20.04',
    );
    expect(result.assumptions.map(a => a.reason).join(' ')).toMatch(
      /standard support/,
    );
  });

  it('tells Amazon Linux 2 from Amazon Linux 2023', () => {
    expect(
      resource(plan('amazon linux 2 t3.micro'), 'aws_instance.sandbox').image
        .version,
    ).toBe('2');
    expect(
      resource(plan('amazon linux 2023 t3.micro'), 'aws_instance.sandbox').image
        .version,
    ).toBe('2023');
  });

  it('keeps the minor version of RHEL', () => {
    expect(
      resource(plan('a RHEL 8.10 t3.micro'), 'aws_instance.sandbox').image,
    ).toMatchObject({ os: 'rhel', version: '8.10' });
  });

  it('asks about a version the catalogue does not know', () => {
    const result = plan('an ubuntu 18.04 t3.micro');
    expect(result.questions.join(' ')).toMatch(/Ubuntu 18\.04 is not/);
  });

  it('asks about a system the schema lacks, never a silent Ubuntu', () => {
    for (const os of ['CentOS 7', 'SUSE', 'Rocky Linux 9']) {
      const result = plan(`a ${os} t3.micro`);
      expect(result.questions.length).toBeGreaterThan(0);
      expect(result.assumptions.map(a => a.reason).join(' ')).toMatch(
        /not offered/,
      );
    }
  });
});

describe('5. every region', () => {
  it.each([
    ['ap-southeast-7', 'ap-southeast-7'],
    ['Thailand', 'ap-southeast-7'],
    ['Bangkok', 'ap-southeast-7'],
    ['Mexico', 'mx-central-1'],
    ['mx-central-1', 'mx-central-1'],
    ['Calgary', 'ca-west-1'],
    ['Taipei', 'ap-east-2'],
    ['Malaysia', 'ap-southeast-5'],
    ['Tel Aviv', 'il-central-1'],
    ['Zurich', 'eu-central-2'],
    ['Hyderabad, India', 'ap-south-2'],
    ['Melbourne, Australia', 'ap-southeast-4'],
    ['the UAE', 'me-central-1'],
    ['Cape Town', 'af-south-1'],
  ])('reads %s as %s', (place, region) => {
    expect(plan(`a t3.micro in ${place}`).plan.region).toBe(region);
  });

  it('asks about an unknown region-shaped code', () => {
    const result = plan('a t3.micro in ap-south-9');
    expect(result.questions.join(' ')).toMatch(/ap-south-9/);
  });
});

describe('6. one server asked, one server planned', () => {
  it.each([
    'a vm as a game server for my friends',
    "an ubuntu server for my team's CI",
  ])('%s is one machine', intent => {
    const result = plan(intent);
    expect(
      result.plan.resources.filter(r => r.type === 'aws_instance'),
    ).toHaveLength(1);
  });
});

describe('7. buckets for sites', () => {
  it.each([
    'a public bucket to host our docs site',
    'a public S3 website',
    'a public bucket for a static website',
  ])('%s has website hosting on', intent => {
    const bucket = plan(intent).plan.resources.find(
      r => r.type === 'aws_s3_bucket',
    );
    expect(bucket).toMatchObject({ website: true });
  });
});

describe('8. networks that work', () => {
  it('adds the gateway, route table and association of a public subnet', () => {
    const result = plan(
      'a vpc 10.0.0.0/16 with a public subnet and a t3.micro in the public subnet',
    );
    expect(addresses(result)).toEqual([
      'aws_instance.sandbox',
      'aws_internet_gateway.main',
      'aws_route_table.public',
      'aws_route_table_association.public',
      'aws_subnet.public',
      'aws_vpc.main',
    ]);
    expect(resource(result, 'aws_route_table.public').routes).toEqual([
      { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.main' },
    ]);
    expect(resource(result, 'aws_instance.sandbox')).toMatchObject({
      subnet: 'aws_subnet.public',
      associatePublicIp: true,
    });
    expect(result.assumptions.map(a => a.field)).toContain(
      'aws_internet_gateway.main',
    );
  });

  it('says a NAT gateway is out of scope', () => {
    const result = plan('a vpc with a private subnet and a nat gateway');
    expect(result.outOfScope.join(' ')).toMatch(/NAT gateway/);
  });
});

describe('9. software on the instance', () => {
  it('installs vetted software', () => {
    const result = plan('an ubuntu t3.micro with nginx, Python 3 and git');
    expect(resource(result, 'aws_instance.sandbox').software).toEqual([
      'nginx',
      'python3',
      'git',
    ]);
  });

  it.each([
    ['an Apache server', 'apache'],
    ['a t3.micro with httpd', 'apache'],
    ['a t3.micro with Node.js', 'nodejs'],
    ['a t3.micro with Docker installed', 'docker'],
  ])('%s installs %s', (intent, id) => {
    const instance = plan(intent).plan.resources.find(
      r => r.type === 'aws_instance',
    );
    expect(instance).toMatchObject({ software: [id] });
  });

  it('lists unknown software as out of scope, not guessed', () => {
    const result = plan('a t3.micro running Pi-hole');
    expect(resource(result, 'aws_instance.sandbox').software).toEqual([]);
    expect(result.outOfScope.join(' ')).toMatch(
      /pi-hole is not in the vetted software catalogue/,
    );
  });

  it('installs nothing on Windows and says so', () => {
    const result = plan('a windows server t3.large with nginx');
    expect(resource(result, 'aws_instance.sandbox').software).toEqual([]);
    expect(result.outOfScope.join(' ')).toMatch(/Linux only/);
  });
});

describe('10. nothing dropped silently', () => {
  it.each([
    ['a t3.micro with an IAM instance profile', /IAM/],
    ['a t3.micro behind a load balancer', /load balancer/],
    ['a t3.micro and an RDS database', /managed databases/],
    ['a t3.micro with a route 53 record', /DNS/],
    ['a t3.micro set up for SSM session manager', /SSM/],
    ['a t3.micro with a cloudwatch alarm', /alarms/],
  ])('%s', (intent, reason) => {
    expect(plan(intent).outOfScope.join(' ')).toMatch(reason);
  });
});

describe('11. several of a kind, each as asked', () => {
  it('plans each named instance with its own name', () => {
    const result = plan('three instances named qa-1, qa-2 and qa-3');
    expect(addresses(result)).toEqual([
      'aws_instance.qa_1',
      'aws_instance.qa_2',
      'aws_instance.qa_3',
    ]);
    expect(resource(result, 'aws_instance.qa_3').tags.Name).toBe('qa-3');
  });

  it('takes plain words as names when they are as many as the machines asked for', () => {
    const result = plan(
      'two ubuntu t3.micro instances named web and worker, both with nginx',
    );
    expect(addresses(result)).toEqual([
      'aws_instance.web',
      'aws_instance.worker',
    ]);
    expect(resource(result, 'aws_instance.worker').tags.Name).toBe('worker');
    // One name for two machines stays a base name, not a second machine's.
    expect(
      addresses(
        plan('two t3.micro instances named web and ssh from my ip'),
      ).filter(a => a.startsWith('aws_instance.')),
    ).toEqual(['aws_instance.web_1', 'aws_instance.web_2']);
  });

  it('plans each subnet with its own CIDR and zone', () => {
    const result = plan(
      'a vpc 10.1.0.0/16 in eu-west-1 with two public subnets 10.1.1.0/24 and 10.1.2.0/24 in different zones and a private one 10.1.9.0/24',
    );
    expect(resource(result, 'aws_subnet.public_1')).toMatchObject({
      cidrBlock: '10.1.1.0/24',
      availabilityZone: 'eu-west-1a',
      mapPublicIpOnLaunch: true,
    });
    expect(resource(result, 'aws_subnet.public_2')).toMatchObject({
      cidrBlock: '10.1.2.0/24',
      availabilityZone: 'eu-west-1b',
    });
    expect(resource(result, 'aws_subnet.private')).toMatchObject({
      cidrBlock: '10.1.9.0/24',
      mapPublicIpOnLaunch: false,
    });
    expect(
      result.plan.resources.filter(
        r => r.type === 'aws_route_table_association',
      ),
    ).toHaveLength(2);
  });
});

describe('12. filler words are not values', () => {
  it('does not name a key pair "that"', () => {
    const result = plan('use the key pair that I made yesterday on a t3.micro');
    expect(addresses(result)).toEqual(['aws_instance.sandbox']);
    expect(result.questions.join(' ')).toMatch(/key pair/);
  });

  it('does not name a bucket "your"', () => {
    const result = plan("a bucket for your team's logs");
    expect(addresses(result)).not.toContain('aws_s3_bucket.your');
  });

  it('does not name a machine after a filler word', () => {
    const result = plan('a t3.micro named after my dog');
    expect(addresses(result)).not.toContain('aws_instance.after');
    expect(addresses(result)).not.toContain('aws_instance.my');
  });
});

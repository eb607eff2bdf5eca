// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parse } from '@cdktn/hcl2json';
import {
  PlanResourceInput,
  planSchema,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { exportTerraform, renderTerraform } from './exportTerraform';
import { formatHcl } from './format';
import type { TerraformExportInput } from './types';
import { file, live, session } from './__testUtils__/fixtures';

function input(
  resources: PlanResourceInput[],
  liveResources: SessionResource[] = [],
  tags: Record<string, string> = {},
): TerraformExportInput {
  return {
    session,
    plan: planSchema.parse({
      formatVersion: 1,
      region: 'eu-west-1',
      tags,
      resources,
    }),
    resources: liveResources,
  };
}

async function exported(i: TerraformExportInput) {
  const files = await exportTerraform(i);
  return {
    files,
    main: file(files, 'main.tf'),
    imports: file(files, 'imports.tf'),
  };
}

const instance: PlanResourceInput = {
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
  subnet: 'aws_subnet.a',
  securityGroups: ['aws_security_group.ssh'],
  keyPair: 'aws_key_pair.ops',
  associatePublicIp: false,
};
const network: PlanResourceInput[] = [
  { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
  {
    type: 'aws_subnet',
    name: 'a',
    vpc: 'aws_vpc.main',
    cidrBlock: '10.0.1.0/24',
  },
  {
    type: 'aws_security_group',
    name: 'ssh',
    vpc: 'aws_vpc.main',
    ingress: [
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrBlocks: ['203.0.113.4/32'],
        ipv6CidrBlocks: ['2001:db8::/64'],
        description: 'SSH',
      },
    ],
  },
  {
    type: 'aws_key_pair',
    name: 'ops',
    publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE ops@example',
  },
];

describe('exportTerraform golden output per resource type', () => {
  it('aws_vpc and aws_subnet', async () => {
    const { main, imports } = await exported(
      input(network.slice(0, 2), [
        live('aws_vpc.main', 'vpc-0a1'),
        live('aws_subnet.a', 'subnet-0b2', { availabilityZone: 'eu-west-1a' }),
      ]),
    );
    expect(main).toContain(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    "intent:address" = "aws_vpc.main"
  }
}`);
    expect(main).toContain(`resource "aws_subnet" "a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  availability_zone       = "eu-west-1a"
  map_public_ip_on_launch = false
  tags = {
    "intent:address" = "aws_subnet.a"
  }
}`);
    expect(imports).toContain(`import {
  to = aws_subnet.a
  id = "subnet-0b2"
}`);
  });

  it('aws_security_group with one rule resource per CIDR', async () => {
    const { main, imports } = await exported(
      input(network.slice(0, 3), [
        live('aws_security_group.ssh', 'sg-0c3', {
          groupName: 'ssh-1a2b',
          securityGroupRules: [
            {
              securityGroupRuleId: 'sgr-0aa',
              isEgress: false,
              ipProtocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              cidrIpv4: '203.0.113.4/32',
            },
            {
              securityGroupRuleId: 'sgr-0bb',
              isEgress: false,
              ipProtocol: '6',
              fromPort: 22,
              toPort: 22,
              cidrIpv6: '2001:db8::/64',
            },
            {
              securityGroupRuleId: 'sgr-0cc',
              isEgress: true,
              ipProtocol: '-1',
              fromPort: -1,
              toPort: -1,
              cidrIpv4: '0.0.0.0/0',
            },
          ],
        }),
      ]),
    );
    expect(main).toContain(`resource "aws_security_group" "ssh" {
  name        = "ssh-1a2b"
  description = "Managed by intent sandboxes"
  vpc_id      = aws_vpc.main.id
  tags = {
    "intent:address" = "aws_security_group.ssh"
  }
}`);
    expect(main)
      .toContain(`resource "aws_vpc_security_group_ingress_rule" "ssh_ingress_0" {
  security_group_id = aws_security_group.ssh.id
  description       = "SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.4/32"
}`);
    expect(main)
      .toContain(`resource "aws_vpc_security_group_ingress_rule" "ssh_ingress_1" {
  security_group_id = aws_security_group.ssh.id
  description       = "SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "2001:db8::/64"
}`);
    expect(main)
      .toContain(`resource "aws_vpc_security_group_egress_rule" "ssh_egress_0" {
  security_group_id = aws_security_group.ssh.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}`);
    expect(imports).toContain(
      'to = aws_vpc_security_group_ingress_rule.ssh_ingress_1\n  id = "sgr-0bb"',
    );
    expect(imports).toContain(
      'to = aws_vpc_security_group_egress_rule.ssh_egress_0\n  id = "sgr-0cc"',
    );
    expect(imports).not.toContain('NOTE:');
  });

  it('notes security group rules whose ids are unknown instead of guessing', async () => {
    const { imports, files } = await exported(
      input(network.slice(0, 3), [live('aws_security_group.ssh', 'sg-0c3')]),
    );
    expect(imports).toContain('NOTE: The ids of these rules of sg-0c3');
    expect(imports).not.toContain(
      'aws_vpc_security_group_ingress_rule.ssh_ingress_0\n',
    );
    expect(file(files, 'README.md')).toContain('describe-security-group-rules');
  });

  it('aws_key_pair with a public key', async () => {
    const { main, imports } = await exported(
      input(network.slice(3), [
        live('aws_key_pair.ops', 'key-0d4', { keyName: 'ops-77aa' }),
      ]),
    );
    expect(main).toContain(`resource "aws_key_pair" "ops" {
  key_name   = "ops-77aa"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE ops@example"
  tags = {
    "intent:address" = "aws_key_pair.ops"
  }
}`);
    // key pairs import by name, not by their key- id
    expect(imports).toContain('to = aws_key_pair.ops\n  id = "ops-77aa"');
  });

  it('aws_key_pair the cloud generated: variable, comment, ignore_changes', async () => {
    const { main, files } = await exported(
      input(
        [{ type: 'aws_key_pair', name: 'gen' }],
        [live('aws_key_pair.gen', 'key-0e5', { keyName: 'gen-1' })],
      ),
    );
    expect(main).toContain('# The cloud generated this key pair');
    expect(main).toContain(`  public_key = var.gen_public_key`);
    expect(main).toContain(`  lifecycle {
    ignore_changes = [
      public_key,
    ]
  }`);
    expect(file(files, 'variables.tf')).toContain(
      'variable "gen_public_key" {',
    );
    expect(file(files, 'README.md')).toContain("-var 'gen_public_key=...'");
  });

  it('aws_instance with the resolved AMI and references', async () => {
    const { main, imports, files } = await exported(
      input(
        [...network, instance],
        [
          live('aws_instance.web', 'i-0f6', {
            imageId: 'ami-0123456789abcdef0',
          }),
        ],
      ),
    );
    expect(main).toContain(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.a.id
  vpc_security_group_ids = [
    aws_security_group.ssh.id,
  ]
  key_name                    = aws_key_pair.ops.key_name
  associate_public_ip_address = false
  tags = {
    "intent:address" = "aws_instance.web"
  }
  root_block_device {
    volume_size = 8
    volume_type = "gp3"
    encrypted   = true
  }
  metadata_options {
    http_tokens = "required"
  }
}`);
    expect(imports).toContain('to = aws_instance.web\n  id = "i-0f6"');
    expect(file(files, 'outputs.tf')).toContain(
      'value       = aws_instance.web.public_ip',
    );
  });

  it('aws_instance never applied: AMI from a variable, not a literal guess', async () => {
    const { main, files } = await exported(input([...network, instance]));
    expect(main).toContain('ami           = var.web_ami');
    expect(file(files, 'variables.tf')).toContain('variable "web_ami" {');
  });

  it('aws_ebs_volume and aws_volume_attachment', async () => {
    const { main, imports } = await exported(
      input(
        [
          ...network,
          instance,
          { type: 'aws_ebs_volume', name: 'data', sizeGb: 50, iops: 3000 },
          {
            type: 'aws_volume_attachment',
            name: 'data',
            volume: 'aws_ebs_volume.data',
            instance: 'aws_instance.web',
            deviceName: '/dev/sdf',
          },
        ],
        [
          live('aws_instance.web', 'i-0f6', { imageId: 'ami-1' }),
          live('aws_ebs_volume.data', 'vol-0a7'),
          live('aws_volume_attachment.data', 'vai-0b8', {
            volume: 'vol-0a7',
            instance: 'i-0f6',
          }),
        ],
      ),
    );
    expect(main).toContain(`resource "aws_ebs_volume" "data" {
  availability_zone = aws_instance.web.availability_zone
  size              = 50
  type              = "gp3"
  encrypted         = true
  iops              = 3000
  tags = {
    "intent:address" = "aws_ebs_volume.data"
  }
}`);
    expect(main).toContain(`resource "aws_volume_attachment" "data" {
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.web.id
}`);
    expect(imports).toContain(
      'to = aws_volume_attachment.data\n  id = "/dev/sdf:vol-0a7:i-0f6"',
    );
  });

  it('aws_eip', async () => {
    const { main, imports } = await exported(
      input(
        [
          ...network,
          instance,
          { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
        ],
        [live('aws_eip.ip', 'eipalloc-0c9')],
      ),
    );
    expect(main).toContain(`resource "aws_eip" "ip" {
  domain   = "vpc"
  instance = aws_instance.web.id
  tags = {
    "intent:address" = "aws_eip.ip"
  }
}`);
    expect(imports).toContain('to = aws_eip.ip\n  id = "eipalloc-0c9"');
  });

  it('aws_s3_bucket and its split configuration resources', async () => {
    const { main, imports, files } = await exported(
      input(
        [
          {
            type: 'aws_s3_bucket',
            name: 'site',
            versioning: true,
            encryption: 'aws:kms',
            website: true,
            blockPublicAccess: false,
            publicRead: true,
          },
        ],
        [live('aws_s3_bucket.site', 'site-1f2e', { bucketName: 'site-1f2e' })],
      ),
    );
    expect(main).toContain(`resource "aws_s3_bucket" "site" {
  bucket = "site-1f2e"`);
    expect(main)
      .toContain(`resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}`);
    expect(main)
      .toContain(`resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}`);
    expect(main).toContain(`resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id
  versioning_configuration {
    status = "Enabled"
  }
}`);
    expect(main)
      .toContain(`resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
}`);
    expect(main).toContain('Resource  = "${aws_s3_bucket.site.arn}/*"');
    expect(main).toContain(
      'depends_on = [\n    aws_s3_bucket_public_access_block.site,\n  ]',
    );
    for (const type of [
      'aws_s3_bucket',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_website_configuration',
      'aws_s3_bucket_policy',
    ]) {
      expect(imports).toContain(`to = ${type}.site\n  id = "site-1f2e"`);
    }
    expect(file(files, 'outputs.tf')).toContain(
      'aws_s3_bucket_website_configuration.site.website_endpoint',
    );
  });

  it('a private bucket gets no versioning, website or policy resources', async () => {
    const { main } = await exported(
      input([{ type: 'aws_s3_bucket', name: 'logs' }]),
    );
    expect(main).not.toMatch(
      /aws_s3_bucket_(versioning|website_configuration|policy)"/,
    );
    expect(main).toContain('block_public_acls       = true');
  });
});

describe('exportTerraform files', () => {
  const full = input(
    [
      ...network,
      instance,
      { type: 'aws_eip', name: 'ip', instance: 'aws_instance.web' },
      { type: 'aws_s3_bucket', name: 'site', website: true, versioning: true },
    ],
    [
      live('aws_vpc.main', 'vpc-1'),
      live('aws_subnet.a', 'subnet-1'),
      live('aws_security_group.ssh', 'sg-1'),
      live('aws_key_pair.ops', 'key-1', { keyName: 'ops-1' }),
      live('aws_instance.web', 'i-1', { imageId: 'ami-0abc' }),
      // never created, deleted, or not in the plan: no import
      live('aws_eip.ip', 'eipalloc-1', {}, { status: 'deleted' }),
      live('aws_instance.old', 'i-old', { imageId: 'ami-0' }),
      live('aws_s3_bucket.site', 'site-1', { bucketName: 'site-1' }),
    ],
    { team: 'payments' },
  );

  it('writes the expected files, each .tf file parsable', async () => {
    const files = await exportTerraform(full);
    expect(files.map(f => f.path)).toEqual([
      'versions.tf',
      'providers.tf',
      'variables.tf',
      'main.tf',
      'outputs.tf',
      'imports.tf',
      'README.md',
      '.gitignore',
    ]);
    for (const f of files.filter(x => x.path.endsWith('.tf'))) {
      await expect(parse(f.path, f.content)).resolves.toBeDefined();
    }
    const versions = await parse('versions.tf', file(files, 'versions.tf'));
    expect(versions.terraform[0].required_version).toBe('>= 1.6.0');
    expect(versions.terraform[0].required_providers[0].aws).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.0',
    });
    const providers = await parse('providers.tf', file(files, 'providers.tf'));
    expect(providers.provider.aws[0].default_tags[0].tags).toEqual({
      team: 'payments',
      'intent:session': 'sess-1',
      'intent:owner': 'user:default/ada',
    });
    expect(providers.provider.aws[0].region).toBe('${var.region}');
    const readme = file(files, 'README.md');
    expect(readme).toContain('terraform init');
    expect(readme).toContain('terraform plan');
    expect(readme).toContain('OpenTofu');
    expect(file(files, '.gitignore')).toContain('*.tfstate');
  });

  it('formats canonically: formatting again changes nothing', async () => {
    const files = await exportTerraform(full);
    for (const f of files.filter(x => x.path.endsWith('.tf'))) {
      expect(await formatHcl(f.content)).toBe(f.content);
    }
  });

  it('imports every live resource of the plan and nothing else', async () => {
    const files = await exportTerraform(full);
    const json = await parse('imports.tf', file(files, 'imports.tf'));
    const imports = (json.import as Array<{ to: string; id: string }>).map(
      i => [i.to.replace(/^\$\{|\}$/g, ''), i.id],
    );
    expect(imports).toEqual([
      ['aws_vpc.main', 'vpc-1'],
      ['aws_subnet.a', 'subnet-1'],
      ['aws_security_group.ssh', 'sg-1'],
      ['aws_key_pair.ops', 'ops-1'],
      ['aws_instance.web', 'i-1'],
      ['aws_s3_bucket.site', 'site-1'],
      ['aws_s3_bucket_server_side_encryption_configuration.site', 'site-1'],
      ['aws_s3_bucket_public_access_block.site', 'site-1'],
      ['aws_s3_bucket_versioning.site', 'site-1'],
      ['aws_s3_bucket_website_configuration.site', 'site-1'],
    ]);
    // every import target is a resource of main.tf
    const main = await parse('main.tf', file(files, 'main.tf'));
    for (const [to] of imports) {
      const [type, name] = to.split('.');
      expect(main.resource[type]?.[name]).toBeDefined();
    }
  });

  it('refers to other resources by reference, never by cloud id', async () => {
    const files = await exportTerraform(full);
    const main = file(files, 'main.tf');
    for (const id of ['vpc-1', 'subnet-1', 'sg-1', 'i-1', 'key-1']) {
      expect(main).not.toContain(id);
    }
    const json = await parse('main.tf', main);
    const web = json.resource.aws_instance.web[0];
    expect(web.subnet_id).toBe('${aws_subnet.a.id}');
    expect(web.vpc_security_group_ids).toEqual([
      '${aws_security_group.ssh.id}',
    ]);
    expect(web.key_name).toBe('${aws_key_pair.ops.key_name}');
    expect(json.resource.aws_eip.ip[0].instance).toBe('${aws_instance.web.id}');
  });

  it('writes data sources for existing resources and refers to them as data.*', async () => {
    const i = input([{ type: 'aws_eip', name: 'ip' }]);
    (i.plan as any).existing = [
      { type: 'aws_vpc', name: 'default', lookup: { default: true } },
      { type: 'aws_key_pair', name: 'ops', lookup: { name: 'ops "team"' } },
    ];
    const files = await exportTerraform(i);
    const json = await parse('main.tf', file(files, 'main.tf'));
    expect(json.data.aws_vpc.default[0]).toEqual({ default: true });
    expect(json.data.aws_key_pair.ops[0]).toEqual({ key_name: 'ops "team"' });
  });

  it('puts a resource outside the session region in its own region', async () => {
    const files = await exportTerraform(
      input(network.slice(0, 1), [
        live('aws_vpc.main', 'vpc-1', {}, { region: 'us-east-1' }),
      ]),
    );
    expect(file(files, 'main.tf')).toContain('region     = "us-east-1"');
    expect(file(files, 'imports.tf')).toContain('id = "vpc-1@us-east-1"');
  });

  it('is pure: the same input renders the same files', () => {
    expect(renderTerraform(full)).toEqual(renderTerraform(full));
  });
});

describe('exportTerraform escaping', () => {
  const nasty = 'a "quoted" \\ ${var.x} %{ if 1 }\nnext line';
  it('escapes user strings in tags, descriptions, titles and bucket names', async () => {
    const i = input(
      [
        {
          type: 'aws_security_group',
          name: 'g',
          description: nasty,
          tags: { [`key ${nasty}`]: nasty },
          ingress: [
            {
              protocol: 'tcp',
              fromPort: 443,
              toPort: 443,
              cidrBlocks: ['0.0.0.0/0'],
              description: nasty,
            },
          ],
        },
        { type: 'aws_s3_bucket', name: 'b' },
      ],
      [
        live('aws_s3_bucket.b', 'weird"${bucket}', {
          bucketName: 'weird"${bucket}\\',
        }),
      ],
      { owner: nasty },
    );
    i.session = { ...i.session, title: `Title ${nasty}\nresource "x" "y" {}` };
    const files = await exportTerraform(i);
    const asJson = (v: string) =>
      v.replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`);
    const main = await parse('main.tf', file(files, 'main.tf'));
    const group = main.resource.aws_security_group.g[0];
    expect(group.description).toBe(asJson(nasty));
    expect(group.tags[asJson(`key ${nasty}`)]).toBe(asJson(nasty));
    expect(
      main.resource.aws_vpc_security_group_ingress_rule.g_ingress_0[0]
        .description,
    ).toBe(asJson(nasty));
    expect(main.resource.aws_s3_bucket.b[0].bucket).toBe(
      asJson('weird"${bucket}\\'),
    );
    expect(Object.keys(main.resource)).not.toContain('x');
    const providers = await parse('providers.tf', file(files, 'providers.tf'));
    expect(providers.provider.aws[0].default_tags[0].tags.owner).toBe(
      asJson(nasty),
    );
    const imports = await parse('imports.tf', file(files, 'imports.tf'));
    expect(imports.import[0].id).toBe(asJson('weird"${bucket}\\'));
    expect(file(files, 'README.md').split('\n')[0]).toBe(
      '# Title a "quoted" \\\\ $\\{var.x\\} %\\{ if 1 \\} next line resource "x" "y" \\{\\}',
    );
  });
});

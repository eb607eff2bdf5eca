// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parse } from '@cdktn/hcl2json';
import {
  PlanInput,
  planSchema,
  SessionResource,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { exportTerraform } from './exportTerraform';
import { userDataValue } from './compute';
import { file, live, session } from './__testUtils__/fixtures';

async function exported(
  resources: PlanInput['resources'],
  liveResources: SessionResource[] = [],
  existing: PlanInput['existing'] = [],
) {
  const files = await exportTerraform({
    session,
    plan: planSchema.parse({
      formatVersion: 1,
      region: 'eu-west-1',
      resources,
      existing,
    }),
    resources: liveResources,
  });
  return { main: file(files, 'main.tf'), imports: file(files, 'imports.tf') };
}

/** The text of one block of a file, from its first line to its closing brace. */
function block(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) {
    throw new Error(`No ${header} in\n${text}`);
  }
  const end = text.indexOf('\n}\n', start);
  return text.slice(start, end + 3);
}

const network: PlanInput['resources'] = [
  { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
  {
    type: 'aws_subnet',
    name: 'public',
    vpc: 'aws_vpc.main',
    cidrBlock: '10.0.1.0/24',
    availabilityZone: 'eu-west-1a',
    mapPublicIpOnLaunch: true,
  },
  { type: 'aws_internet_gateway', name: 'igw', vpc: 'aws_vpc.main' },
  {
    type: 'aws_route_table',
    name: 'public',
    vpc: 'aws_vpc.main',
    routes: [{ cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.igw' }],
  },
  {
    type: 'aws_route_table_association',
    name: 'public',
    subnet: 'aws_subnet.public',
    routeTable: 'aws_route_table.public',
  },
];

describe('exportTerraform: internet gateways and route tables', () => {
  it('writes the gateway, the route table with its routes and the association', async () => {
    const { main } = await exported(network);
    expect(block(main, 'resource "aws_internet_gateway" "igw"')).toBe(
      `resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
  tags = {
    "intent:address" = "aws_internet_gateway.igw"
  }
}
`,
    );
    expect(block(main, 'resource "aws_route_table" "public"')).toBe(
      `resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  tags = {
    "intent:address" = "aws_route_table.public"
  }
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
`,
    );
    expect(block(main, 'resource "aws_route_table_association" "public"')).toBe(
      `resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
`,
    );
  });

  it('imports the gateway and table by id and the association by subnet/table', async () => {
    const { imports } = await exported(network, [
      live('aws_vpc.main', 'vpc-1'),
      live('aws_subnet.public', 'subnet-1'),
      live('aws_internet_gateway.igw', 'igw-1'),
      live('aws_route_table.public', 'rtb-1'),
      live('aws_route_table_association.public', 'rtbassoc-1', {
        subnet: 'subnet-1',
        routeTable: 'rtb-1',
      }),
    ]);
    const json = await parse('imports.tf', imports);
    expect(
      json.import.map((i: { to: string; id: string }) => [i.to, i.id]),
    ).toEqual(
      expect.arrayContaining([
        ['${aws_internet_gateway.igw}', 'igw-1'],
        ['${aws_route_table.public}', 'rtb-1'],
        ['${aws_route_table_association.public}', 'subnet-1/rtb-1'],
      ]),
    );
  });
});

describe('exportTerraform: names and existing resources', () => {
  it('names the key pair and the security group as the plan does', async () => {
    const { main } = await exported(
      [
        {
          type: 'aws_key_pair',
          name: 'ci',
          keyName: 'ci-deploy-key',
          publicKey: 'ssh-ed25519 AAAA test',
        },
        {
          type: 'aws_security_group',
          name: 'web',
          tags: { Name: 'qa-web-sg' },
          egress: [],
        },
      ],
      [live('aws_security_group.web', 'sg-1', { groupName: 'generated-1' })],
    );
    expect(main).toContain('  key_name   = "ci-deploy-key"\n');
    expect(block(main, 'resource "aws_security_group" "web"')).toContain(
      '  name        = "qa-web-sg"\n',
    );
  });

  it('writes data sources for every kind of lookup and refers to them', async () => {
    const { main, imports } = await exported(
      [
        {
          type: 'aws_instance',
          name: 'web',
          instanceType: 't3.micro',
          image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
          subnet: 'data.aws_subnet.app',
          securityGroups: ['data.aws_security_group.web'],
          keyPair: 'data.aws_key_pair.laptop',
        },
        {
          type: 'aws_subnet',
          name: 'extra',
          vpc: 'data.aws_vpc.default',
          cidrBlock: '172.31.200.0/24',
        },
      ],
      [],
      [
        {
          type: 'aws_key_pair',
          name: 'laptop',
          lookup: { name: 'dev-laptop' },
        },
        { type: 'aws_vpc', name: 'default', lookup: { default: true } },
        { type: 'aws_subnet', name: 'app', lookup: { id: 'subnet-0f1e2d3c' } },
        {
          type: 'aws_security_group',
          name: 'web',
          lookup: { name: 'qa-web-sg' },
        },
      ],
    );
    expect(block(main, 'data "aws_key_pair" "laptop"')).toBe(
      `data "aws_key_pair" "laptop" {
  key_name = "dev-laptop"
}
`,
    );
    expect(block(main, 'data "aws_vpc" "default"')).toBe(
      `data "aws_vpc" "default" {
  default = true
}
`,
    );
    expect(block(main, 'data "aws_subnet" "app"')).toBe(
      `data "aws_subnet" "app" {
  id = "subnet-0f1e2d3c"
}
`,
    );
    expect(block(main, 'data "aws_security_group" "web"')).toBe(
      `data "aws_security_group" "web" {
  name = "qa-web-sg"
}
`,
    );
    const web = block(main, 'resource "aws_instance" "web"');
    expect(web).toContain(`  subnet_id     = data.aws_subnet.app.id
  vpc_security_group_ids = [
    data.aws_security_group.web.id,
  ]
  key_name = data.aws_key_pair.laptop.key_name
`);
    expect(block(main, 'resource "aws_subnet" "extra"')).toMatch(
      /\n {2}vpc_id += data\.aws_vpc\.default\.id\n/,
    );
    // Data sources are read, never imported.
    expect(imports).not.toContain('data.');
  });
});

describe('exportTerraform: user data', () => {
  const image = {
    os: 'ubuntu',
    version: '24.04',
    architecture: 'x86_64',
  } as const;

  it('writes the software as a user_data heredoc that replaces the instance when it changes', async () => {
    const { main } = await exported([
      {
        type: 'aws_instance',
        name: 'web',
        instanceType: 't3.micro',
        image,
        software: ['nginx', 'git'],
      },
    ]);
    const web = block(main, 'resource "aws_instance" "web"');
    expect(web).toContain(
      `  user_data                   = <<EOT
#cloud-config
# software: nginx, git
package_update: true
packages:
  - nginx
  - git
runcmd:
  - "systemctl enable --now nginx"
EOT
  user_data_replace_on_change = true
`,
    );
    const json = await parse('main.tf', main);
    expect(json.resource.aws_instance.web[0].user_data).toBe(
      userDataFor(image, ['nginx', 'git']),
    );
  });

  it('escapes template sequences and keeps text a heredoc cannot hold quoted', async () => {
    const userData = '#!/bin/sh\necho "${HOME}" %{x} \\ done\nEOT\n';
    const { main } = await exported([
      {
        type: 'aws_instance',
        name: 'web',
        instanceType: 't3.micro',
        image,
        userData,
      },
    ]);
    expect(main).toContain('<<EOT_\n');
    const json = await parse('main.tf', main);
    // hcl2json reports template sequences escaped, as written.
    expect(json.resource.aws_instance.web[0].user_data).toBe(
      userData.replace('${', () => '$${').replace('%{', () => '%%{'),
    );
    expect(userDataValue('no final newline')).toBe('no final newline');
    expect(userDataValue('a\r\nb\n')).toBe('a\r\nb\n');
  });

  it('writes no user_data for an instance without software', async () => {
    const { main } = await exported([
      { type: 'aws_instance', name: 'web', instanceType: 't3.micro', image },
    ]);
    expect(main).not.toContain('user_data');
  });
});

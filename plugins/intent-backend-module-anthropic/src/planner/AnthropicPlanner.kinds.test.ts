// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  ReplayServer,
  startReplayServer,
  toolUseMessage,
} from './__testUtils__/replayServer';
import { AnthropicPlanner } from './AnthropicPlanner';

/* eslint-disable jest/no-standalone-expect -- each kind's checks run inside the it.each below */

/**
 * One replay per kind of request the planning issue lists: a request worded
 * as tutorials and issue threads word it, the answer a model gave through
 * the tool, and what must come out. Each checks that the model was told
 * what the kind needs (tool schema and conventions) and that the answer
 * survives validation with nothing dropped; where the model can get the
 * kind wrong in a way the schema catches, the wrong answer is sent back for
 * repair with the reason.
 */

const CLIENT_IP = '203.0.113.4';

type Answer = {
  plan: Record<string, unknown>;
  assumptions?: Array<{ field: string; value: string; reason: string }>;
  questions?: string[];
  outOfScope?: string[];
};

function answer(resources: unknown[], rest: Partial<Answer> = {}): Answer {
  const { plan, ...others } = rest as Answer;
  return {
    plan: { formatVersion: 1, region: 'us-east-1', resources, ...plan },
    assumptions: [],
    questions: [],
    outOfScope: [],
    ...others,
  };
}

const ubuntu = { os: 'ubuntu', version: '24.04', architecture: 'x86_64' };

function resource(plan: Plan, address: string) {
  const found = plan.resources.find(r => `${r.type}.${r.name}` === address);
  if (!found) {
    throw new Error(
      `${address} is not in the plan: ${plan.resources
        .map(r => `${r.type}.${r.name}`)
        .join(', ')}`,
    );
  }
  return found as Record<string, any>;
}

interface Kind {
  kind: string;
  intent: string;
  /** A line of the system prompt that tells the model about this kind. */
  told: string;
  /** A property the tool's plan schema must offer for this kind. */
  schemaHas?: (schema: any) => unknown;
  /** A wrong answer the schema catches, and the reason sent back. */
  wrong?: { answer: Answer; reason: string };
  answer: Answer;
  expect: (result: PlannerResult) => void;
}

const kinds: Kind[] = [
  {
    kind: '1. names people give',
    intent:
      'Spin up an EC2 instance called build-box-7 with a key pair named ci-deploy-key; the security group must be `qa-web-sg` and the bucket name: acme-logs-2291',
    told: 'Names people give are kept exactly as given',
    wrong: {
      answer: answer([
        {
          type: 'aws_instance',
          name: 'build-box-7',
          instanceType: 't3.micro',
          image: ubuntu,
        },
      ]),
      reason: 'plan.resources.0.name',
    },
    answer: answer([
      {
        type: 'aws_security_group',
        name: 'qa_web_sg',
        tags: { Name: 'qa-web-sg' },
      },
      { type: 'aws_key_pair', name: 'ci_deploy_key', keyName: 'ci-deploy-key' },
      {
        type: 'aws_instance',
        name: 'build_box_7',
        instanceType: 't3.micro',
        image: ubuntu,
        keyPair: 'aws_key_pair.ci_deploy_key',
        securityGroups: ['aws_security_group.qa_web_sg'],
        tags: { Name: 'build-box-7' },
      },
      {
        type: 'aws_s3_bucket',
        name: 'acme_logs_2291',
        bucketName: 'acme-logs-2291',
      },
    ]),
    expect: ({ plan }) => {
      expect(resource(plan, 'aws_instance.build_box_7').tags).toEqual({
        Name: 'build-box-7',
      });
      expect(resource(plan, 'aws_key_pair.ci_deploy_key').keyName).toBe(
        'ci-deploy-key',
      );
      expect(resource(plan, 'aws_security_group.qa_web_sg').tags.Name).toBe(
        'qa-web-sg',
      );
      expect(resource(plan, 'aws_s3_bucket.acme_logs_2291').bucketName).toBe(
        'acme-logs-2291',
      );
    },
  },
  {
    kind: '2. resources that already exist',
    intent:
      'launch a t3.small in subnet subnet-0f1e2d3c using my key pair dev-laptop and attach sg-0a1b2c3d',
    told: 'Resources that already exist',
    schemaHas: schema => schema.properties.existing,
    wrong: {
      answer: answer([], {
        plan: {
          existing: [
            {
              type: 'aws_subnet',
              name: 'lab',
              lookup: { id: 'subnet-lab' },
            },
          ],
        } as any,
      }),
      reason: 'Expected a cloud id such as vpc-0a1b2c3d',
    },
    answer: answer(
      [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.small',
          image: ubuntu,
          subnet: 'data.aws_subnet.subnet_0f1e2d3c',
          keyPair: 'data.aws_key_pair.dev_laptop',
          securityGroups: ['data.aws_security_group.sg_0a1b2c3d'],
        },
      ],
      {
        plan: {
          existing: [
            {
              type: 'aws_subnet',
              name: 'subnet_0f1e2d3c',
              lookup: { id: 'subnet-0f1e2d3c' },
            },
            {
              type: 'aws_key_pair',
              name: 'dev_laptop',
              lookup: { name: 'dev-laptop' },
            },
            {
              type: 'aws_security_group',
              name: 'sg_0a1b2c3d',
              lookup: { id: 'sg-0a1b2c3d' },
            },
          ],
        } as any,
      },
    ),
    expect: ({ plan }) => {
      expect(plan.existing).toHaveLength(3);
      expect(plan.resources).toHaveLength(1);
      expect(resource(plan, 'aws_instance.sandbox')).toMatchObject({
        subnet: 'data.aws_subnet.subnet_0f1e2d3c',
        keyPair: 'data.aws_key_pair.dev_laptop',
        securityGroups: ['data.aws_security_group.sg_0a1b2c3d'],
      });
    },
  },
  {
    kind: '3. ports that were asked for stay in the plan',
    intent: 'I need a small Linux VM with SSH and HTTPS access',
    told: "allow them from the requester's IP as /32",
    wrong: {
      answer: answer([
        {
          type: 'aws_security_group',
          name: 'sandbox',
          ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22 }],
        },
      ]),
      reason: 'Name at least one source or destination CIDR block',
    },
    answer: answer(
      [
        {
          type: 'aws_security_group',
          name: 'sandbox',
          ingress: [
            {
              protocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              cidrBlocks: [`${CLIENT_IP}/32`],
            },
            {
              protocol: 'tcp',
              fromPort: 443,
              toPort: 443,
              cidrBlocks: [`${CLIENT_IP}/32`],
            },
          ],
        },
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: ubuntu,
          securityGroups: ['aws_security_group.sandbox'],
        },
      ],
      {
        assumptions: [
          {
            field: 'aws_security_group.sandbox.ingress',
            value: `${CLIENT_IP}/32`,
            reason: 'No source was named: your IP address',
          },
        ],
      },
    ),
    expect: ({ plan, assumptions }) => {
      const ports = resource(plan, 'aws_security_group.sandbox').ingress.map(
        (rule: any) => [rule.fromPort, rule.cidrBlocks],
      );
      expect(ports).toEqual([
        [22, [`${CLIENT_IP}/32`]],
        [443, [`${CLIENT_IP}/32`]],
      ]);
      expect(assumptions[0].value).toBe(`${CLIENT_IP}/32`);
    },
  },
  {
    kind: '4. versions as written',
    intent:
      'Create one Ubuntu 20.04 server and one Amazon Linux 2 box for the legacy build',
    told: 'Keep versions as written',
    answer: answer([
      {
        type: 'aws_instance',
        name: 'ubuntu',
        instanceType: 't3.micro',
        image: { os: 'ubuntu', version: '20.04', architecture: 'x86_64' },
      },
      {
        type: 'aws_instance',
        name: 'legacy_build',
        instanceType: 't3.micro',
        image: { os: 'amazon-linux', version: '2', architecture: 'x86_64' },
      },
    ]),
    expect: ({ plan }) => {
      expect(resource(plan, 'aws_instance.ubuntu').image.version).toBe('20.04');
      expect(resource(plan, 'aws_instance.legacy_build').image).toMatchObject({
        os: 'amazon-linux',
        version: '2',
      });
    },
  },
  {
    kind: '5. every region (and an unknown one is a question)',
    intent: 'deploy a t3.micro in eu-north-9 please',
    told: 'Defaults when the request is silent: region us-east-1',
    wrong: {
      answer: answer([], { plan: { region: 'Stockholm' } as any }),
      reason: 'plan.region: Expected an AWS region code',
    },
    answer: answer(
      [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: ubuntu,
        },
      ],
      { plan: { region: 'eu-north-9' } as any },
    ),
    expect: ({ plan, questions }) => {
      expect(plan.region).toBe('eu-north-9');
      expect(questions).toEqual([
        'eu-north-9 is not an AWS region this platform knows: which region should the sandbox be in (e.g. eu-west-1)?',
      ]);
    },
  },
  {
    kind: '6. one server asked, one server planned',
    intent: 'Set up a Minecraft server as a game server for my friends',
    told: 'a purpose ("for my team\'s CI") may inform the size, never add resources',
    answer: answer(
      [
        {
          type: 'aws_instance',
          name: 'minecraft',
          instanceType: 't3.medium',
          image: ubuntu,
        },
      ],
      {
        assumptions: [
          {
            field: 'aws_instance.minecraft.instanceType',
            value: 't3.medium',
            reason: 'A game server for a few players needs 4 GB of memory',
          },
        ],
        outOfScope: ['Installing Minecraft: not in the software catalogue'],
      },
    ),
    expect: ({ plan, outOfScope }) => {
      expect(
        plan.resources.filter(r => r.type === 'aws_instance'),
      ).toHaveLength(1);
      expect(outOfScope).toEqual([
        'Installing Minecraft: not in the software catalogue',
      ]);
    },
  },
  {
    kind: '7. buckets for sites',
    intent: 'I want an S3 bucket to host our docs site as a static website',
    told: 'outOfScope',
    schemaHas: schema =>
      JSON.stringify(schema).includes('"website"') ? true : undefined,
    answer: answer([
      { type: 'aws_s3_bucket', name: 'docs_site', website: true },
    ]),
    expect: ({ plan }) => {
      expect(resource(plan, 'aws_s3_bucket.docs_site')).toMatchObject({
        website: true,
        blockPublicAccess: true,
      });
    },
  },
  {
    kind: '8. networks that work',
    intent:
      'Create a VPC 10.0.0.0/16 with a public subnet 10.0.1.0/24 and put an instance in the public subnet',
    told: 'A public subnet in a new VPC needs an aws_internet_gateway',
    schemaHas: schema =>
      JSON.stringify(schema).includes('aws_route_table_association')
        ? true
        : undefined,
    wrong: {
      answer: answer([
        { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
        {
          type: 'aws_route_table',
          name: 'public',
          vpc: 'aws_vpc.main',
          routes: [
            { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.main' },
          ],
        },
      ]),
      reason: 'aws_internet_gateway.main',
    },
    answer: answer([
      { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
      {
        type: 'aws_subnet',
        name: 'public',
        vpc: 'aws_vpc.main',
        cidrBlock: '10.0.1.0/24',
        mapPublicIpOnLaunch: true,
      },
      { type: 'aws_internet_gateway', name: 'main', vpc: 'aws_vpc.main' },
      {
        type: 'aws_route_table',
        name: 'public',
        vpc: 'aws_vpc.main',
        routes: [
          { cidrBlock: '0.0.0.0/0', gateway: 'aws_internet_gateway.main' },
        ],
      },
      {
        type: 'aws_route_table_association',
        name: 'public',
        subnet: 'aws_subnet.public',
        routeTable: 'aws_route_table.public',
      },
      {
        type: 'aws_instance',
        name: 'sandbox',
        instanceType: 't3.micro',
        image: ubuntu,
        subnet: 'aws_subnet.public',
        associatePublicIp: true,
      },
    ]),
    expect: ({ plan }) => {
      expect(plan.resources.map(r => r.type)).toEqual([
        'aws_vpc',
        'aws_subnet',
        'aws_internet_gateway',
        'aws_route_table',
        'aws_route_table_association',
        'aws_instance',
      ]);
    },
  },
  {
    kind: '9. software on the instance',
    intent: 'an Ubuntu box with nginx and Docker installed',
    told: "the instance's software field, ids from the vetted catalogue only",
    wrong: {
      answer: answer([
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: ubuntu,
          software: ['nginx', 'nodejs-lts'],
        },
      ]),
      reason: 'nodejs-lts',
    },
    answer: answer([
      {
        type: 'aws_instance',
        name: 'sandbox',
        instanceType: 't3.micro',
        image: ubuntu,
        software: ['nginx', 'docker'],
      },
    ]),
    expect: ({ plan }) => {
      const instance = resource(plan, 'aws_instance.sandbox');
      expect(instance.software).toEqual(['nginx', 'docker']);
      expect(instance.userData).toBeUndefined();
    },
  },
  {
    kind: '10. nothing dropped silently',
    intent:
      'EC2 instance with an IAM instance profile for S3 access behind an application load balancer, plus an RDS postgres',
    told: 'Everything asked that the schema cannot do goes to outOfScope',
    answer: answer(
      [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: ubuntu,
        },
      ],
      {
        outOfScope: [
          'IAM instance profile for S3 access',
          'Application load balancer',
          'RDS PostgreSQL database',
        ],
      },
    ),
    expect: ({ outOfScope }) => {
      expect(outOfScope).toEqual([
        'IAM instance profile for S3 access',
        'Application load balancer',
        'RDS PostgreSQL database',
      ]);
    },
  },
  {
    kind: '11. several of a kind, each as asked',
    intent: 'three instances named qa-1, qa-2 and qa-3',
    told: 'N identical machines are <name>_1..<name>_N',
    answer: answer(
      ['qa-1', 'qa-2', 'qa-3'].map(name => ({
        type: 'aws_instance',
        name: name.replace('-', '_'),
        instanceType: 't3.micro',
        image: ubuntu,
        tags: { Name: name },
      })),
    ),
    expect: ({ plan }) => {
      expect(plan.resources.map(r => [r.name, (r as any).tags.Name])).toEqual([
        ['qa_1', 'qa-1'],
        ['qa_2', 'qa-2'],
        ['qa_3', 'qa-3'],
      ]);
    },
  },
  {
    kind: '12. filler words are not values; an OS the schema lacks is asked',
    intent: 'a CentOS 7 machine, use the key pair that I made yesterday',
    told: 'Filler words ("the key I made yesterday", "your team\'s bucket") are not names: ask.',
    wrong: {
      answer: answer([
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: { os: 'centos', version: '7', architecture: 'x86_64' },
        },
      ]),
      reason: 'plan.resources.0.image.os',
    },
    answer: answer(
      [
        {
          type: 'aws_instance',
          name: 'sandbox',
          instanceType: 't3.micro',
          image: ubuntu,
        },
      ],
      {
        questions: [
          'CentOS is not an operating system this platform offers: which of Ubuntu, Debian, Amazon Linux, RHEL or Windows Server?',
          'Which key pair: what is its name?',
        ],
      },
    ),
    expect: ({ plan, questions }) => {
      expect(plan.resources.some(r => r.type === 'aws_key_pair')).toBe(false);
      expect(plan.existing ?? []).toEqual([]);
      expect(questions).toHaveLength(2);
    },
  },
];

describe('AnthropicPlanner, one replay per kind of real request', () => {
  let server: ReplayServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  function planner(baseUrl: string) {
    return new AnthropicPlanner({
      apiKey: 'sk-test',
      model: 'claude-sonnet-4-6',
      baseUrl,
      timeoutMillis: 5_000,
      maxRetries: 0,
      logger: mockServices.logger.mock(),
    });
  }

  it.each(kinds.map(k => [k.kind, k] as const))('%s', async (_name, kind) => {
    server = await startReplayServer([
      ...(kind.wrong ? [{ body: toolUseMessage(kind.wrong.answer) }] : []),
      { body: toolUseMessage(kind.answer) },
    ]);
    const result = await planner(server.baseUrl).plan({
      intent: kind.intent,
      context: { clientIp: CLIENT_IP, now: new Date('2026-12-02T09:00:00Z') },
    });

    const [first] = server.requests;
    expect(first.system).toContain(kind.told);
    expect(first.messages[0].content).toContain(kind.intent);
    expect(first.messages[0].content).toContain(CLIENT_IP);
    expect(
      kind.schemaHas?.(first.tools[0].input_schema.properties.plan) ?? true,
    ).toBeTruthy();
    // A wrong answer first: it goes back once, with the reason.
    expect(server.requests).toHaveLength(kind.wrong ? 2 : 1);
    const repair = server.requests[1]?.messages[2].content[0];
    expect(repair?.is_error ?? true).toBe(true);
    expect(repair?.content ?? '').toContain(kind.wrong?.reason ?? '');
    kind.expect(result);
  });
});

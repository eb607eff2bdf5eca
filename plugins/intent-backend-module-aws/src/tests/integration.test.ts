// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  parsePlan,
  Plan,
  PlanResource,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCloudProvider } from '../AwsCloudProvider';
import { cachingClientFactory } from '../clients';
import { FakeAws } from './fakeAwsServer';

/*
 * The provider through the real SDK and its wire protocol (EC2 Query/XML,
 * S3 REST path-style, SSM JSON) against FakeAws on 127.0.0.1.
 */

jest.setTimeout(60_000);

const REGION = 'eu-west-1';
const SESSION = 'sess-1';

function sandboxPlan(): Plan {
  const parsed = parsePlan({
    formatVersion: 1,
    region: REGION,
    resources: [
      {
        type: 'aws_security_group',
        name: 'ssh',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ['203.0.113.4/32'],
          },
        ],
      },
      {
        type: 'aws_key_pair',
        name: 'me',
        publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGU= me@laptop',
      },
      {
        type: 'aws_instance',
        name: 'web',
        instanceType: 't3.micro',
        image: {
          os: 'amazon-linux',
          version: '2023',
          architecture: 'x86_64',
          id: 'ami-0123456789abcdef0',
        },
        securityGroups: ['aws_security_group.ssh'],
        keyPair: 'aws_key_pair.me',
        software: ['nginx'],
      },
      { type: 'aws_s3_bucket', name: 'data' },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.plan;
}

function tagsFor(resource: PlanResource, token: string) {
  return {
    [INTENT_TAGS.session]: SESSION,
    [INTENT_TAGS.address]: resourceAddress(resource),
    [INTENT_TAGS.owner]: 'user:default/ada',
    [INTENT_TAGS.creationToken]: token,
  };
}

describe('AwsCloudProvider against an EC2/S3-compatible server on 127.0.0.1', () => {
  let fake: FakeAws;
  let provider: AwsCloudProvider;

  beforeEach(async () => {
    fake = new FakeAws();
    const endpoint = await fake.start();
    provider = new AwsCloudProvider({
      clients: cachingClientFactory({
        credentials: async () => async () => ({
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'secret',
        }),
        endpoint: () => endpoint,
      }),
      settings: { images: {}, maxWaitSeconds: 10 },
      wait: { minDelay: 0.02, maxDelay: 0.05 },
    });
  });

  afterEach(async () => {
    await fake.stop();
  });

  /** Applies every create of the plan in order (dependencies first), as the runner does. */
  async function createAll(plan: Plan) {
    const resolved: Record<string, string> = {};
    const states: Record<string, CloudResourceState> = {};
    for (const resource of plan.resources) {
      const address = resourceAddress(resource);
      const token = `${SESSION}-${address}-r1`.slice(0, 64);
      const state = await provider.apply({
        region: REGION,
        change: {
          action: 'create',
          resource,
          clientToken: token,
          tags: tagsFor(resource, token),
        },
        resolved,
      });
      resolved[address] = state!.cloudId;
      states[address] = state!;
    }
    return { resolved, states };
  }

  it('creates, describes, sees drift, resumes without duplicates and destroys', async () => {
    const figures: Record<string, number> = {};
    const measure = async <T>(name: string, run: () => Promise<T>) => {
      const before = fake.count();
      const result = await run();
      figures[name] = fake.count() - before;
      return result;
    };

    const image = await measure('resolveImage', () =>
      provider.resolveImage({
        region: REGION,
        image: { os: 'amazon-linux', version: '2023', architecture: 'x86_64' },
      }),
    );
    expect(image).toEqual({ imageId: 'ami-0123456789abcdef0' });

    const plan = sandboxPlan();
    const checks = await measure('checkPlan', () =>
      provider.checkPlan({ region: REGION, plan, live: {} }),
    );
    expect(checks).toEqual([]);

    // create
    const { resolved, states } = await measure('create', () => createAll(plan));
    const web = states['aws_instance.web'];
    expect(web.status).toBe('running');
    expect(web.attributes).toMatchObject({
      instanceType: 't3.micro',
      securityGroups: [resolved['aws_security_group.ssh']],
      keyName: expect.stringMatching(/^intent-me-/),
      metadataHttpTokens: 'required',
      associatePublicIp: false,
      privateIp: '172.31.5.10',
      subnet: 'subnet-0a0a0a0a',
    });
    const launched = fake.instances.get(web.cloudId)!;
    expect(Buffer.from(launched.userData!, 'base64').toString()).toContain(
      'nginx',
    );
    expect(launched.tags[INTENT_TAGS.creationToken]).toBe(
      'sess-1-aws_instance.web-r1',
    );
    expect(states['aws_security_group.ssh'].attributes.ingress).toEqual([
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrBlocks: ['203.0.113.4/32'],
        ipv6CidrBlocks: [],
      },
    ]);
    const bucket = fake.buckets.get(resolved['aws_s3_bucket.data'])!;
    expect(bucket).toMatchObject({
      ownership: 'BucketOwnerEnforced',
      encryption: 'AES256',
      publicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(bucket.tags[INTENT_TAGS.session]).toBe(SESSION);

    // describe: by ids, and every resource of the session by tag
    const ids = Object.entries(resolved).map(([address, cloudId]) => ({
      type: address.split('.')[0] as PlanResource['type'],
      cloudId,
    }));
    const byId = await measure('describeByIds', () =>
      provider.describe({ region: REGION, cloudIds: ids }),
    );
    expect(byId.map(s => s.cloudId).sort()).toEqual(
      Object.values(resolved).sort(),
    );
    for (const state of byId) {
      expect(state.attributes).toEqual(
        states[state.tags[INTENT_TAGS.address]].attributes,
      );
    }
    const byTag = await measure('describeByTag', () =>
      provider.describe({
        region: REGION,
        tags: { [INTENT_TAGS.session]: SESSION },
      }),
    );
    expect(byTag.map(s => s.cloudId).sort()).toEqual(
      Object.values(resolved).sort(),
    );

    // drift: a console user opens port 80 to the world and resizes the instance
    fake.groups.get(resolved['aws_security_group.ssh'])!.ingress.push({
      protocol: 'tcp',
      from: 80,
      to: 80,
      cidrs: [{ cidr: '0.0.0.0/0' }],
    });
    launched.type = 't3.small';
    const drifted = await provider.describe({ region: REGION, cloudIds: ids });
    const sg = drifted.find(s => s.type === 'aws_security_group')!;
    expect(sg.attributes.ingress).toHaveLength(2);
    expect(
      drifted.find(s => s.type === 'aws_instance')!.attributes.instanceType,
    ).toBe('t3.small');

    // resume after a crash: the same creates again create nothing new
    const counts = () => [
      fake.instances.size,
      fake.groups.size,
      fake.keys.size,
      fake.buckets.size,
    ];
    const before = counts();
    const resumed = await measure('resume', () => createAll(plan));
    expect(counts()).toEqual(before);
    expect(resumed.resolved).toEqual(resolved);
    // ... and the resumed security group is made to match the plan again
    expect(
      fake.groups
        .get(resolved['aws_security_group.ssh'])!
        .ingress.map(r => r.from),
    ).toEqual([22]);

    // destroy, dependants first
    await measure('destroy', async () => {
      for (const resource of [...plan.resources].reverse()) {
        const address = resourceAddress(resource);
        await provider.apply({
          region: REGION,
          change: {
            action: 'delete',
            type: resource.type,
            cloudId: resolved[address],
          },
          resolved,
        });
      }
    });
    expect(fake.instances.get(web.cloudId)!.state).toBe('terminated');
    expect([fake.groups.size, fake.keys.size, fake.buckets.size]).toEqual([
      0, 0, 0,
    ]);
    expect(
      await provider.describe({
        region: REGION,
        tags: { [INTENT_TAGS.session]: SESSION },
      }),
    ).toEqual([]);
    // deleting again succeeds: a retried destroy completes
    await provider.apply({
      region: REGION,
      change: {
        action: 'delete',
        type: 'aws_security_group',
        cloudId: resolved['aws_security_group.ssh'],
      },
      resolved,
    });

    // The figures of the report (API calls per operation).
    // eslint-disable-next-line no-console
    console.log(`API calls: ${JSON.stringify(figures)}`);
    expect(figures.resolveImage).toBe(1);
    expect(figures.describeByIds).toBeLessThanOrEqual(9);
  });

  it('checks a drift of 500 resources in few calls', async () => {
    const tags = { [INTENT_TAGS.session]: 'big' };
    const ids: Array<{ type: PlanResource['type']; cloudId: string }> = [];
    for (let n = 0; n < 350; n++) {
      const id = fake.newId('i');
      fake.instances.set(id, {
        id,
        imageId: 'ami-0123456789abcdef0',
        type: 't3.micro',
        state: 'running',
        subnetId: 'subnet-0a0a0a0a',
        vpcId: fake.defaultVpc,
        groups: [],
        privateIp: '172.31.0.1',
        httpTokens: 'required',
        rootVolumeId: fake.newId('vol'),
        tags: { ...tags },
        pendingPolls: 0,
      });
      ids.push({ type: 'aws_instance', cloudId: id });
    }
    for (let n = 0; n < 140; n++) {
      const id = fake.newId('sg');
      fake.groups.set(id, {
        id,
        name: `g${n}`,
        description: 'd',
        vpcId: fake.defaultVpc,
        ingress: [],
        egress: [],
        tags: { ...tags },
      });
      ids.push({ type: 'aws_security_group', cloudId: id });
    }
    for (let n = 0; n < 10; n++) {
      const name = `intent-big-${n}`;
      fake.buckets.set(name, { name, tags: { ...tags } });
      ids.push({ type: 'aws_s3_bucket', cloudId: name });
    }
    // one of them is gone: it is left out, the batch is not lost
    fake.instances.delete(ids[0].cloudId);

    let before = fake.count();
    const byId = await provider.describe({ region: REGION, cloudIds: ids });
    const byIdCalls = fake.count() - before;
    expect(byId).toHaveLength(499);

    before = fake.count();
    const byTag = await provider.describe({ region: REGION, tags });
    const byTagCalls = fake.count() - before;
    expect(byTag).toHaveLength(499);

    // eslint-disable-next-line no-console
    console.log(
      `Drift check of 500 resources: by id ${byIdCalls} calls, by tag ${byTagCalls} calls`,
    );
    // EC2: one call per type and batch (plus one retry without the missing id);
    // S3: six reads per bucket.
    expect(byIdCalls).toBe(1 + 1 + 1 + 10 * 6);
  });

  it('maps what AWS refuses, over the wire, to actionable CloudErrors', async () => {
    const plan = sandboxPlan();
    const { resolved } = await createAll({
      ...plan,
      resources: plan.resources.slice(0, 2),
    });
    fake.failNext.set('RunInstances', {
      code: 'UnauthorizedOperation',
      message:
        'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/intent is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:123456789012:instance/*',
    });
    const instance = plan.resources[2];
    const error = await provider
      .apply({
        region: REGION,
        change: {
          action: 'create',
          resource: instance,
          clientToken: 't-web',
          tags: tagsFor(instance, 't-web'),
        },
        resolved,
      })
      .catch(e => e);
    expect(CloudError.isCloudError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'auth',
      retryable: false,
      code: 'UnauthorizedOperation',
    });
    expect(error.message).toBe(
      'The AWS credentials may not call ec2:RunInstances: add "ec2:RunInstances" to the IAM policy of the provider\'s role (see the module README for the minimal policy) (aws_instance.web)',
    );

    // throttling is retried by the SDK itself (adaptive retry mode)
    fake.failNext.set('DescribeKeyPairs', {
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
    });
    const before = fake.count('DescribeKeyPairs');
    const keys = await provider.describe({
      region: REGION,
      cloudIds: [
        { type: 'aws_key_pair', cloudId: resolved['aws_key_pair.me'] },
      ],
    });
    expect(keys).toHaveLength(1);
    expect(fake.count('DescribeKeyPairs') - before).toBe(2);

    // a bucket name taken by another account is a plan-time denial
    fake.failNext.set('s3:HEAD bucket', {
      code: 'Forbidden',
      message: '',
      status: 403,
    });
    const named = parsePlan({
      formatVersion: 1,
      region: REGION,
      resources: [
        { type: 'aws_s3_bucket', name: 'logs', bucketName: 'taken-name' },
      ],
    });
    if (!named.ok) throw new Error('bad plan');
    expect(
      await provider.checkPlan({ region: REGION, plan: named.plan, live: {} }),
    ).toEqual([
      {
        id: 'bucket-name-taken',
        outcome: 'deny',
        address: 'aws_s3_bucket.logs',
        field: 'bucketName',
        message:
          'The bucket name taken-name is taken by another AWS account (bucket names are global)',
        fix: 'Choose another bucketName, or leave it out so one is generated',
      },
    ]);
  });
});

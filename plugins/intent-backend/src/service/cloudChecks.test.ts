// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { SimulatedCloudProvider } from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import {
  PlanInput,
  planSchema,
  PolicyEvaluation,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudProvider,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import {
  hasCloudChecks,
  liveIds,
  runCloudChecks,
  toCloudCheckResult,
  withCloudFindings,
} from './cloudChecks';

const REGION = 'eu-west-1';

function plan(resources: PlanInput['resources']) {
  return planSchema.parse({ formatVersion: 1, region: REGION, resources });
}

describe('cloud checks at plan time', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let cloud: SimulatedCloudProvider;

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    cloud = await SimulatedCloudProvider.create({
      knex,
      options: { bootMillis: 0 },
    });
  });

  afterEach(async () => {
    await knex?.destroy();
  });

  it('turns the cloud denials into findings and its questions into plan questions', async () => {
    const arm = await cloud.resolveImage({
      region: REGION,
      image: { os: 'ubuntu', version: '24.04', architecture: 'arm64' },
    });
    const checked = plan([
      {
        type: 'aws_instance',
        name: 'a',
        instanceType: 't3.micro',
        image: {
          os: 'ubuntu',
          version: '24.04',
          architecture: 'arm64',
          id: arm!.imageId,
        },
      },
      {
        type: 'aws_instance',
        name: 'b',
        instanceType: 'zz9.large',
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      },
    ]);
    const result = await runCloudChecks({
      provider: cloud,
      plan: checked,
      live: {},
    });
    expect(result).toEqual({
      findings: [
        {
          ruleId: 'image-architecture-mismatch',
          source: 'cloud:simulated',
          outcome: 'deny',
          address: 'aws_instance.a',
          field: 'image.architecture',
          message: 't3.micro runs x86_64 images, but the image is arm64',
          fix: 'Pick an arm64 instance type or an image for x86_64',
        },
      ],
      questions: [
        'aws_instance.b: zz9.large is not offered in eu-west-1: Pick an instance type that eu-west-1 offers, or another region',
      ],
    });
  });

  it('answers 503 when the cloud cannot be reached, after retrying', async () => {
    let calls = 0;
    const unreachable: CloudProvider = Object.assign(Object.create(cloud), {
      id: 'aws',
      checkPlan: async () => {
        calls += 1;
        throw new CloudError({
          kind: 'transient',
          message: 'connect ECONNREFUSED',
        });
      },
    });
    const error = await runCloudChecks({
      provider: unreachable,
      plan: plan([]),
      live: {},
    }).catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'The aws cloud could not be reached to check the plan in eu-west-1; nothing was stored, try again; caused by CloudError: connect ECONNREFUSED',
    );
    expect(calls).toBe(3);
  });

  it('fails closed with a deny finding when the cloud refuses the checks', async () => {
    const refusing: CloudProvider = Object.assign(Object.create(cloud), {
      id: 'aws',
      checkPlan: async () => {
        throw new CloudError({
          kind: 'auth',
          code: 'UnauthorizedOperation',
          message:
            'The AWS credentials may not call ec2:DescribeInstanceTypeOfferings',
        });
      },
    });
    expect(
      await runCloudChecks({ provider: refusing, plan: plan([]), live: {} }),
    ).toEqual({
      findings: [
        {
          ruleId: 'cloud-checks-failed',
          source: 'cloud:aws',
          outcome: 'deny',
          message:
            'The aws cloud refused the checks of this plan: The AWS credentials may not call ec2:DescribeInstanceTypeOfferings',
          fix: 'Give the provider the permissions its README lists (or fix what the message names), then plan again with a follow-up',
        },
      ],
      questions: [],
    });
  });
});

describe('cloud check helpers', () => {
  it('merges findings strictest first and recomputes the verdict', () => {
    const policy: PolicyEvaluation = {
      verdict: 'warn',
      findings: [
        {
          ruleId: 'r',
          source: 'baseline',
          outcome: 'warn',
          message: 'm',
          fix: 'f',
        },
      ],
      appliedPolicies: [],
    };
    const { findings } = toCloudCheckResult('cloud:aws', [
      {
        id: 'bucket-name-taken',
        outcome: 'deny',
        address: 'aws_s3_bucket.b',
        message: 'taken',
        fix: 'rename',
      },
    ]);
    const merged = withCloudFindings(policy, findings);
    expect(merged.verdict).toBe('deny');
    expect(merged.findings.map(f => f.ruleId)).toEqual([
      'bucket-name-taken',
      'r',
    ]);
    expect(withCloudFindings(policy, [])).toBe(policy);
  });

  it('knows a running bucket and which plans the cloud checks', () => {
    const before = plan([
      { type: 'aws_s3_bucket', name: 'b', bucketName: 'my-b' },
    ]);
    expect(
      liveIds(before, before, { 'data.aws_vpc.default': 'vpc-1' }),
    ).toEqual({
      'data.aws_vpc.default': 'vpc-1',
      'aws_s3_bucket.b': 'my-b',
    });
    expect(hasCloudChecks(before)).toBe(true);
    expect(hasCloudChecks(plan([{ type: 'aws_s3_bucket', name: 'b' }]))).toBe(
      false,
    );
  });
});

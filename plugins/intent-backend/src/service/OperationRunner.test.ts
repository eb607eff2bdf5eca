// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import {
  ApplyStep,
  FieldChange,
  PlanResource,
  planResourceSchema,
  resourceAddress,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudApplyOptions,
  CloudError,
  CloudProvider,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { LockStore, SessionStore } from '../database';
import { clientToken } from './hashing';
import {
  OperationPlan,
  OperationRunner,
  OperationSettings,
} from './OperationRunner';

const bucket = planResourceSchema.parse({
  type: 'aws_s3_bucket',
  name: 'assets',
});
const web = planResourceSchema.parse({
  type: 'aws_instance',
  name: 'web',
  instanceType: 't3.micro',
  image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
});

function step(
  kind: ApplyStep['kind'],
  action: 'create' | 'update' | 'replace' | 'delete',
  resource: PlanResource,
  fields: FieldChange[] = [],
): ApplyStep {
  const address = resourceAddress(resource);
  return {
    id: `${kind}:${address}`,
    kind,
    address,
    dependsOn: [],
    change: {
      address,
      type: resource.type,
      action,
      before: action === 'create' ? null : resource,
      after: action === 'delete' ? null : resource,
      fields,
    },
  };
}

function row(
  resource: PlanResource,
  extra: Partial<SessionResource> = {},
): SessionResource {
  return {
    address: resourceAddress(resource),
    type: resource.type,
    region: null,
    cloudId: null,
    replacedCloudId: null,
    status: 'available',
    desired: resource as unknown as Record<string, unknown>,
    actual: {},
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const state = (
  resource: PlanResource,
  cloudId: string,
  status: string,
): CloudResourceState => ({
  type: resource.type,
  cloudId,
  status,
  attributes: {},
  tags: {},
});

function setUp(
  apply: (
    options: CloudApplyOptions,
  ) => Promise<CloudResourceState | undefined>,
  settings: Partial<OperationSettings> = {},
  renew: () => Promise<boolean> = async () => true,
) {
  const saved: Array<{
    cloudId: string | null;
    status: string;
    region?: string | null;
  }> = [];
  const steps: Array<{ step: string; status: string; message: string | null }> =
    [];
  const store = {
    appendStep: async (s: {
      step: string;
      status: string;
      message: string | null;
    }) => {
      steps.push({ step: s.step, status: s.status, message: s.message });
    },
    saveResource: async ({ resource }: { resource: SaveRow }) => {
      saved.push({
        cloudId: resource.cloudId,
        status: resource.status,
        region: resource.region,
      });
    },
    deleteResource: async () => {},
  } as unknown as SessionStore;
  const locks = { renew } as unknown as LockStore;
  const calls: CloudApplyOptions[] = [];
  const provider: CloudProvider = {
    id: 'fake',
    simulated: true,
    resolveImage: async () => undefined,
    describe: async () => [],
    apply: async options => {
      calls.push(options);
      return apply(options);
    },
  };
  const runner = new OperationRunner({
    store,
    locks,
    logger: mockServices.logger.mock(),
    settings: {
      concurrency: 2,
      leaseMillis: 150,
      retryBaseMillis: 1,
      ...settings,
    },
  });
  const plan = (
    s: ApplyStep[],
    resources: SessionResource[] = [],
  ): OperationPlan => ({
    sessionId: 'session-1',
    owner: 'user:default/ada',
    operationId: 'op-1',
    provider,
    region: 'eu-west-1',
    account: 'sandbox',
    planTags: {},
    revisionSeq: 2,
    steps: s,
    resources,
  });
  return { runner, plan, calls, saved, steps };
}

type SaveRow = Omit<SessionResource, 'updatedAt'>;

const throttled = () =>
  new CloudError({
    kind: 'throttled',
    code: 'RequestLimitExceeded',
    message: 'slow down',
  });

describe('OperationRunner', () => {
  it('retries what the cloud says to retry, a bounded number of times', async () => {
    let failures = 2;
    const { runner, plan, calls } = setUp(async () => {
      if (failures-- > 0) {
        throw throttled();
      }
      return state(bucket, 'assets-1', 'available');
    });
    await runner.run(plan([step('create', 'create', bucket)]));
    expect(calls).toHaveLength(3);

    const always = setUp(
      async () => {
        throw throttled();
      },
      { maxAttempts: 3 },
    );
    await expect(
      always.runner.run(always.plan([step('create', 'create', bucket)])),
    ).rejects.toThrow('slow down');
    expect(always.calls).toHaveLength(3);
    expect(always.steps.at(-1)).toEqual({
      step: 'create:aws_s3_bucket.assets',
      status: 'failed',
      message: 'slow down',
    });

    const invalid = setUp(async () => {
      throw new CloudError({ kind: 'invalid', message: 'no such type' });
    });
    await expect(
      invalid.runner.run(invalid.plan([step('create', 'create', bucket)])),
    ).rejects.toThrow('no such type');
    expect(invalid.calls).toHaveLength(1);
  });

  it('tags every create with its client token and records states until usable', async () => {
    const { runner, plan, calls, saved } = setUp(async options => {
      await options.onProgress?.(state(web, 'i-1', 'pending'));
      return state(web, 'i-1', 'running');
    });
    await runner.run(plan([step('create', 'create', web)]));
    const change = calls[0].change;
    if (change.action !== 'create') {
      throw new Error('expected a create');
    }
    const token = clientToken('session-1', 'aws_instance.web', 2);
    expect(change.clientToken).toBe(token);
    expect(change.tags).toMatchObject({
      [INTENT_TAGS.session]: 'session-1',
      [INTENT_TAGS.address]: 'aws_instance.web',
      [INTENT_TAGS.creationToken]: token,
    });
    expect(calls[0]).toMatchObject({ region: 'eu-west-1', account: 'sandbox' });
    expect(calls[0].signal).toBeInstanceOf(AbortSignal);
    expect(saved).toEqual([
      { cloudId: 'i-1', status: 'pending', region: 'eu-west-1' },
      { cloudId: 'i-1', status: 'running', region: 'eu-west-1' },
    ]);
  });

  it('tells the provider which fields an update changes', async () => {
    const { runner, plan, calls } = setUp(async () =>
      state(web, 'i-1', 'running'),
    );
    await runner.run(
      plan(
        [
          step('update', 'update', web, [
            {
              path: 'instanceType',
              before: 't3.micro',
              after: 't3.large',
              forcesReplacement: false,
            },
            {
              path: 'rootVolume.sizeGb',
              before: 8,
              after: 20,
              forcesReplacement: false,
            },
          ]),
        ],
        [row(web, { cloudId: 'i-1', region: 'us-east-1' })],
      ),
    );
    expect(calls[0].region).toBe('us-east-1');
    expect(calls[0].change).toMatchObject({
      action: 'update',
      cloudId: 'i-1',
      changedFields: ['instanceType', 'rootVolume.sizeGb'],
    });
  });

  it('deletes each resource in the region it was created in', async () => {
    const { runner, plan, calls, saved } = setUp(async options =>
      options.change.action === 'delete'
        ? undefined
        : state(bucket, 'assets-new', 'available'),
    );
    const create = step('create', 'replace', bucket);
    const remove = {
      ...step('delete', 'replace', bucket),
      dependsOn: [create.id],
    };
    await runner.run(
      plan(
        [create, remove, step('delete', 'delete', web)],
        [
          row(bucket, { cloudId: 'assets-old', region: 'us-east-1' }),
          row(web, { cloudId: 'i-1' }),
        ],
      ),
    );
    const byTarget = Object.fromEntries(
      calls.map(c => [
        c.change.action === 'create'
          ? 'create'
          : (c.change as { cloudId: string }).cloudId,
        c.region,
      ]),
    );
    expect(byTarget).toEqual({
      // the new bucket goes to the operation's region ...
      create: 'eu-west-1',
      // ... the old one is deleted where it was, though its row moved on
      'assets-old': 'us-east-1',
      // a row without a region of its own is in the operation's region
      'i-1': 'eu-west-1',
    });
    expect(saved.at(-1)).toEqual({
      cloudId: 'assets-new',
      status: 'available',
      region: 'eu-west-1',
    });
  });

  it('deletes a named bucket before creating its replacement', async () => {
    const named = planResourceSchema.parse({
      type: 'aws_s3_bucket',
      name: 'assets',
      bucketName: 'team-assets-1',
    });
    const { runner, plan, calls, saved } = setUp(async options =>
      options.change.action === 'delete'
        ? undefined
        : state(named, 'team-assets-1', 'available'),
    );
    const remove = step('delete', 'replace', named);
    const create = {
      ...step('create', 'replace', named),
      dependsOn: [remove.id],
    };
    await runner.run(
      plan([remove, create], [row(named, { cloudId: 'team-assets-old' })]),
    );
    expect(
      calls.map(c =>
        c.change.action === 'delete'
          ? `delete ${(c.change as { cloudId: string }).cloudId}`
          : c.change.action,
      ),
    ).toEqual(['delete team-assets-old', 'create']);
    expect(saved).toEqual([
      { cloudId: null, status: 'deleted', region: null },
      { cloudId: 'team-assets-1', status: 'available', region: 'eu-west-1' },
    ]);
  });

  it('aborts cloud calls in flight when the lock is lost', async () => {
    let signal: AbortSignal | undefined;
    const { runner, plan } = setUp(
      options =>
        new Promise((_resolve, reject) => {
          signal = options.signal;
          options.signal!.addEventListener('abort', () =>
            reject(options.signal!.reason),
          );
        }),
      { leaseMillis: 150 },
      async () => false,
    );
    await expect(
      runner.run(plan([step('create', 'create', web)])),
    ).rejects.toThrow('was lost');
    expect(signal?.aborted).toBe(true);
  });

  it('fails a call that takes longer than readyTimeoutMillis', async () => {
    const { runner, plan } = setUp(
      options =>
        new Promise((_resolve, reject) => {
          options.signal!.addEventListener('abort', () =>
            reject(options.signal!.reason),
          );
        }),
      { readyTimeoutMillis: 50 },
    );
    await expect(
      runner.run(plan([step('create', 'create', web)])),
    ).rejects.toThrow('did not finish within 50 ms');
  });
});

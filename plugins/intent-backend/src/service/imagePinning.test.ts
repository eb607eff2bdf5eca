// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInstance,
  diffPlans,
  InstanceImage,
  Plan,
  planSchema,
  Revision,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudProvider,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { assertImagesPinned, pinImages } from './imagePinning';

const image = (version: string, id?: string): InstanceImage => ({
  os: 'ubuntu',
  version,
  architecture: 'x86_64',
  ...(id ? { id } : {}),
});

const plan = (
  region: string,
  instances: Array<{ name: string; image: InstanceImage }>,
): Plan =>
  planSchema.parse({
    formatVersion: 1,
    region,
    resources: [
      ...instances.map(i => ({
        type: 'aws_instance',
        name: i.name,
        instanceType: 't3.micro',
        image: i.image,
      })),
      { type: 'aws_s3_bucket', name: 'data' },
    ],
  });

const instances = (p: Plan) =>
  p.resources.filter((r): r is AwsInstance => r.type === 'aws_instance');

interface FakeCloud {
  generation: number;
  calls: Array<{ region: string; image: InstanceImage }>;
  provider: CloudProvider;
}

/** A cloud whose catalog has ubuntu 22.04 and 24.04; `generation` moves its ids on. */
function fakeCloud(): FakeCloud {
  const calls: FakeCloud['calls'] = [];
  const cloud: FakeCloud = {
    generation: 1,
    calls,
    provider: {
      id: 'fake',
      simulated: true,
      describe: async () => [],
      apply: async () => undefined,
      resolveImage: async ({ region, image: wanted }) => {
        calls.push({ region, image: wanted });
        if (!['22.04', '24.04'].includes(wanted.version)) {
          return undefined;
        }
        const digits: string = `${wanted.version.replace('.', '')}${
          cloud.generation
        }${region === 'eu-west-1' ? 1 : 2}`.padStart(8, '0');
        return { imageId: `ami-${digits}` };
      },
    },
  };
  return cloud;
}

describe('pinImages', () => {
  it('resolves every instance image in the plan region on create, once per image', async () => {
    const cloud = fakeCloud();
    const result = await pinImages({
      plan: plan('eu-west-1', [
        { name: 'web', image: image('24.04') },
        { name: 'worker', image: image('24.04') },
      ]),
      provider: () => cloud.provider,
    });
    expect(instances(result.plan).map(i => i.image)).toEqual([
      image('24.04', 'ami-00240411'),
      image('24.04', 'ami-00240411'),
    ]);
    expect(result.questions).toEqual([]);
    expect(cloud.calls).toEqual([
      { region: 'eu-west-1', image: image('24.04') },
    ]);
    // Other resources are untouched.
    expect(result.plan.resources[2]).toEqual(
      plan('eu-west-1', []).resources[0],
    );
  });

  it('keeps the pinned id on an unrelated follow-up, even when the cloud has a newer image', async () => {
    const cloud = fakeCloud();
    const first = await pinImages({
      plan: plan('eu-west-1', [{ name: 'web', image: image('24.04') }]),
      provider: () => cloud.provider,
    });
    cloud.generation = 2;
    // The planner's next plan may or may not carry the id over.
    const followUp = plan('eu-west-1', [
      { name: 'web', image: image('24.04') },
      { name: 'db', image: image('22.04') },
    ]);
    const provider = jest.fn(() => cloud.provider);
    const second = await pinImages({
      plan: followUp,
      current: first.plan,
      prior: null,
      provider,
    });
    expect(instances(second.plan).map(i => i.image.id)).toEqual([
      'ami-00240411',
      'ami-00220421',
    ]);
    expect(cloud.calls.map(c => c.image.version)).toEqual(['24.04', '22.04']);

    // Nothing to resolve: the cloud is not even asked for.
    provider.mockClear();
    const third = await pinImages({
      plan: second.plan,
      current: second.plan,
      provider,
    });
    expect(third.plan).toEqual(second.plan);
    expect(provider).not.toHaveBeenCalled();
  });

  it('keeps what runs when the latest revision went elsewhere and came back', async () => {
    const cloud = fakeCloud();
    const applied = plan('eu-west-1', [
      { name: 'web', image: image('24.04', 'ami-00240411') },
    ]);
    const detour = plan('eu-west-1', [
      { name: 'web', image: image('22.04', 'ami-00220411') },
    ]);
    cloud.generation = 2;
    const back = await pinImages({
      plan: plan('eu-west-1', [{ name: 'web', image: image('24.04') }]),
      current: detour,
      prior: applied,
      provider: () => cloud.provider,
    });
    expect(instances(back.plan)[0].image.id).toBe('ami-00240411');
    expect(cloud.calls).toEqual([]);
  });

  it('resolves again when the version, the region or the address changes', async () => {
    const cloud = fakeCloud();
    const current = plan('eu-west-1', [
      { name: 'web', image: image('24.04', 'ami-00240411') },
    ]);
    const version = await pinImages({
      plan: plan('eu-west-1', [{ name: 'web', image: image('22.04') }]),
      current,
      provider: () => cloud.provider,
    });
    expect(instances(version.plan)[0].image.id).toBe('ami-00220411');

    const region = await pinImages({
      plan: plan('eu-central-1', [{ name: 'web', image: image('24.04') }]),
      current,
      provider: () => cloud.provider,
    });
    expect(instances(region.plan)[0].image.id).toBe('ami-00240412');

    cloud.generation = 3;
    const renamed = await pinImages({
      plan: plan('eu-west-1', [{ name: 'api', image: image('24.04') }]),
      current,
      provider: () => cloud.provider,
    });
    expect(instances(renamed.plan)[0].image.id).toBe('ami-00240431');
  });

  it('ignores an id the planner made up', async () => {
    const cloud = fakeCloud();
    const result = await pinImages({
      plan: plan('eu-west-1', [
        { name: 'web', image: image('24.04', 'ami-0123456789abcdef0') },
      ]),
      provider: () => cloud.provider,
    });
    expect(instances(result.plan)[0].image.id).toBe('ami-00240411');
  });

  it('asks for another version when the cloud has no such image, and pins nothing', async () => {
    const cloud = fakeCloud();
    const result = await pinImages({
      plan: plan('eu-west-1', [
        { name: 'web', image: image('31.04') },
        { name: 'worker', image: image('31.04') },
        { name: 'db', image: image('24.04') },
      ]),
      provider: () => cloud.provider,
    });
    expect(result.questions).toEqual([
      'No ubuntu 31.04 x86_64 image in eu-west-1: choose another version',
    ]);
    expect(instances(result.plan).map(i => i.image.id)).toEqual([
      undefined,
      undefined,
      'ami-00240411',
    ]);
    expect(instances(result.plan)[0].image).not.toHaveProperty('id');
  });

  it('answers 503 when the cloud cannot resolve, after retrying what it says to retry', async () => {
    const cloud = fakeCloud();
    let throttled = 1;
    const flaky: CloudProvider = {
      ...cloud.provider,
      resolveImage: async options => {
        if (throttled-- > 0) {
          throw new CloudError({ kind: 'throttled', message: 'slow down' });
        }
        return cloud.provider.resolveImage(options);
      },
    };
    const result = await pinImages({
      plan: plan('eu-west-1', [{ name: 'web', image: image('24.04') }]),
      provider: () => flaky,
    });
    expect(instances(result.plan)[0].image.id).toBe('ami-00240411');

    const broken: CloudProvider = {
      ...cloud.provider,
      resolveImage: async () => {
        throw new CloudError({ kind: 'auth', message: 'no credentials' });
      },
    };
    await expect(
      pinImages({
        plan: plan('eu-west-1', [{ name: 'web', image: image('24.04') }]),
        provider: () => broken,
      }),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^The fake cloud could not resolve the ubuntu 24.04 x86_64 image in eu-west-1.*no credentials/,
      ),
    });
  });
});

describe('assertImagesPinned', () => {
  it('refuses a revision with instances whose image is not pinned, naming them', () => {
    const revision = (p: Plan) => ({ seq: 3, plan: p } as Revision);
    expect(() =>
      assertImagesPinned(
        revision(
          plan('eu-west-1', [
            { name: 'web', image: image('24.04', 'ami-00240411') },
          ]),
        ),
      ),
    ).not.toThrow();
    expect(() =>
      assertImagesPinned(
        revision(
          plan('eu-west-1', [
            { name: 'web', image: image('24.04', 'ami-00240411') },
            { name: 'old', image: image('31.04') },
          ]),
        ),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: expect.stringContaining(
          'Revision 3 cannot be applied: no image was resolved in eu-west-1 for aws_instance.old (ubuntu 31.04 x86_64)',
        ),
      }),
    );
  });
});

describe('the diff of a pinned image', () => {
  it('says which image an instance is replaced for', () => {
    const before = plan('eu-west-1', [
      { name: 'web', image: image('24.04', 'ami-00240411') },
    ]);
    const after = plan('eu-west-1', [
      { name: 'web', image: image('24.04', 'ami-00240421') },
    ]);
    const diff = diffPlans(before, after);
    expect(diff.changes[0]).toMatchObject({
      address: 'aws_instance.web',
      action: 'replace',
      reason: 'image ami-00240411 \u2192 ami-00240421',
    });
    expect(diff.changes[1]).toMatchObject({ action: 'noop' });
    expect(diff.changes[1]).not.toHaveProperty('reason');
  });
});

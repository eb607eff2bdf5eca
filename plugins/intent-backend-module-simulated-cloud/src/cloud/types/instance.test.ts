// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  InstanceImage,
  planResourceSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { findImage, findImageById } from '../catalog';
import { SimulatedCloudProvider } from '../SimulatedCloudProvider';

jest.setTimeout(60_000);

const REGION = 'eu-west-1';
const ubuntu = (version: string): InstanceImage => ({
  os: 'ubuntu',
  version,
  architecture: 'x86_64',
});

describe('findImageById', () => {
  it('finds a catalog image by its id in its region only', () => {
    const image = findImage(REGION, ubuntu('22.04'))!;
    expect(findImageById(REGION, image.imageId)).toEqual({
      ...image,
      image: ubuntu('22.04'),
    });
    expect(findImageById('eu-central-1', image.imageId)).toBeUndefined();
    expect(findImageById(REGION, 'ami-0123456789abcdef0')).toBeUndefined();
  });
});

describe('instances of the simulated cloud', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let cloud: SimulatedCloudProvider;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      cloud = await SimulatedCloudProvider.create({
        knex,
        options: { bootMillis: 0 },
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    async function create(image: InstanceImage, token: string) {
      return cloud.apply({
        region: REGION,
        change: {
          action: 'create',
          resource: planResourceSchema.parse({
            type: 'aws_instance',
            name: 'web',
            instanceType: 't3.micro',
            image,
          }),
          clientToken: token,
          tags: {
            [INTENT_TAGS.session]: 'session-1',
            [INTENT_TAGS.address]: 'aws_instance.web',
            [INTENT_TAGS.creationToken]: token,
          },
        },
        resolved: {},
      });
    }

    it('runs the image the plan pinned', async () => {
      const pinned = (await cloud.resolveImage({
        region: REGION,
        image: ubuntu('24.04'),
      }))!.imageId;
      const state = await create({ ...ubuntu('24.04'), id: pinned }, 't-1');
      expect(state!.attributes).toMatchObject({
        imageId: pinned,
        image: { ...ubuntu('24.04'), id: pinned },
      });
      // Without a pinned id (a plan from before ids were pinned), the
      // catalog's image for os, version and architecture.
      const unpinned = await create(ubuntu('24.04'), 't-2');
      expect(unpinned!.attributes.imageId).toBe(pinned);
    });

    it('refuses an image id it does not know, or one that is another image', async () => {
      const unknown = await create(
        { ...ubuntu('24.04'), id: 'ami-0123456789abcdef0' },
        't-1',
      ).catch(e => e);
      expect(CloudError.isCloudError(unknown)).toBe(true);
      expect(unknown).toMatchObject({ kind: 'invalid', retryable: false });
      expect(unknown.message).toContain(
        "Invalid value 'ami-0123456789abcdef0' for ImageId",
      );

      const other = findImage(REGION, ubuntu('22.04'))!.imageId;
      const mismatch = await create(
        { ...ubuntu('24.04'), id: other },
        't-2',
      ).catch(e => e);
      expect(mismatch).toMatchObject({ kind: 'invalid' });
      expect(mismatch.message).toContain(
        `Image ${other} is ubuntu 22.04 x86_64, not the ubuntu 24.04 x86_64`,
      );
    });
  });
});

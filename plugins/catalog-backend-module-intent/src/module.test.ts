// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogLocationsExtensionPoint,
  catalogLocationsExtensionPoint,
  CatalogProcessingExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModuleIntent } from './module';
import { IntentPolicyProcessor } from './processor';

describe('catalogModuleIntent', () => {
  it('adds the IntentPolicy processor to the catalog', async () => {
    const extensionPoint = {
      addProcessor: jest.fn(),
      addEntityProvider: jest.fn(),
      addPlaceholderResolver: jest.fn(),
      setOnProcessingErrorHandler: jest.fn(),
    } satisfies CatalogProcessingExtensionPoint;

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, extensionPoint],
        [
          catalogLocationsExtensionPoint,
          { setAllowedLocationTypes: jest.fn() },
        ],
      ],
      features: [catalogModuleIntent],
    });

    expect(extensionPoint.addProcessor).toHaveBeenCalledTimes(1);
    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(IntentPolicyProcessor),
    );
    expect(extensionPoint.addEntityProvider).not.toHaveBeenCalled();
  });

  it.each([
    ['on', { localGitDirectory: '../../data/promoted' }, [[['url', 'file']]]],
    ['off', undefined, []],
  ])(
    'allows file locations only when local promotion is %s',
    async (_, promotion, calls) => {
      const locations = {
        setAllowedLocationTypes: jest.fn(),
      } satisfies CatalogLocationsExtensionPoint;

      await startTestBackend({
        extensionPoints: [
          [
            catalogProcessingExtensionPoint,
            {
              addProcessor: jest.fn(),
              addEntityProvider: jest.fn(),
              addPlaceholderResolver: jest.fn(),
              setOnProcessingErrorHandler: jest.fn(),
            },
          ],
          [catalogLocationsExtensionPoint, locations],
        ],
        features: [
          catalogModuleIntent,
          mockServices.rootConfig.factory({
            data: promotion ? { intent: { promotion } } : {},
          }),
        ],
      });

      expect(locations.setAllowedLocationTypes.mock.calls).toEqual(calls);
    },
  );
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startTestBackend } from '@backstage/backend-test-utils';
import {
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
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [catalogModuleIntent],
    });

    expect(extensionPoint.addProcessor).toHaveBeenCalledTimes(1);
    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(IntentPolicyProcessor),
    );
    expect(extensionPoint.addEntityProvider).not.toHaveBeenCalled();
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startTestBackend } from '@backstage/backend-test-utils';
import {
  ScaffolderActionsExtensionPoint,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderModuleIntent } from './module';

describe('scaffolderModuleIntent', () => {
  it('adds the intent actions to the scaffolder', async () => {
    const extensionPoint = {
      addActions: jest.fn(),
    } satisfies ScaffolderActionsExtensionPoint;

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, extensionPoint]],
      features: [scaffolderModuleIntent, catalogServiceMock.factory()],
    });

    expect(extensionPoint.addActions).toHaveBeenCalledTimes(1);
    expect(
      extensionPoint.addActions.mock.calls.flat().map(action => action.id),
    ).toEqual([
      'intent:session:fetch',
      'intent:session:export',
      'intent:publish:local-git',
      'intent:catalog:register-file',
      'intent:session:promote',
    ]);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import { readActionSettings } from './context';

const settingsOf = (actions: Record<string, unknown>) =>
  readActionSettings(
    mockServices.rootConfig({ data: { intent: { actions } } as any }),
  );

describe('readActionSettings', () => {
  it('refuses services by default', () => {
    expect(settingsOf({})).toEqual({
      allowServicePrincipals: false,
      serviceActor: 'user:default/intent-automation',
    });
  });

  it('reads the user services act as', () => {
    expect(
      settingsOf({
        allowServicePrincipals: true,
        serviceActor: 'user:default/ci-bot',
      }),
    ).toEqual({
      allowServicePrincipals: true,
      serviceActor: 'user:default/ci-bot',
    });
  });

  it.each(['ci-bot', 'group:default/platform', 'user:ci bot'])(
    'refuses %p as the service actor',
    serviceActor => {
      expect(() => settingsOf({ serviceActor })).toThrow(
        `intent.actions.serviceActor must be a user entity ref such as user:default/intent-automation, got ${serviceActor}`,
      );
    },
  );
});

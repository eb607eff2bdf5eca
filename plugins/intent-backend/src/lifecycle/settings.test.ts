// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import { readLifecycleSettings } from './settings';

const settings = (intent: object) =>
  readLifecycleSettings(mockServices.rootConfig({ data: { intent } }));

describe('readLifecycleSettings: the idle rule', () => {
  it('is off unless the policy sets it', () => {
    expect(settings({}).idle).toBeNull();
    expect(
      settings({ policy: { baseline: { maxTtlHours: 24 } } }).idle,
    ).toBeNull();
  });

  it('reads the limits in hours', () => {
    expect(
      settings({
        policy: { idle: { warnAfterHours: 24, destroyAfterHours: 36 } },
      }).idle,
    ).toEqual({ warnAfterMillis: 86_400_000, destroyAfterMillis: 129_600_000 });
    expect(
      settings({
        policy: { idle: { warnAfterHours: 0.5, destroyAfterHours: 1 } },
      }).idle,
    ).toEqual({ warnAfterMillis: 1_800_000, destroyAfterMillis: 3_600_000 });
  });

  it('stops the backend with a clear error when the destroy does not come after the warning', () => {
    expect(() =>
      settings({
        policy: { idle: { warnAfterHours: 48, destroyAfterHours: 24 } },
      }),
    ).toThrow(
      new Error(
        "Invalid idle rule in config at 'intent.policy.idle': destroyAfterHours (24) must be greater than warnAfterHours (48), so that the owner is warned before the session is destroyed",
      ),
    );
    expect(() =>
      settings({
        policy: { idle: { warnAfterHours: 24, destroyAfterHours: 24 } },
      }),
    ).toThrow(
      'destroyAfterHours (24) must be greater than warnAfterHours (24)',
    );
  });

  it('needs both limits, as positive numbers', () => {
    expect(() =>
      settings({ policy: { idle: { warnAfterHours: 24 } } }),
    ).toThrow(
      new Error(
        "Invalid idle rule in config at 'intent.policy.idle.destroyAfterHours': must be a number of hours greater than zero, got undefined",
      ),
    );
    expect(() =>
      settings({
        policy: { idle: { warnAfterHours: '1d', destroyAfterHours: 48 } },
      }),
    ).toThrow(
      new Error(
        'Invalid idle rule in config at \'intent.policy.idle.warnAfterHours\': must be a number of hours greater than zero, got "1d"',
      ),
    );
    expect(() =>
      settings({
        policy: { idle: { warnAfterHours: 0, destroyAfterHours: 48 } },
      }),
    ).toThrow(
      "'intent.policy.idle.warnAfterHours': must be a number of hours greater than zero, got 0",
    );
  });
});

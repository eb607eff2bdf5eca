// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import { readMillis } from './module';

const boot = (simulated: object) =>
  readMillis(
    mockServices.rootConfig({ data: { intent: { simulated } } }),
    'intent.simulated.boot',
    'intent.simulated.bootMillis',
    1500,
  );

describe('readMillis', () => {
  it('reads a duration, the deprecated milliseconds, or the default', () => {
    expect(boot({ boot: '2s' })).toBe(2000);
    expect(boot({ boot: { milliseconds: 0 } })).toBe(0);
    expect(boot({ bootMillis: 20 })).toBe(20);
    expect(boot({ boot: '1s', bootMillis: 20 })).toBe(1000);
    expect(boot({})).toBe(1500);
  });

  it('names the key of an invalid value', () => {
    expect(() => boot({ boot: 'later' })).toThrow(
      /Invalid duration in config at 'intent\.simulated\.boot'/,
    );
    expect(() => boot({ boot: { seconds: -1 } })).toThrow(
      /Invalid duration in config at 'intent\.simulated\.boot': must not be negative/,
    );
    expect(() => boot({ bootMillis: -5 })).toThrow(
      'intent.simulated.bootMillis must not be negative, got -5',
    );
  });
});

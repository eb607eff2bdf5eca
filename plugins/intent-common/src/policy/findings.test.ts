// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { compareVerdicts, PolicyVerdict, verdictOf } from './findings';

describe('verdictOf', () => {
  it('is allow without findings', () => {
    expect(verdictOf([])).toBe('allow');
  });

  it('is the strictest outcome: deny over require-approval over warn', () => {
    expect(verdictOf([{ outcome: 'warn' }])).toBe('warn');
    expect(
      verdictOf([{ outcome: 'warn' }, { outcome: 'require-approval' }]),
    ).toBe('require-approval');
    expect(
      verdictOf([
        { outcome: 'require-approval' },
        { outcome: 'deny' },
        { outcome: 'warn' },
      ]),
    ).toBe('deny');
  });
});

describe('compareVerdicts', () => {
  it('sorts the strictest first', () => {
    const verdicts: PolicyVerdict[] = [
      'warn',
      'allow',
      'deny',
      'require-approval',
    ];
    expect([...verdicts].sort(compareVerdicts)).toEqual([
      'deny',
      'require-approval',
      'warn',
      'allow',
    ]);
  });
});

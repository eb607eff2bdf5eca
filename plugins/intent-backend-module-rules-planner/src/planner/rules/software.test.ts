// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchSoftware } from './software';
import { matchOutOfScope } from './outOfScope';

describe('matchSoftware', () => {
  it.each([
    ['with nginx', ['nginx']],
    ['docker installed', ['docker']],
    ['an apache server', ['apache']],
    ['python 3 and git', ['python3', 'git']],
    ['node.js and the aws cli', ['nodejs', 'awscli']],
    ['three nodes', []],
    ['apache kafka', []],
  ])('%j → %j', (text, ids) => {
    expect(matchSoftware(text, 'ubuntu').ids).toEqual(ids);
  });

  it('installs nothing on windows and says so', () => {
    const found = matchSoftware('with nginx', 'windows-server');
    expect(found.ids).toEqual([]);
    expect(found.notes.outOfScope[0]).toMatch(/Linux only/);
  });

  it('lists unknown software as out of scope', () => {
    expect(matchOutOfScope('a t3.micro running pi-hole').join(' ')).toMatch(
      /pi-hole is not in the vetted software catalogue/,
    );
  });
});

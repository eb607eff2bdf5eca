// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { correctSpelling } from './spelling';
import { normaliseIntent, toResourceName } from './text';

describe('normaliseIntent', () => {
  it.each([
    ['A T3 Micro with Ubuntu', 'a t3.micro with ubuntu'],
    ['three t3-small boxes', '3 t3.small boxes'],
    ['a couple of VMs', '2 vms'],
    ['ubunut isntance, shh from my ip', 'ubuntu instance, ssh from my ip'],
    ['rhel9 and debian12', 'rhel 9 and debian 12'],
    ['ubuntu 2204', 'ubuntu 22.04'],
    ['t3.micro w/ docker & nginx', 't3.micro with docker and nginx'],
    ['c7g.large + 1x t3.small', 'c7g.large and 1x t3.small'],
    ['ec2 small', 'ec2 small'],
    ['a box in stockhlom', 'a box in stockholm'],
  ])('%j → %j', (input, output) => {
    expect(normaliseIntent(input)).toBe(output);
  });

  it('turns list lines into clauses', () => {
    expect(normaliseIntent('- t3.micro\n* ubuntu\n2. eu-west-1\n')).toBe(
      't3.micro; ubuntu; eu-west-1',
    );
  });
});

describe('correctSpelling', () => {
  it.each([
    ['stockhlom', 'stockholm'],
    ['singpaore', 'singapore'],
    ['firday', 'friday'],
    ['debain', 'debian'],
    ['londn', 'london'],
  ])('corrects %s', (word, expected) => {
    expect(correctSpelling(word)).toBe(expected);
  });

  it.each([
    'pairs',
    'serve',
    'servers',
    'publicly',
    'unencrypted',
    'machines',
    'instant',
    'internal',
  ])('leaves %s alone', word => {
    expect(correctSpelling(word)).toBe(word);
  });
});

describe('toResourceName', () => {
  it.each([
    ['build-box', 'build_box'],
    ['Acme.Logs-2026', 'acme_logs_2026'],
    ['2fast', 'fast'],
    ['---', undefined],
  ])('%j → %j', (input, output) => {
    expect(toResourceName(input)).toBe(output);
  });
});

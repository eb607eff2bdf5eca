// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from '../rulesPlanner';

const now = new Date('2026-12-02T10:00:00Z');

function plan(intent: string): Plan {
  return planWithRules({ intent, now }).plan;
}

function followUp(current: Plan, intent: string) {
  return planWithRules({ intent, current, now });
}

function softwareOf(p: Plan, address = 'aws_instance.sandbox') {
  return (
    p.resources.find(r => resourceAddress(r) === address) as Record<string, any>
  ).software;
}

describe('software follow-ups', () => {
  const withNginx = plan('a t3.micro with ubuntu 24.04 and nginx');

  it.each([
    ['also install docker', ['nginx', 'docker']],
    ['add git and jq', ['nginx', 'git', 'jq']],
    ['install python 3 on it', ['nginx', 'python3']],
    ['uninstall nginx', []],
    ['remove nginx, add apache', ['apache']],
    ["don't install nginx", []],
    ['install nginx', ['nginx']],
  ])('%j → %j', (intent, software) => {
    const result = followUp(withNginx, intent);
    expect(softwareOf(result.plan)).toEqual(software);
  });

  it('says what changed, and that the machine is replaced for it', () => {
    const result = followUp(withNginx, 'also install docker');
    expect(result.modification).toContain(
      'aws_instance.sandbox: software nginx → nginx, docker',
    );
    expect(result.questions).toEqual([]);
  });

  it('changes only the machine named', () => {
    const two = plan(
      'an ubuntu t3.micro called web with nginx and an ubuntu t3.micro called worker with nginx',
    );
    const result = followUp(two, 'install docker on worker');
    expect(softwareOf(result.plan, 'aws_instance.web')).toEqual(['nginx']);
    expect(softwareOf(result.plan, 'aws_instance.worker')).toEqual([
      'nginx',
      'docker',
    ]);
  });

  it('puts software on Windows out of scope instead of guessing', () => {
    const windows = plan('a t3.medium with windows server 2022');
    const result = followUp(windows, 'install git');
    expect(softwareOf(result.plan)).toEqual([]);
    expect(result.outOfScope.join(' ')).toContain(
      'software is installed at first boot on Linux only',
    );
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { runDag } from './runDag';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('runDag', () => {
  it('runs dependencies first and independent nodes in parallel up to the limit', async () => {
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    await runDag(
      [
        { id: 'a', dependsOn: [] },
        { id: 'b', dependsOn: [] },
        { id: 'c', dependsOn: [] },
        { id: 'd', dependsOn: ['a', 'b'] },
      ],
      2,
      async node => {
        active++;
        peak = Math.max(peak, active);
        log.push(`start ${node.id}`);
        await sleep(10);
        log.push(`end ${node.id}`);
        active--;
      },
    );
    expect(peak).toBe(2);
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end a'));
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end b'));
    expect(log.filter(l => l.startsWith('start'))).toHaveLength(4);
  });

  it('starts nothing new after a failure and rethrows it', async () => {
    const started: string[] = [];
    await expect(
      runDag(
        [
          { id: 'a', dependsOn: [] },
          { id: 'b', dependsOn: ['a'] },
        ],
        4,
        async node => {
          started.push(node.id);
          throw new Error(`boom ${node.id}`);
        },
      ),
    ).rejects.toThrow('boom a');
    expect(started).toEqual(['a']);
  });

  it('refuses a cycle instead of hanging', async () => {
    await expect(
      runDag(
        [
          { id: 'a', dependsOn: ['b'] },
          { id: 'b', dependsOn: ['a'] },
        ],
        2,
        async () => {},
      ),
    ).rejects.toThrow('dependency cycle');
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { allocateNames, matchInstanceName } from './names';
import { layoutOf } from './segments';
import { normaliseIntent } from './text';

const layout = (text: string) => layoutOf(normaliseIntent(text));
const groups = (text: string) =>
  layout(text).instances.map(i => [i.anchor.count, i.anchor.role ?? '-']);

describe('layoutOf', () => {
  it.each([
    ['a t3.micro', [[1, '-']]],
    ['a t3.micro ubuntu box', [[1, '-']]],
    [
      '2x t3.small and a t3.large',
      [
        [2, '-'],
        [1, '-'],
      ],
    ],
    ['t3.micro x3', [[3, '-']]],
    [
      'three web servers and a db server',
      [
        [3, 'web'],
        [1, 'db'],
      ],
    ],
    ['a web server, t3.large', [[1, 'web']]],
    ['a t3.medium gitlab runner', [[1, 'runner']]],
    ['bastion t3.nano', [[1, 'bastion']]],
    ['debian 12 t3.small', [[1, '-']]],
    ['ubuntu 22.04 t3.micro', [[1, '-']]],
    ['a machine with 2 vcpus', [[1, '-']]],
    ['os=ubuntu, type=t3.large, count=3', [[3, '-']]],
    ['some t3.micro instances', [[undefined, '-']]],
    ['an ubuntu box in eu-west-1', [[1, '-']]],
    ['ubuntu please', [[1, '-']]],
    ['an s3 bucket', []],
  ])('%j → %j', (text, expected) => {
    expect(groups(text)).toEqual(expected);
  });

  it('reads a machine mentioned while setting the scene as the one asked for', () => {
    expect(
      groups(
        "I'm building a demo web server. Can you give me a t3.small with debian?",
      ),
    ).toEqual([[1, 'web']]);
  });

  it('gives words before the first machine, and "all"/"both" clauses, to every machine', () => {
    const found = layout(
      'in eu-west-1: an ubuntu box and a windows box, both t3.large',
    );
    expect(found.shared).toContain('in eu-west-1');
    expect(found.shared).toContain('both t3.large');
    expect(found.instances[1].own).not.toContain('t3.large');
  });

  it('moves a clause that names another group to it', () => {
    const found = layout(
      'two web servers and a db server, web open 443 to the world',
    );
    expect(found.instances[0].own).toContain('web open 443');
    expect(found.instances[1].own).not.toContain('443');
  });

  it('ends a bucket at the first clause that is not about it', () => {
    const found = layout(
      'a t3.micro with a versioned bucket, kms, ssh from 10.0.0.0/8',
    );
    expect(found.buckets[0].own).toBe('a versioned bucket, kms');
    expect(found.instances[0].own).toContain('ssh from 10.0.0.0/8');
  });
});

describe('matchInstanceName', () => {
  it.each([
    ['a t3.micro named build-box', 'build_box'],
    ['called web', 'web'],
    ['a bucket named logs', undefined],
    ['a key pair named ci and a t3.micro', undefined],
    ['name it after the team', undefined],
  ])('%j → %p', (text, name) => {
    expect(matchInstanceName(text)).toBe(name);
  });
});

describe('allocateNames', () => {
  it('names one, several, and continues after taken names', () => {
    expect(allocateNames('web', 1, new Set())).toEqual(['web']);
    expect(allocateNames('web', 3, new Set())).toEqual([
      'web_1',
      'web_2',
      'web_3',
    ]);
    expect(allocateNames('web', 2, new Set(['web']))).toEqual([
      'web_2',
      'web_3',
    ]);
    expect(allocateNames('web', 2, new Set(['web_1', 'web_2']))).toEqual([
      'web_3',
      'web_4',
    ]);
    expect(
      allocateNames('sandbox', 1, new Set(['sandbox_1', 'sandbox_2'])),
    ).toEqual(['sandbox_3']);
  });
});

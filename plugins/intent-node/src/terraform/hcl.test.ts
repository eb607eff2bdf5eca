// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parse } from '@cdktn/hcl2json';
import {
  escapeHclString,
  hclAttributes,
  hclBlock,
  hclComment,
  renderHclFile,
} from './hcl';
import { parseAddress, tfRef } from './references';

describe('escapeHclString', () => {
  it.each([
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\temp', 'C:\\\\temp'],
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['${var.secret}', '$${var.secret}'],
    ['%{ if true }x%{ endif }', '%%{ if true }x%%{ endif }'],
    ['$${already}', '$$${already}'],
    ['price $5 and 100%', 'price $5 and 100%'],
    ['bell\u0007', 'bell\\u0007'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHclString(input)).toBe(expected);
  });

  it('keeps every user string one literal when parsed back', async () => {
    const nasty = [
      'quote " and \\" backslash-quote',
      'trailing backslash \\',
      'interp ${aws_instance.x.id} and %{ for x in y }',
      'line1\nline2\n"}\nresource "x" "y" {',
    ];
    const content = renderHclFile([
      hclBlock(
        'resource',
        ['aws_vpc', 'main'],
        hclAttributes({
          cidr_block: '10.0.0.0/16',
          tags: Object.fromEntries(nasty.map((v, i) => [`k${i} ${v}`, v])),
        }),
      ),
    ]);
    const json = await parse('main.tf', content);
    const tags = json.resource.aws_vpc.main[0].tags;
    // hcl2json keeps template escapes as Terraform JSON writes them
    const asJson = (v: string) =>
      v.replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`);
    expect(Object.values(tags)).toEqual(nasty.map(asJson));
    expect(Object.keys(json.resource)).toEqual(['aws_vpc']);
  });
});

describe('hclComment', () => {
  it('cannot break out of a comment line', () => {
    expect(hclComment('title\nresource "x" "y" {}\r\n')).toBe(
      'title resource "x" "y" {}',
    );
  });
});

describe('tfRef', () => {
  it('writes managed and data references', () => {
    expect(tfRef('aws_security_group.ssh').text).toBe(
      'aws_security_group.ssh.id',
    );
    expect(tfRef('data.aws_key_pair.ops', 'key_name').text).toBe(
      'data.aws_key_pair.ops.key_name',
    );
    expect(parseAddress('data.aws_vpc.default')).toEqual({
      mode: 'data',
      type: 'aws_vpc',
      name: 'default',
    });
  });

  it('refuses anything that is not an address', () => {
    expect(() => tfRef('aws_vpc.main}\n"x')).toThrow(/Not a Terraform/);
    expect(() => tfRef('sg-0123')).toThrow(/Not a Terraform/);
    expect(() => tfRef('aws_vpc.main', 'id + 1')).toThrow(/Not a Terraform/);
  });
});

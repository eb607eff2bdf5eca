// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { compactRule } from '../eval/scorer';
import { blocksEgress, matchIngress } from './ingress';

const options = { address: 'aws_security_group.web' };
const rules = (
  text: string,
  context?: { clientIp?: string },
  vpcCidr?: string,
) =>
  matchIngress(text, { ...options, context, vpcCidr }).rules.map(compactRule);

describe('matchIngress', () => {
  it('pairs each source with the ports named before it', () => {
    expect(rules('ssh and http from 10.0.0.0/8, 443 to the world')).toEqual([
      'tcp 22 10.0.0.0/8',
      'tcp 80 10.0.0.0/8',
      'tcp 443 0.0.0.0/0',
    ]);
  });

  it('adds a second source to the previous ports', () => {
    expect(rules('ssh from 10.0.0.0/8 and 192.168.0.0/16')).toEqual([
      'tcp 22 10.0.0.0/8,192.168.0.0/16',
    ]);
  });

  it('lets a leading source apply to the ports after it', () => {
    expect(rules('from 203.0.113.0/24: ssh and rdp')).toEqual([
      'tcp 22 203.0.113.0/24',
      'tcp 3389 203.0.113.0/24',
    ]);
  });

  it('reads port numbers, ranges and protocols', () => {
    expect(
      rules('open port 8080 and ports 9000-9100 and udp 51820 to 10.1.0.0/16'),
    ).toEqual([
      'tcp 8080 10.1.0.0/16',
      'tcp 9000-9100 10.1.0.0/16',
      'udp 51820 10.1.0.0/16',
    ]);
  });

  it('uses the caller IP for "my IP", IPv6 included', () => {
    expect(rules('ssh from my ip', { clientIp: '203.0.113.4' })).toEqual([
      'tcp 22 203.0.113.4/32',
    ]);
    expect(rules('ssh from my ip', { clientIp: '2001:db8::1' })).toEqual([
      'tcp 22 2001:db8::1/128',
    ]);
    expect(rules('ssh from my ip', { clientIp: '::ffff:203.0.113.4' })).toEqual(
      ['tcp 22 203.0.113.4/32'],
    );
  });

  it('asks for the IP when it is not known, and opens nothing', () => {
    const found = matchIngress('ssh from my ip', options);
    expect(found.rules).toEqual([]);
    expect(found.notes.questions[0]).toContain('Your IP address is not known');
  });

  it('opens web ports to the world when no source is named, and says so', () => {
    const found = matchIngress('open 80 and 443', options);
    expect(found.rules.map(compactRule)).toEqual([
      'tcp 80 0.0.0.0/0',
      'tcp 443 0.0.0.0/0',
    ]);
    expect(found.notes.assumptions[0].field).toBe(
      'aws_security_group.web.ingress',
    );
  });

  it('asks where other ports should be reachable from', () => {
    const found = matchIngress('with ssh', options);
    expect(found.rules).toEqual([]);
    expect(found.notes.questions[0]).toContain(
      'From where should ssh be reachable',
    );
  });

  it('asks what "the office" means', () => {
    expect(
      matchIngress('ssh from the office', options).notes.questions[0],
    ).toContain('office');
  });

  it('reads "from the VPC" as the VPC block when there is one', () => {
    expect(rules('postgres from the vpc', undefined, '10.0.0.0/16')).toEqual([
      'tcp 5432 10.0.0.0/16',
    ]);
    expect(
      matchIngress('postgres from the vpc', options).notes.questions,
    ).toHaveLength(1);
  });

  it('does not read a database name or an ssh key as a port', () => {
    expect(rules('a postgres server with an ssh key')).toEqual([]);
  });

  it('does not read VPC blocks or invalid addresses as sources', () => {
    expect(rules('a vpc 10.0.0.0/16, ssh from 999.1.1.1')).toEqual([]);
  });

  it('opens everything when asked, as written (policy judges it)', () => {
    expect(rules('all traffic from anywhere')).toEqual(['all 0 0.0.0.0/0']);
  });
});

describe('blocksEgress', () => {
  it('reads a request for no outbound traffic', () => {
    expect(blocksEgress('no outbound traffic')).toBe(true);
    expect(blocksEgress('ssh from anywhere')).toBe(false);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { operatingSystems } from '../plan';
import { instanceConnection, LOGIN_USERS } from './connection';

const region = 'eu-west-1';
const cloudId = 'i-0123456789abcdef0';
const addresses = {
  publicIp: '198.18.4.7',
  privateIp: '172.31.20.9',
  publicDns: 'ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
  privateDns: 'ip-172-31-20-9.eu-west-1.compute.internal',
};

describe('instanceConnection', () => {
  it('has a login user for every OS of the plan schema', () => {
    expect(Object.keys(LOGIN_USERS).sort()).toEqual(
      [...operatingSystems].sort(),
    );
  });

  it('gives the ssh command with the OS login user and the key file', () => {
    expect(
      instanceConnection({
        image: { os: 'debian' },
        cloudId,
        region,
        attributes: { ...addresses, keyName: 'dev-laptop' },
      }),
    ).toEqual({
      address: addresses.publicDns,
      ...addresses,
      protocol: 'ssh',
      loginUser: 'admin',
      ssh: 'ssh -i dev-laptop.pem admin@ec2-198-18-4-7.eu-west-1.compute.amazonaws.com',
      ssm: 'aws ssm start-session --target i-0123456789abcdef0 --region eu-west-1',
    });
    expect(
      instanceConnection({
        image: { os: 'ubuntu' },
        cloudId,
        region,
        attributes: { publicIp: '198.18.4.7', keyName: 'k' },
      }).ssh,
    ).toBe('ssh -i k.pem ubuntu@198.18.4.7');
  });

  it('offers no ssh command without a key pair or a public address', () => {
    const noKey = instanceConnection({
      image: { os: 'amazon-linux' },
      cloudId,
      region,
      attributes: addresses,
    });
    expect(noKey.ssh).toBeUndefined();
    expect(noKey.loginUser).toBe('ec2-user');

    const privateOnly = instanceConnection({
      image: { os: 'rhel' },
      cloudId,
      region,
      attributes: {
        privateIp: addresses.privateIp,
        privateDns: addresses.privateDns,
        keyName: 'dev-laptop',
      },
    });
    expect(privateOnly.address).toBe('172.31.20.9');
    expect(privateOnly.ssh).toBeUndefined();
    expect(privateOnly.ssm).toBe(
      'aws ssm start-session --target i-0123456789abcdef0 --region eu-west-1',
    );
  });

  it('gives Windows RDP as Administrator and no ssh', () => {
    const facts = instanceConnection({
      image: { os: 'windows-server' },
      cloudId,
      region,
      attributes: { ...addresses, keyName: 'dev-laptop' },
    });
    expect(facts).toMatchObject({
      protocol: 'rdp',
      loginUser: 'Administrator',
      rdp: 'ec2-198-18-4-7.eu-west-1.compute.amazonaws.com:3389',
    });
    expect(facts.ssh).toBeUndefined();
  });

  it('ignores attributes that are not non-empty strings', () => {
    const facts = instanceConnection({
      image: { os: 'ubuntu' },
      cloudId,
      region,
      attributes: { publicIp: '', privateIp: 42, keyName: null },
    });
    expect(facts.address).toBeUndefined();
    expect(facts.publicIp).toBeUndefined();
    expect(facts.privateIp).toBeUndefined();
  });
});

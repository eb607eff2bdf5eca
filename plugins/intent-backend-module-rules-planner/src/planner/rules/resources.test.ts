// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { matchBucket } from './bucket';
import { matchElasticIp } from './eip';
import { matchKeyPair } from './keyPair';
import { matchOutOfScope } from './outOfScope';
import { matchTags } from './tags';

describe('matchBucket', () => {
  it('reads name, versioning, KMS, website and public read', () => {
    expect(
      matchBucket(
        'a versioned bucket named acme-site with kms, static website, public',
      ),
    ).toEqual({
      name: 'acme_site',
      bucket: {
        bucketName: 'acme-site',
        versioning: true,
        encryption: 'aws:kms',
        website: true,
        blockPublicAccess: false,
        publicRead: true,
        tags: {},
      },
      notes: expect.objectContaining({ questions: [] }),
    });
  });

  it('names a bucket after its purpose', () => {
    expect(matchBucket('a logs bucket').name).toBe('logs');
    expect(matchBucket('a versioned bucket').name).toBeUndefined();
  });

  it('keeps defaults safe and asks whether a website bucket should be public', () => {
    const found = matchBucket('a bucket for a static site, without versioning');
    expect(found.bucket).toMatchObject({
      versioning: false,
      publicRead: false,
      blockPublicAccess: true,
    });
    expect(found.notes.questions[0]).toContain('public');
  });
});

describe('matchKeyPair', () => {
  it('reads none, wanted, names and the public key in its case', () => {
    expect(matchKeyPair('no key pair', 'no key pair')).toEqual({
      wish: 'none',
    });
    expect(matchKeyPair('a t3.micro', 'a t3.micro')).toEqual({
      wish: 'unsaid',
    });
    expect(
      matchKeyPair('key pair named ci-bot', 'key pair named ci-bot'),
    ).toEqual({
      wish: 'wanted',
      name: 'ci_bot',
      keyName: 'ci-bot',
    });
    const original =
      'use my key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAbC ada@laptop';
    expect(matchKeyPair(original.toLowerCase(), original)).toEqual({
      wish: 'wanted',
      publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAbC',
    });
  });
});

describe('matchElasticIp', () => {
  it.each([
    ['with an elastic ip', true],
    ['a static ip', true],
    ['an eip', true],
    ['no elastic ip', false],
    ['a public ip', false],
  ])('%j → %p', (text, wanted) => {
    expect(matchElasticIp(text)).toBe(wanted);
  });
});

describe('matchTags', () => {
  it('reads key=value anywhere and key: value after "tag", keeping case', () => {
    expect(
      matchTags('t3.micro, team=Payments, tag it with: Owner: Ada, env: dev'),
    ).toEqual({
      team: 'Payments',
      Owner: 'Ada',
      env: 'dev',
    });
  });

  it('leaves out settings and the backend’s own tags', () => {
    expect(
      matchTags('region=eu-west-1 type=t3.small intent:session=x cost=42'),
    ).toEqual({ cost: '42' });
  });
});

describe('matchOutOfScope', () => {
  it.each([
    ['install docker and nginx', 'install docker'],
    ['a t3.micro with jenkins installed', 'jenkins installed'],
    ['set up jenkins on an m5', 'set up jenkins'],
    ['behind a load balancer', 'load balancer'],
    ['an rds postgres', 'managed databases'],
    ['in a private subnet with a nat gateway', 'NAT gateway'],
    ['with an iam role', 'IAM'],
    ['attach and mount it at /data', 'mounting'],
    ['daily backups please', 'backups'],
  ])('%j lists %j', (text, fragment) => {
    expect(matchOutOfScope(text).join(' ')).toContain(fragment);
  });

  it.each([
    'set up a t3.micro',
    'deploy an ubuntu box',
    'a t3.micro running ubuntu',
    'a bucket for backups',
    'a monitoring server',
  ])('finds nothing in %j', text => {
    expect(matchOutOfScope(text)).toEqual([]);
  });
});

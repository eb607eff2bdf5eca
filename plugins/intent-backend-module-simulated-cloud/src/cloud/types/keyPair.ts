// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsKeyPair } from '@intent-sandboxes/backstage-plugin-intent-common';
import { createHash } from 'node:crypto';
import { stableHex } from '../catalog';
import { newCloudId } from '../network';
import { cloudError as error } from '../SimulatedCloudError';
import { NOT_FOUND, TypeRules } from './rules';

/** Decodes an OpenSSH public key; throws EC2's error when it is not one. */
function checkPublicKey(publicKey: string): Buffer {
  const [kind, data] = publicKey.split(' ');
  const blob = Buffer.from(data ?? '', 'base64');
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (length <= 0 || blob.subarray(4, 4 + length).toString('latin1') !== kind) {
    throw error(
      'InvalidKey.Format',
      'Key is not in valid OpenSSH public key format',
    );
  }
  return blob;
}

function fingerprint(blob: Buffer | string): string {
  return `SHA256:${createHash('sha256')
    .update(blob)
    .digest('base64')
    .replace(/=+$/, '')}`;
}

/** Key pairs: ImportKeyPair or CreateKeyPair, no client token. */
export const keyPairRules: TypeRules<AwsKeyPair> = {
  taggable: true,
  idempotency: 'creation-tag',
  notFound: NOT_FOUND.aws_key_pair,
  conflict: initial =>
    error(
      'InvalidKeyPair.Duplicate',
      `The keypair '${initial.facts.keyName}' already exists.`,
    ),
  async desired(resource, _ctx, current) {
    if (!resource.publicKey) {
      return current
        ? {
            publicKey: current.attributes.publicKey,
            keyType: current.attributes.keyType,
            keyFingerprint: current.attributes.keyFingerprint,
          }
        : { keyType: 'ed25519' };
    }
    const blob = checkPublicKey(resource.publicKey);
    const kind = resource.publicKey.split(' ')[0];
    return {
      publicKey: resource.publicKey,
      keyType: kind === 'ssh-rsa' ? 'rsa' : kind.replace(/^ssh-/, ''),
      keyFingerprint: fingerprint(blob),
    };
  },
  initial(resource, desired, ctx) {
    const id = newCloudId('key');
    const keyName =
      resource.keyName ?? `${resource.name}-${stableHex(ctx.clientToken, 8)}`;
    return {
      id,
      liveKey: `aws_key_pair:${ctx.region}:${keyName}`,
      state: 'available',
      transitionAt: null,
      facts: {
        keyName,
        keyFingerprint:
          desired.keyFingerprint ?? fingerprint(`generated/${id}`),
        createTime: new Date(ctx.now).toISOString(),
      },
    };
  },
};

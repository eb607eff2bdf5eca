// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  ImportKeyPairCommand,
} from '@aws-sdk/client-ec2';
import type { AwsKeyPair } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ChangeContext, ec2Tags, tagSpec } from '../context';
import { describeByIds, findCreated } from '../describe';
import { call, errorCode, toCloudError } from '../errors';
import { keyPairState } from '../mappers';

/** The key's EC2 name: `keyName`, else derived from the creation token. */
export function keyName(resource: AwsKeyPair, tags: Record<string, string>) {
  return (
    resource.keyName ??
    `intent-${resource.name}-${(tags[INTENT_TAGS.creationToken] ?? '').slice(
      0,
      12,
    )}`
  );
}

/**
 * ImportKeyPair (or CreateKeyPair when the plan gives no public key; AWS
 * then keeps no copy of the private key and neither does the provider: use
 * `aws ssm start-session` to connect). No client token: looked up by the
 * creation-token tag first.
 */
export async function createKeyPair(
  ctx: ChangeContext,
  resource: AwsKeyPair,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  const found = await findCreated(ctx, 'aws_key_pair', tags);
  if (found) {
    return found;
  }
  const name = keyName(resource, tags);
  const out = await call(
    {
      action: resource.publicKey ? 'ec2:ImportKeyPair' : 'ec2:CreateKeyPair',
      subject: ctx.address,
    },
    () =>
      resource.publicKey
        ? ctx.ec2.send(
            new ImportKeyPairCommand({
              KeyName: name,
              PublicKeyMaterial: Buffer.from(resource.publicKey!),
              TagSpecifications: tagSpec('key-pair', tags),
            }),
            { abortSignal: ctx.signal },
          )
        : ctx.ec2.send(
            new CreateKeyPairCommand({
              KeyName: name,
              KeyType: 'ed25519',
              TagSpecifications: tagSpec('key-pair', tags),
            }),
            { abortSignal: ctx.signal },
          ),
  );
  return keyPairState({
    KeyPairId: out.KeyPairId,
    KeyName: out.KeyName ?? name,
    KeyFingerprint: out.KeyFingerprint,
    Tags: ec2Tags(tags),
  });
}

export async function updateKeyPair(
  ctx: ChangeContext,
  keyPairId: string,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  await call({ action: 'ec2:CreateTags', subject: keyPairId }, () =>
    ctx.ec2.send(
      new CreateTagsCommand({ Resources: [keyPairId], Tags: ec2Tags(tags) }),
      {
        abortSignal: ctx.signal,
      },
    ),
  );
  const [state] = await describeByIds(ctx, 'aws_key_pair', [keyPairId]);
  return state;
}

export async function deleteKeyPair(ctx: AwsCallContext, keyPairId: string) {
  try {
    await ctx.ec2.send(new DeleteKeyPairCommand({ KeyPairId: keyPairId }), {
      abortSignal: ctx.signal,
    });
  } catch (error) {
    if (errorCode(error) !== 'InvalidKeyPair.NotFound') {
      throw toCloudError(error, {
        action: 'ec2:DeleteKeyPair',
        subject: keyPairId,
      });
    }
  }
}

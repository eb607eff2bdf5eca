// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CreateTagsCommand } from '@aws-sdk/client-ec2';
import type { PlanResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import { CloudError } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCallContext, ec2Tags } from '../context';
import { describeByIds } from '../describe';
import { call, errorCode, toCloudError } from '../errors';

/* The EC2 calls the network resources share: send, describe one, delete, tag. */

export function send(
  ctx: AwsCallContext,
  action: string,
  subject: string,
  command: any,
): Promise<any> {
  return call({ action, subject }, () =>
    ctx.ec2.send(command, { abortSignal: ctx.signal }),
  );
}

/** Describes one resource by id; a resource that is gone is a not-found CloudError. */
export async function describeOne(
  ctx: AwsCallContext,
  type: PlanResource['type'],
  id: string,
) {
  const [state] = await describeByIds(ctx, type, [id]);
  if (!state) {
    throw new CloudError({
      kind: 'not-found',
      code: 'NotFound',
      message: `${type} ${id} does not exist in ${ctx.region}`,
    });
  }
  return state;
}

/** Deletes, treating "already gone" as done. */
export async function remove(
  ctx: AwsCallContext,
  action: string,
  id: string,
  command: any,
) {
  try {
    await ctx.ec2.send(command, { abortSignal: ctx.signal });
  } catch (error) {
    if (!/\.NotFound$/.test(errorCode(error) ?? '')) {
      throw toCloudError(error, { action, subject: id });
    }
  }
}

export async function tagResource(
  ctx: AwsCallContext,
  id: string,
  tags: Record<string, string>,
) {
  await send(
    ctx,
    'ec2:CreateTags',
    id,
    new CreateTagsCommand({ Resources: [id], Tags: ec2Tags(tags) }),
  );
}

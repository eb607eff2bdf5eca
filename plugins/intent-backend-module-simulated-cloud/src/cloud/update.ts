// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanResource,
  requiresReplacement,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SimEnv, toState, untilSettled, WaitOptions } from './lifecycle';
import { associate, disassociate } from './linkage';
import { newCloudId, randomPublicIp } from './network';
import { checkTags, resourceTags } from './requests';
import { cloudError as error } from './SimulatedCloudError';
import { SimulatedStore, statusOf } from './store';
import {
  bucketFacts,
  checkCanAssociate,
  RuleContext,
  RULES,
  TypeRules,
} from './types';

/** An update as the provider received it. */
export interface UpdateRequest {
  resource: PlanResource;
  cloudId: string;
  tags: Record<string, string>;
}

/**
 * Changes a resource in place, as EC2 can: an instance type change stops and
 * starts the instance and returns once it runs again; moving an elastic IP
 * disassociates it from its old instance. Fields EC2 cannot change throw
 * `UnsupportedOperation` (the caller replaces the resource instead).
 */
export async function updateResource(
  env: SimEnv,
  ctx: RuleContext,
  request: UpdateRequest,
  wait: WaitOptions,
): Promise<CloudResourceState> {
  const { store, settings } = env;
  const { resource, cloudId, tags } = request;
  const rules = RULES[resource.type] as TypeRules;
  const current = await store.findLive(ctx.region, resource.type, cloudId);
  if (!current) {
    throw rules.notFound(cloudId);
  }
  const desired = await rules.desired(resource, ctx, current);
  const forced = requiresReplacement(
    resource.type,
    current.attributes,
    desired,
  );
  if (forced.length > 0) {
    throw error(
      'UnsupportedOperation',
      `${ctx.address} (${cloudId}) cannot change ${forced.join(
        ', ',
      )} in place: replace it`,
    );
  }
  const attributes: Record<string, unknown> = {
    ...current.attributes,
    ...desired,
  };
  const patch: Parameters<SimulatedStore['update']>[2] = { attributes };
  if (rules.taggable) {
    // The creation token stays: it names the create that made the resource.
    const creationToken = current.tags[INTENT_TAGS.creationToken];
    patch.tags = checkTags({
      ...resourceTags(resource),
      ...tags,
      ...(creationToken ? { [INTENT_TAGS.creationToken]: creationToken } : {}),
    });
  }

  let restart = false;
  const oldInstance = current.attributes.instance as string | undefined;
  const newInstance = desired.instance as string | undefined;
  const reassociate =
    resource.type === 'aws_eip' && oldInstance !== newInstance;
  if (
    resource.type === 'aws_instance' &&
    desired.instanceType !== current.attributes.instanceType
  ) {
    // EC2 changes the type of a stopped instance: stop, modify, start.
    const status = statusOf(current, ctx.now);
    if (status !== 'running') {
      throw error(
        'IncorrectInstanceState',
        `The instance '${cloudId}' is ${status}; its type can change once it runs.`,
      );
    }
    restart = true;
    patch.state = 'pending';
    patch.transitionAt = ctx.now + settings.bootMillis;
    if (!attributes.elasticIp && attributes.associatePublicIp) {
      attributes.publicIp = randomPublicIp();
    }
  }
  if (resource.type === 'aws_s3_bucket') {
    Object.assign(attributes, bucketFacts(attributes, ctx.region));
  }
  if (reassociate) {
    if (newInstance) {
      const target = await store.findLive(
        ctx.region,
        'aws_instance',
        newInstance,
      );
      checkCanAssociate(target!, ctx.now);
    }
    patch.state = newInstance ? 'associated' : 'allocated';
    attributes.associationId = newInstance ? newCloudId('eipassoc') : undefined;
  }

  await store.transaction(async trx => {
    await store.update(trx, current, patch, ctx.now);
    if (reassociate && oldInstance) {
      await disassociate(store, trx, ctx.region, cloudId, oldInstance, ctx.now);
    }
    if (reassociate && newInstance) {
      await associate(
        store,
        trx,
        { ...current, attributes },
        newInstance,
        ctx.now,
      );
    }
  });
  const updated = await store.findLive(ctx.region, resource.type, cloudId);
  if (!updated) {
    throw rules.notFound(cloudId);
  }
  return restart ? untilSettled(updated, wait) : toState(updated, Date.now());
}

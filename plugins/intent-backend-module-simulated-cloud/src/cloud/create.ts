// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanResource,
  dataReferences,
  references,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { createHash, randomUUID } from 'node:crypto';
import { SimEnv, untilSettled, WaitOptions } from './lifecycle';
import { afterInsert } from './linkage';
import {
  canonicalJson,
  checkClientToken,
  checkTags,
  resourceTags,
} from './requests';
import { cloudError as error } from './SimulatedCloudError';
import { isUniqueViolation, SimResource } from './store';
import { bucketFacts, RuleContext, RULES, TypeRules } from './types';

/** A create as the provider received it. */
export interface CreateRequest {
  resource: PlanResource;
  clientToken: string;
  tags: Record<string, string>;
  resolved: Record<string, string>;
}

/**
 * Creates a resource, idempotently: a create that repeats an earlier one
 * returns what that one created, once it can be used. Types whose EC2 API
 * takes a client token are found by it; the others only by their
 * `intent:creation-token` tag (see `TypeRules.idempotency`).
 */
export async function createResource(
  env: SimEnv,
  ctx: RuleContext,
  request: CreateRequest,
  wait: WaitOptions,
): Promise<CloudResourceState> {
  const { store, settings } = env;
  const { resource, clientToken, resolved } = request;
  const rules = RULES[resource.type] as TypeRules;
  checkClientToken(clientToken);
  const effectiveTags = rules.taggable
    ? checkTags({ ...resourceTags(resource), ...request.tags })
    : {};
  const idempotencyKey =
    rules.idempotency === 'client-token'
      ? clientToken
      : effectiveTags[INTENT_TAGS.creationToken] ?? null;
  const requestHash = createHash('sha256')
    .update(
      canonicalJson({
        region: ctx.region,
        request: { ...resource, tags: undefined },
        references: [...references(resource), ...dataReferences(resource)].map(
          a => resolved[a] ?? null,
        ),
      }),
    )
    .digest('hex');

  const replay = async (row: SimResource) => {
    if (row.requestHash !== requestHash) {
      throw error(
        'IdempotentParameterMismatch',
        `Arguments on this idempotent request are inconsistent with arguments used in previous request(s) with client token ${clientToken}.`,
      );
    }
    return untilSettled(row, wait);
  };
  const earlier = () =>
    idempotencyKey === null
      ? Promise.resolve(undefined)
      : store.findByToken(ctx.region, resource.type, idempotencyKey);

  const existing = await earlier();
  if (existing) {
    return replay(existing);
  }

  let desired: Record<string, unknown>;
  try {
    desired = await rules.desired(resource, ctx);
    await rules.checkCreate?.(desired, ctx);
  } catch (e) {
    // A concurrent call with the same token may have created it meanwhile
    // (and so made this request look invalid, e.g. the device taken).
    const raced = await earlier();
    if (raced) {
      return replay(raced);
    }
    throw e;
  }
  const initial = rules.initial(resource, desired, {
    ...ctx,
    clientToken,
    timings: settings,
  });
  const attributes = { ...desired, ...initial.facts };
  if (resource.type === 'aws_s3_bucket') {
    Object.assign(attributes, bucketFacts(attributes, ctx.region));
  }
  let inserted: SimResource | undefined;
  try {
    inserted = await store.transaction(async trx => {
      const row = await store.insert(
        trx,
        {
          id: initial.id,
          type: resource.type,
          region: ctx.region,
          address: ctx.address,
          clientToken: idempotencyKey,
          requestHash,
          requestId: randomUUID(),
          liveKey: initial.liveKey,
          state: initial.state,
          transitionAt: initial.transitionAt,
          attributes,
          tags: effectiveTags,
        },
        ctx.now,
      );
      if (row) {
        await afterInsert(store, trx, row, ctx.now);
      }
      return row;
    });
  } catch (e) {
    // Another live resource holds the unique key (bucket or key name, the
    // volume of an attachment), unless a concurrent call with the same
    // token won: then its resource is the answer.
    if (!isUniqueViolation(e)) {
      throw e;
    }
  }
  const row = idempotencyKey === null ? inserted : await earlier();
  if (!row) {
    throw rules.conflict(initial);
  }
  return replay(row);
}

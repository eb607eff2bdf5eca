// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  AwsInstance,
  InstanceImage,
  Plan,
  Revision,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { CloudProvider } from '@intent-sandboxes/backstage-plugin-intent-node';
import { withRetries } from './retries';

/** What identifies an image apart from its id. */
function imageKey(image: InstanceImage): string {
  return `${image.os}/${image.version}/${image.architecture}`;
}

function describeImage(image: InstanceImage): string {
  return `${image.os} ${image.version} ${image.architecture}`;
}

/** The pinned image ids of a plan's instances, by address (`aws_instance.web`). */
function pinnedIds(plan: Plan | null | undefined): Map<string, InstanceImage> {
  const pinned = new Map<string, InstanceImage>();
  for (const resource of plan?.resources ?? []) {
    if (resource.type === 'aws_instance' && resource.image.id !== undefined) {
      pinned.set(`aws_instance.${resource.name}`, resource.image);
    }
  }
  return pinned;
}

/**
 * The id an instance keeps: the one `earlier` pinned for the same address,
 * when it is in the same region and its image (os, version, architecture)
 * is the same.
 */
function keptId(
  address: string,
  image: InstanceImage,
  region: string,
  earlier: Array<{ region: string; pinned: Map<string, InstanceImage> }>,
): string | undefined {
  for (const plan of earlier) {
    const before = plan.pinned.get(address);
    if (
      before &&
      plan.region === region &&
      imageKey(before) === imageKey(image)
    ) {
      return before.id;
    }
  }
  return undefined;
}

/**
 * Pins the image of every instance of a validated plan: its `image.id` is
 * what the session's cloud resolves os, version and architecture to in the
 * plan's region, so that apply and export use exactly the image that was
 * reviewed (the plan hash covers the id).
 *
 * The rule for keeping an id: an instance keeps the id it has in the current
 * plan (the latest revision's), else in the applied plan (what runs), when
 * that plan has the same address with the same os, version and architecture
 * in the same region; a follow-up never silently moves an instance to a
 * newer image. Otherwise (a new instance, another version, os or
 * architecture, another region) the cloud resolves it again. An id a planner
 * put in the plan is ignored: only the cloud chooses images.
 *
 * An image the cloud does not have leaves the instance without an id and
 * adds a question (`No ubuntu 31.04 x86_64 image in eu-west-1: choose
 * another version`); such a plan cannot be applied
 * ({@link assertImagesPinned}).
 *
 * `provider` is called only when something must be resolved, so that a
 * session whose cloud is no longer installed can still be planned when
 * nothing new is needed from the cloud.
 */
export async function pinImages(input: {
  plan: Plan;
  /** The latest revision's plan, which the intent changes. */
  current?: Plan;
  /** What runs now; null when nothing does. */
  prior?: Plan | null;
  provider: () => CloudProvider;
  signal?: AbortSignal;
}): Promise<{ plan: Plan; questions: string[] }> {
  const { plan } = input;
  const earlier = [input.current, input.prior].flatMap(p =>
    p ? [{ region: p.region, pinned: pinnedIds(p) }] : [],
  );
  const lookups = new Map<string, Promise<string | undefined>>();
  const resolve = (image: InstanceImage) => {
    const key = imageKey(image);
    let lookup = lookups.get(key);
    if (!lookup) {
      lookup = resolveImage(input.provider(), plan.region, image, input.signal);
      lookups.set(key, lookup);
    }
    return lookup;
  };

  const questions: string[] = [];
  const resources = await Promise.all(
    plan.resources.map(async resource => {
      if (resource.type !== 'aws_instance') {
        return resource;
      }
      const { id: _fromPlanner, ...image } = resource.image;
      const address = `aws_instance.${resource.name}`;
      const id =
        keptId(address, image, plan.region, earlier) ?? (await resolve(image));
      if (id === undefined) {
        const question = `No ${describeImage(image)} image in ${
          plan.region
        }: choose another version`;
        if (!questions.includes(question)) {
          questions.push(question);
        }
        return { ...resource, image } satisfies AwsInstance;
      }
      return { ...resource, image: { ...image, id } } satisfies AwsInstance;
    }),
  );
  return { plan: { ...plan, resources }, questions: questions.sort() };
}

async function resolveImage(
  provider: CloudProvider,
  region: string,
  image: InstanceImage,
  signal = new AbortController().signal,
): Promise<string | undefined> {
  try {
    const found = await withRetries(
      () => provider.resolveImage({ region, image, signal }),
      { maxAttempts: 3, baseMillis: 100, maxMillis: 1000, signal },
    );
    return found?.imageId;
  } catch (error) {
    // The cloud is a dependency: its failure is not the caller's fault, and
    // nothing was stored.
    // (The message ends with the cause's.)
    throw new ServiceUnavailableError(
      `The ${provider.id} cloud could not resolve the ${describeImage(
        image,
      )} image in ${region}`,
      error,
    );
  }
}

/**
 * Refuses (409) to apply a revision with instances whose image was not
 * resolved at plan time: a plan that cannot be applied never reaches the
 * cloud.
 */
export function assertImagesPinned(revision: Revision) {
  const unpinned = revision.plan.resources.flatMap(r =>
    r.type === 'aws_instance' && r.image.id === undefined
      ? [`aws_instance.${r.name} (${describeImage(r.image)})`]
      : [],
  );
  if (unpinned.length > 0) {
    throw new ConflictError(
      `Revision ${revision.seq} cannot be applied: no image was resolved in ${
        revision.plan.region
      } for ${unpinned.join(
        ', ',
      )}; choose another version with a follow-up and apply the new revision`,
    );
  }
}

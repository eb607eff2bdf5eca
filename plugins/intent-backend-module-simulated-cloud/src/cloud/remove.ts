// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import { checkDelete } from './dependencies';
import { FaultInjector } from './faults';
import { SimEnv, untilSettled, WaitOptions } from './lifecycle';
import { afterDelete } from './linkage';

/**
 * Deletes a resource; one that is gone already is fine. A terminate returns
 * once the instance is gone, as Terraform's does.
 */
export async function removeResource(
  env: SimEnv,
  faults: FaultInjector,
  request: { region: string; type: ResourceType; cloudId: string },
  wait: WaitOptions,
): Promise<undefined> {
  const { store, settings } = env;
  const { region, type, cloudId } = request;
  const instance = type === 'aws_instance';
  const row = instance
    ? await store.findLatest(region, type, cloudId)
    : await store.findLive(region, type, cloudId);
  const after = await faults.failBefore({
    action: 'delete',
    type,
    address: row?.address ?? null,
  });
  if (row && row.deletedAt === null) {
    const now = Date.now();
    await checkDelete(store, row, now);
    await store.transaction(async trx => {
      const won = await store.markDeleted(
        trx,
        row,
        instance
          ? {
              state: 'shutting-down',
              transitionAt: now + settings.shutdownMillis,
              attributes: { ...row.attributes, publicIp: undefined },
            }
          : { state: 'deleted', transitionAt: null },
        now,
      );
      if (won) {
        await afterDelete(store, trx, row, now);
      }
    });
  }
  if (instance && row) {
    const latest = await store.findLatest(region, type, cloudId);
    await untilSettled(latest!, wait);
  }
  await faults.failAfter(after);
  return undefined;
}

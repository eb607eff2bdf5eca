// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Knex } from 'knex';
import { randomPublicIp } from './network';
import { SimResource, SimulatedStore } from './store';

/**
 * How resources hold on to each other, as EC2 keeps it: an attachment makes
 * its volume `in-use`, an elastic IP becomes its instance's public address,
 * and deleting one side releases the other. Every function runs inside the
 * transaction of the change that causes it.
 */

/** What a new resource changes elsewhere (an attached volume, an associated instance). */
export async function afterInsert(
  store: SimulatedStore,
  trx: Knex.Transaction,
  resource: SimResource,
  now: number,
) {
  if (resource.type === 'aws_volume_attachment') {
    const volume = await store.findLive(
      resource.region,
      'aws_ebs_volume',
      resource.attributes.volume as string,
      trx,
    );
    if (volume) {
      await store.update(
        trx,
        volume,
        { state: 'in-use', transitionAt: null },
        now,
      );
    }
  }
  if (resource.type === 'aws_eip' && resource.attributes.instance) {
    await associate(
      store,
      trx,
      resource,
      resource.attributes.instance as string,
      now,
    );
  }
}

/** Points an instance's public address at an elastic IP; a previous one is released from it. */
export async function associate(
  store: SimulatedStore,
  trx: Knex.Transaction,
  eip: SimResource,
  instanceId: string,
  now: number,
) {
  const instance = await store.findLive(
    eip.region,
    'aws_instance',
    instanceId,
    trx,
  );
  if (!instance) {
    return;
  }
  const previous = instance.attributes.elasticIp as string | undefined;
  if (previous && previous !== eip.id) {
    const old = await store.findLive(eip.region, 'aws_eip', previous, trx);
    if (old) {
      await release(store, trx, old, now);
    }
  }
  await store.update(
    trx,
    instance,
    {
      attributes: {
        ...instance.attributes,
        publicIp: eip.attributes.publicIp,
        elasticIp: eip.id,
      },
    },
    now,
  );
}

/** Gives an instance back an address of its own (or none) when its elastic IP goes. */
export async function disassociate(
  store: SimulatedStore,
  trx: Knex.Transaction,
  region: string,
  eipId: string,
  instanceId: string,
  now: number,
) {
  const instance = await store.findLive(
    region,
    'aws_instance',
    instanceId,
    trx,
  );
  if (!instance || instance.attributes.elasticIp !== eipId) {
    return;
  }
  await store.update(
    trx,
    instance,
    {
      attributes: {
        ...instance.attributes,
        elasticIp: undefined,
        publicIp: instance.attributes.associatePublicIp
          ? randomPublicIp()
          : undefined,
      },
    },
    now,
  );
}

/** An elastic IP no longer associated with anything. */
async function release(
  store: SimulatedStore,
  trx: Knex.Transaction,
  eip: SimResource,
  now: number,
) {
  await store.update(
    trx,
    eip,
    {
      state: 'allocated',
      attributes: {
        ...eip.attributes,
        instance: undefined,
        associationId: undefined,
      },
    },
    now,
  );
}

/** What a deletion changes elsewhere: detached volumes, released addresses. */
export async function afterDelete(
  store: SimulatedStore,
  trx: Knex.Transaction,
  row: SimResource,
  now: number,
) {
  const freeVolume = async (volumeId: string) => {
    const volume = await store.findLive(
      row.region,
      'aws_ebs_volume',
      volumeId,
      trx,
    );
    if (volume) {
      await store.update(
        trx,
        volume,
        { state: 'available', transitionAt: null },
        now,
      );
    }
  };
  if (row.type === 'aws_volume_attachment') {
    await freeVolume(row.attributes.volume as string);
  }
  if (row.type === 'aws_eip' && row.attributes.instance) {
    await disassociate(
      store,
      trx,
      row.region,
      row.id,
      row.attributes.instance as string,
      now,
    );
  }
  if (row.type === 'aws_instance') {
    // EC2 detaches data volumes and disassociates addresses on terminate.
    const attachments = await store.listLive(
      row.region,
      'aws_volume_attachment',
      undefined,
      trx,
    );
    for (const attachment of attachments) {
      if (attachment.attributes.instance === row.id) {
        await store.markDeleted(
          trx,
          attachment,
          { state: 'detached', transitionAt: null },
          now,
        );
        await freeVolume(attachment.attributes.volume as string);
      }
    }
    const addresses = await store.listLive(
      row.region,
      'aws_eip',
      undefined,
      trx,
    );
    for (const eip of addresses) {
      if (eip.attributes.instance === row.id) {
        await release(store, trx, eip, now);
      }
    }
  }
}

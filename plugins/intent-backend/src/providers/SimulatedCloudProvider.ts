// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  CloudCreateOptions,
  CloudProvider,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { simulatedImageId, simulatedInstanceType } from './simulatedCatalog';

type InstanceRow = {
  id: string;
  client_token: string;
  region: string;
  instance_type: string;
  image_id: string;
  architecture: string;
  state: string;
  tags: string;
  launched_at: Date | string | number;
};

/** An error as EC2 would report it: a code and its message. */
export class SimulatedCloudError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'SimulatedCloudError';
  }
}

/**
 * The embedded default cloud: behaves like EC2 where the product depends on
 * it (instance ids, pending → running, image and type validation, client
 * token idempotency) and keeps its state in the plugin database.
 */
export class SimulatedCloudProvider implements CloudProvider {
  readonly id = 'simulated';
  readonly simulated = true;

  constructor(
    private readonly db: Knex,
    private readonly options: { bootMillis: number },
  ) {}

  async create(options: CloudCreateOptions): Promise<CloudResourceState> {
    const { resource, region } = options;
    if (resource.type !== 'aws_instance') {
      throw new SimulatedCloudError(
        'UnsupportedOperation',
        `The simulated cloud cannot create ${resource.type} resources`,
      );
    }
    const type = simulatedInstanceType(resource.instanceType);
    if (!type) {
      throw new SimulatedCloudError(
        'InvalidParameterValue',
        `Invalid value '${resource.instanceType}' for InstanceType.`,
      );
    }
    const imageId = simulatedImageId(region, resource.image);
    if (!imageId) {
      throw new SimulatedCloudError(
        'InvalidAMIID.NotFound',
        `No ${resource.image.os} ${resource.image.version} image for ${resource.image.architecture} in ${region}`,
      );
    }
    if (type.architecture !== resource.image.architecture) {
      throw new SimulatedCloudError(
        'InvalidParameterValue',
        `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${resource.image.architecture}' of the specified AMI.`,
      );
    }

    const existing = await this.findByToken(options.clientToken);
    if (existing) {
      return existing;
    }
    const row: InstanceRow = {
      id: `i-0${randomBytes(8).toString('hex')}`,
      client_token: options.clientToken,
      region,
      instance_type: resource.instanceType,
      image_id: imageId,
      architecture: type.architecture,
      state: 'pending',
      tags: JSON.stringify(options.tags),
      launched_at: new Date(),
    };
    // A concurrent retry with the same token loses the insert and reads the winner's.
    await this.db<InstanceRow>('sim_instances')
      .insert(row)
      .onConflict('client_token')
      .ignore();
    return (await this.findByToken(options.clientToken))!;
  }

  async describe(options: {
    region: string;
    cloudIds: string[];
  }): Promise<CloudResourceState[]> {
    const rows = await this.db<InstanceRow>('sim_instances')
      .whereIn('id', options.cloudIds)
      .andWhere({ region: options.region });
    const booted = rows.filter(
      row =>
        row.state === 'pending' &&
        Date.now() - new Date(row.launched_at).getTime() >=
          this.options.bootMillis,
    );
    if (booted.length > 0) {
      await this.db<InstanceRow>('sim_instances')
        .whereIn(
          'id',
          booted.map(row => row.id),
        )
        .andWhere({ state: 'pending' })
        .update({ state: 'running' });
      booted.forEach(row => (row.state = 'running'));
    }
    return rows.map(toState);
  }

  private async findByToken(
    clientToken: string,
  ): Promise<CloudResourceState | undefined> {
    const row = await this.db<InstanceRow>('sim_instances')
      .where({ client_token: clientToken })
      .first();
    return row && toState(row);
  }
}

function toState(row: InstanceRow): CloudResourceState {
  return {
    cloudId: row.id,
    status: row.state,
    attributes: {
      instanceType: row.instance_type,
      imageId: row.image_id,
      architecture: row.architecture,
      region: row.region,
      launchTime: new Date(row.launched_at).toISOString(),
    },
    tags: JSON.parse(row.tags),
  };
}

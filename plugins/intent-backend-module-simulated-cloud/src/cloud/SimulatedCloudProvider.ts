// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  InstanceImage,
  resourceAddress,
  resourceTypes,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudApplyOptions,
  CloudCallOptions,
  CloudDescribeOptions,
  CloudExistingResource,
  CloudCheckPlanOptions,
  CloudFindExistingOptions,
  CloudPlanCheck,
  CloudProvider,
  CloudInstanceActionOptions,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { Knex } from 'knex';
import { findImage } from './catalog';
import { createResource } from './create';
import { withInstanceDns } from './dns';
import { injectDrift } from './drift';
import { checkPlan } from './checks';
import { findExisting } from './existing';
import { FailureStore } from './failureStore';
import { FaultInjector } from './faults';
import { instanceAction } from './instanceActions';
import { SimEnv, sleep, toState } from './lifecycle';
import {
  SimulatedCloudCounts,
  SimulatedCloudOptions,
  SimulatedDrift,
  SimulatedFailure,
} from './options';
import { removeResource } from './remove';
import { parseResource } from './requests';
import { cloudError as error } from './SimulatedCloudError';
import { SimulatedStore } from './store';
import { RuleContext } from './types';
import { updateResource } from './update';

export type {
  SimulatedCloudCounts,
  SimulatedCloudOptions,
  SimulatedDrift,
  SimulatedFailure,
} from './options';

const MIGRATIONS_TABLE = 'intent_simulated_migrations';

/** Where the migrations are and the table that tracks them. @internal */
export function simulatedCloudMigrations() {
  return {
    directory: resolvePackagePath(
      '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud',
      'migrations',
    ),
    tableName: MIGRATIONS_TABLE,
  };
}

/**
 * The embedded default cloud: behaves like EC2 (and S3) where the product
 * depends on it, and keeps its state in the plugin database.
 *
 * - EC2-like ids (`i-0…`, `sg-0…`, `vol-0…`, `eipalloc-0…`, `key-0…`,
 *   `vpc-0…`, `subnet-0…`, `vai-…` for attachments, bucket names), lifecycle
 *   states (instances `pending` → `running`, `shutting-down` → `terminated`;
 *   volumes `creating` → `available` → `in-use`), EC2's errors as
 *   {@link SimulatedCloudError}s (kinds and retryability included) and
 *   idempotent creates: by client token where EC2 takes one, else by the
 *   `intent:creation-token` tag.
 * - `apply` resolves when the resource can be used, as Terraform's AWS
 *   provider does: a new instance once it runs (its `pending` state goes to
 *   `onProgress`), an instance type change once it runs again, a terminate
 *   once the instance is gone. Waits end early when `signal` aborts.
 * - `instanceAction` stops (`stopping` → `stopped`), starts and reboots
 *   instances; instances report EC2's `publicDns` and `privateDns`.
 * - Describe by id returns terminated instances for a while (as EC2 does);
 *   describe by tag returns only resources that exist.
 * - Drift and failures can be caused on purpose: {@link SimulatedCloudProvider.injectDrift},
 *   {@link SimulatedCloudProvider.injectFailure}.
 * - One account: `account` is ignored.
 *
 * The behaviour of each resource type is in `types/`, how resources hold on
 * to each other in `linkage.ts` and `dependencies.ts`.
 *
 * @public
 */
export class SimulatedCloudProvider implements CloudProvider {
  readonly id = 'simulated';
  readonly simulated = true;

  private readonly env: SimEnv;
  private readonly faults: FaultInjector;

  /**
   * Creates the provider over a database, first bringing the simulated
   * cloud's tables up to date (tracked in their own migrations table, so the
   * database can be the intent plugin's) unless `skipMigrations` is set.
   */
  static async create(options: {
    knex: Knex;
    options?: SimulatedCloudOptions;
    skipMigrations?: boolean;
  }): Promise<SimulatedCloudProvider> {
    if (!options.skipMigrations) {
      await options.knex.migrate.latest(simulatedCloudMigrations());
    }
    return new SimulatedCloudProvider(options.knex, options.options ?? {});
  }

  private constructor(knex: Knex, options: SimulatedCloudOptions) {
    this.env = {
      store: new SimulatedStore(knex),
      settings: {
        latencyMillis: options.latencyMillis ?? 0,
        bootMillis: options.bootMillis ?? 1500,
        shutdownMillis: options.shutdownMillis ?? 500,
        volumeCreateMillis: options.volumeCreateMillis ?? 200,
        terminatedRetentionMillis:
          options.terminatedRetentionMillis ?? 60 * 60 * 1000,
      },
    };
    this.faults = new FaultInjector(new FailureStore(knex));
  }

  async resolveImage(
    options: CloudCallOptions & { image: InstanceImage },
  ): Promise<{ imageId: string } | undefined> {
    await this.roundTrip(options.signal);
    const image = findImage(options.region, options.image);
    return image && { imageId: image.imageId };
  }

  async apply(
    options: CloudApplyOptions,
  ): Promise<CloudResourceState | undefined> {
    const { region, change, signal, onProgress } = options;
    await this.roundTrip(signal);
    const wait = { signal, onProgress };
    if (change.action === 'delete') {
      return removeResource(this.env, this.faults, { region, ...change }, wait);
    }
    const resource = parseResource(change.resource);
    const address = resourceAddress(resource);
    const after = await this.faults.failBefore({
      action: change.action,
      type: resource.type,
      address,
    });
    const ctx: RuleContext = {
      region,
      address,
      now: Date.now(),
      store: this.env.store,
      resolve: target => {
        const id = options.resolved[target];
        if (!id) {
          throw error(
            'MissingParameter',
            `${address} refers to ${target}, but no cloud id was given for it`,
          );
        }
        return id;
      },
    };
    const state =
      change.action === 'create'
        ? await createResource(
            this.env,
            ctx,
            { ...change, resource, resolved: options.resolved },
            wait,
          )
        : await updateResource(this.env, ctx, { ...change, resource }, wait);
    await this.faults.failAfter(after);
    return withInstanceDns(state, region);
  }

  async describe(options: CloudDescribeOptions): Promise<CloudResourceState[]> {
    await this.roundTrip(options.signal);
    if (options.cloudIds?.length === 0) {
      return [];
    }
    const now = Date.now();
    const wanted = options.cloudIds
      ? new Set(options.cloudIds.map(c => `${c.type}/${c.cloudId}`))
      : undefined;
    const rows = await this.env.store.describe({
      region: options.region,
      ids: options.cloudIds && [
        ...new Set(options.cloudIds.map(c => c.cloudId)),
      ],
      types: options.cloudIds && [
        ...new Set(options.cloudIds.map(c => c.type)),
      ],
      tags: options.tags,
      tagKeys: options.tagKeys,
      terminatedSince: now - this.env.settings.terminatedRetentionMillis,
    });
    return rows
      .filter(row => !wanted || wanted.has(`${row.type}/${row.id}`))
      .map(row => withInstanceDns(toState(row, now), options.region));
  }

  /**
   * Stops, starts or reboots an instance as EC2 does (see
   * `instanceActions.ts`); injected failures match it as an `update`.
   */
  async instanceAction(
    options: CloudInstanceActionOptions,
  ): Promise<CloudResourceState> {
    const { region, cloudId, action, signal, onProgress } = options;
    await this.roundTrip(signal);
    const state = await instanceAction(
      this.env,
      this.faults,
      { region, cloudId, action },
      { signal, onProgress },
    );
    return withInstanceDns(state, region);
  }

  /**
   * Finds a resource the plan uses without owning it. Every region starts
   * with the default VPC (172.31.0.0/16), its `default` security group, one
   * default subnet per zone and a key pair `dev-laptop`, stored on first use.
   */
  /** Checks a plan against the catalog before apply (see `checks.ts`). */
  async checkPlan(options: CloudCheckPlanOptions): Promise<CloudPlanCheck[]> {
    return checkPlan(options.plan);
  }

  async findExisting(
    options: CloudFindExistingOptions,
  ): Promise<CloudExistingResource | undefined> {
    await this.roundTrip(options.signal);
    return findExisting(this.env.store, options.region, options.existing);
  }

  /**
   * Changes a live resource as a console user would (ClickOps), so that a
   * drift check sees it: e.g. `{ cloudId: 'sg-0…', attributes: { ingress: [...] } }`
   * or `{ cloudId: 'i-0…', attributes: { instanceType: 't3.large' } }`.
   * Values are checked like the console checks them.
   */
  async injectDrift(drift: SimulatedDrift): Promise<CloudResourceState> {
    return injectDrift(this.env, drift);
  }

  /**
   * Makes the next `times` matching apply calls fail with the given error.
   * Failures are kept in the database, so every backend instance sees them.
   */
  async injectFailure(failure: SimulatedFailure): Promise<{ id: string }> {
    return this.faults.inject(failure);
  }

  /** Forgets every injected failure not yet used up; returns how many there were. */
  async clearFailures(): Promise<number> {
    return this.faults.clear();
  }

  /** How many resources of each type exist, and how many were ever created. */
  async counts(): Promise<SimulatedCloudCounts> {
    const counts = Object.fromEntries(
      resourceTypes.map(type => [type, { existing: 0, created: 0 }]),
    ) as SimulatedCloudCounts;
    for (const row of await this.env.store.counts()) {
      counts[row.type] = { existing: row.existing, created: row.created };
    }
    return counts;
  }

  private async roundTrip(signal?: AbortSignal) {
    signal?.throwIfAborted();
    if (this.env.settings.latencyMillis > 0) {
      await sleep(this.env.settings.latencyMillis, signal);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  awsEbsVolumeSchema,
  awsEipSchema,
  awsInstanceSchema,
  awsKeyPairSchema,
  awsS3BucketSchema,
  awsSecurityGroupSchema,
  awsSubnetSchema,
  awsVolumeAttachmentSchema,
  awsVpcSchema,
  InstanceImage,
  PlanResource,
  planResourceSchema,
  references,
  requiresReplacement,
  resourceAddress,
  ResourceType,
  resourceTypes,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import type {
  CloudApplyOptions,
  CloudProvider,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { findImage, findInstanceType } from './catalog';
import { newCloudId, randomPublicIp } from './network';
import {
  bucketFacts,
  checkCanAssociate,
  REFERENCE_FIELDS,
  RuleContext,
  RULES,
  TypeRules,
} from './resources';
import { SimulatedCloudError } from './SimulatedCloudError';
import {
  isUniqueViolation,
  SimResource,
  SimulatedStore,
  statusOf,
  StoredFailure,
} from './store';

/**
 * How the simulated cloud behaves. Every duration is in milliseconds.
 *
 * @public
 */
export interface SimulatedCloudOptions {
  /** Added to every call (resolveImage, apply, describe), like a network round trip. Default 0. */
  latencyMillis?: number;
  /** How long an instance stays `pending` before it is `running`. Default 1500. */
  bootMillis?: number;
  /** How long a terminated instance stays `shutting-down`. Default 500. */
  shutdownMillis?: number;
  /** How long a new EBS volume stays `creating`. Default 200. */
  volumeCreateMillis?: number;
  /** How long a describe by id still returns a terminated instance, as EC2 does. Default one hour. */
  terminatedRetentionMillis?: number;
}

/**
 * A failure to inject: the next `times` apply calls that match fail with
 * `code` and `message`.
 *
 * @public
 */
export interface SimulatedFailure {
  /** Only this kind of change; any when omitted. */
  action?: 'create' | 'update' | 'delete';
  /** Only this resource type; any when omitted. */
  type?: ResourceType;
  /** Only this plan address (`aws_instance.web`); any when omitted. */
  address?: string;
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** The error code, e.g. `RequestLimitExceeded` or `InsufficientInstanceCapacity`. */
  code: string;
  message: string;
  /**
   * `before` (default): the call fails and changes nothing. `after`: the
   * change is made, then the call fails, as when a response is lost, so a
   * retry must find what the first call did.
   */
  when?: 'before' | 'after';
}

/**
 * A change made behind the product's back, as a click in the console would.
 *
 * @public
 */
export interface SimulatedDrift {
  cloudId: string;
  /** Needed only when a bucket has the name of another resource's id. */
  type?: ResourceType;
  /**
   * Attributes to set, in the plan's field names (references as cloud ids),
   * e.g. `{ instanceType: 't3.large' }` or a security group's `ingress` with
   * port 22 open to 0.0.0.0/0. `null` removes an attribute.
   */
  attributes?: Record<string, unknown>;
  /** Tags to set; `null` removes a tag. */
  tags?: Record<string, string | null>;
}

/**
 * Per resource type: how many resources exist now and how many were ever
 * created.
 *
 * @public
 */
export type SimulatedCloudCounts = Record<
  ResourceType,
  { existing: number; created: number }
>;

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

const SCHEMAS: Record<ResourceType, { shape: object }> = {
  aws_vpc: awsVpcSchema,
  aws_subnet: awsSubnetSchema,
  aws_security_group: awsSecurityGroupSchema,
  aws_key_pair: awsKeyPairSchema,
  aws_instance: awsInstanceSchema,
  aws_ebs_volume: awsEbsVolumeSchema,
  aws_volume_attachment: awsVolumeAttachmentSchema,
  aws_eip: awsEipSchema,
  aws_s3_bucket: awsS3BucketSchema,
};

type FieldSchema = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: Array<{ message: string }> } };
};

const error = (code: string, message: string) =>
  new SimulatedCloudError(code, message);

const sleep = (millis: number) =>
  new Promise<void>(resolve => setTimeout(resolve, millis));

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function parseResource(resource: PlanResource): PlanResource {
  const parsed = planResourceSchema.safeParse(resource);
  if (!parsed.success) {
    throw error(
      'InvalidParameterValue',
      parsed.error.issues
        .map(
          issue => `${issue.path.join('.') || '(resource)'}: ${issue.message}`,
        )
        .join('; '),
    );
  }
  return parsed.data;
}

function checkClientToken(clientToken: string) {
  if (!/^[\x20-\x7e]{1,64}$/.test(clientToken)) {
    throw error(
      'InvalidParameterValue',
      `Value (${clientToken}) for parameter clientToken is invalid. Use 1 to 64 ASCII characters.`,
    );
  }
}

function checkTags(tags: Record<string, string>): Record<string, string> {
  const entries = Object.entries(tags);
  if (entries.length > 50) {
    throw error(
      'TagLimitExceeded',
      `The maximum number of tags per resource (50) has been exceeded: ${entries.length}`,
    );
  }
  for (const [key, value] of entries) {
    if (key.toLowerCase().startsWith('aws:')) {
      throw error(
        'InvalidParameterValue',
        `Tag key '${key}': keys starting with 'aws:' are reserved for internal use`,
      );
    }
    if (key.length < 1 || key.length > 128 || value.length > 256) {
      throw error(
        'InvalidParameterValue',
        `Tag '${key}': keys have 1 to 128 characters, values up to 256`,
      );
    }
  }
  return tags;
}

function resourceTags(resource: PlanResource): Record<string, string> {
  return 'tags' in resource ? resource.tags : {};
}

/**
 * The embedded default cloud: behaves like EC2 (and S3) where the product
 * depends on it, and keeps its state in the plugin database.
 *
 * - EC2-like ids (`i-0…`, `sg-0…`, `vol-0…`, `eipalloc-0…`, `key-0…`,
 *   `vpc-0…`, `subnet-0…`, `vai-…` for attachments, bucket names), lifecycle
 *   states (instances `pending` → `running`, `shutting-down` → `terminated`;
 *   volumes `creating` → `available` → `in-use`), EC2's validation errors as
 *   {@link SimulatedCloudError}s and client-token idempotency.
 * - `apply` returns when the next step can use the resource, as Terraform's
 *   AWS provider does, except that a new instance is returned `pending`, as
 *   RunInstances does: describe it until it runs before attaching volumes or
 *   addresses to it. An instance type change stops and starts the instance
 *   and returns once it runs again; a terminate returns once it is
 *   terminated.
 * - Describe by id returns terminated instances for a while (as EC2 does);
 *   describe by tag returns only resources that exist.
 * - Drift and failures can be caused on purpose: {@link SimulatedCloudProvider.injectDrift},
 *   {@link SimulatedCloudProvider.injectFailure}.
 *
 * @public
 */
export class SimulatedCloudProvider implements CloudProvider {
  readonly id = 'simulated';
  readonly simulated = true;

  private readonly settings: Required<SimulatedCloudOptions>;

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
    return new SimulatedCloudProvider(
      new SimulatedStore(options.knex),
      options.options ?? {},
    );
  }

  private constructor(
    private readonly store: SimulatedStore,
    options: SimulatedCloudOptions,
  ) {
    this.settings = {
      latencyMillis: options.latencyMillis ?? 0,
      bootMillis: options.bootMillis ?? 1500,
      shutdownMillis: options.shutdownMillis ?? 500,
      volumeCreateMillis: options.volumeCreateMillis ?? 200,
      terminatedRetentionMillis:
        options.terminatedRetentionMillis ?? 60 * 60 * 1000,
    };
  }

  async resolveImage(options: {
    region: string;
    image: InstanceImage;
  }): Promise<{ imageId: string } | undefined> {
    await this.roundTrip();
    const image = findImage(options.region, options.image);
    return image && { imageId: image.imageId };
  }

  async apply(
    options: CloudApplyOptions,
  ): Promise<CloudResourceState | undefined> {
    await this.roundTrip();
    const { region, change } = options;
    if (change.action === 'delete') {
      return this.remove(region, change.type, change.cloudId);
    }
    const resource = parseResource(change.resource);
    const address = resourceAddress(resource);
    const after = await this.failIfInjected(
      { action: change.action, type: resource.type, address },
      'before',
    );
    const ctx: RuleContext = {
      region,
      address,
      now: Date.now(),
      store: this.store,
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
        ? await this.createResource(
            ctx,
            resource,
            change.clientToken,
            change.tags,
            options.resolved,
          )
        : await this.updateResource(ctx, resource, change.cloudId, change.tags);
    await this.failAfter(after);
    return state;
  }

  async describe(options: {
    region: string;
    cloudIds?: Array<{ type: ResourceType; cloudId: string }>;
    tags?: Record<string, string>;
    tagKeys?: string[];
  }): Promise<CloudResourceState[]> {
    await this.roundTrip();
    if (options.cloudIds?.length === 0) {
      return [];
    }
    const now = Date.now();
    const wanted = options.cloudIds
      ? new Set(options.cloudIds.map(c => `${c.type}/${c.cloudId}`))
      : undefined;
    const rows = await this.store.describe({
      region: options.region,
      ids: options.cloudIds && [
        ...new Set(options.cloudIds.map(c => c.cloudId)),
      ],
      types: options.cloudIds && [
        ...new Set(options.cloudIds.map(c => c.type)),
      ],
      tags: options.tags,
      tagKeys: options.tagKeys,
      terminatedSince: now - this.settings.terminatedRetentionMillis,
    });
    return rows
      .filter(row => !wanted || wanted.has(`${row.type}/${row.id}`))
      .map(row => this.toState(row, now));
  }

  /**
   * Changes a live resource as a console user would (ClickOps), so that a
   * drift check sees it: e.g. `{ cloudId: 'sg-0…', attributes: { ingress: [...] } }`
   * or `{ cloudId: 'i-0…', attributes: { instanceType: 't3.large' } }`.
   * Values are checked like the console checks them.
   */
  async injectDrift(drift: SimulatedDrift): Promise<CloudResourceState> {
    const row = await this.store.findLiveAnywhere(drift.cloudId, drift.type);
    if (!row) {
      throw error(
        'InvalidResourceID.NotFound',
        `The resource '${drift.cloudId}' does not exist`,
      );
    }
    const attributes = { ...row.attributes };
    for (const [field, value] of Object.entries(drift.attributes ?? {})) {
      attributes[field] = this.driftValue(row, field, value);
    }
    if (row.type === 'aws_s3_bucket') {
      Object.assign(attributes, bucketFacts(attributes, row.region));
    }
    let tags: Record<string, string> | undefined;
    if (drift.tags) {
      if (!RULES[row.type].taggable) {
        throw error(
          'InvalidParameterValue',
          `${row.type} resources carry no tags`,
        );
      }
      tags = { ...row.tags };
      for (const [key, value] of Object.entries(drift.tags)) {
        if (value === null) {
          delete tags[key];
        } else {
          tags[key] = value;
        }
      }
      checkTags(tags);
    }
    const now = Date.now();
    await this.store.transaction(trx =>
      this.store.update(trx, row, { attributes, tags }, now),
    );
    const updated = await this.store.findLive(row.region, row.type, row.id);
    return this.toState(updated!, now);
  }

  /**
   * Makes the next `times` matching apply calls fail with the given error.
   * Failures are kept in the database, so every backend instance sees them.
   */
  async injectFailure(failure: SimulatedFailure): Promise<{ id: string }> {
    const times = failure.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw error(
        'InvalidParameterValue',
        `times must be a positive integer, not ${times}`,
      );
    }
    if (!failure.code) {
      throw error('InvalidParameterValue', 'An injected failure needs a code');
    }
    const id = randomUUID();
    await this.store.addFailure(
      {
        id,
        action: failure.action ?? null,
        type: failure.type ?? null,
        address: failure.address ?? null,
        phase: failure.when ?? 'before',
        code: failure.code,
        message: failure.message,
        times,
      },
      Date.now(),
    );
    return { id };
  }

  /** Forgets every injected failure not yet used up; returns how many there were. */
  async clearFailures(): Promise<number> {
    return this.store.clearFailures();
  }

  /** How many resources of each type exist, and how many were ever created. */
  async counts(): Promise<SimulatedCloudCounts> {
    const counts = Object.fromEntries(
      resourceTypes.map(type => [type, { existing: 0, created: 0 }]),
    ) as SimulatedCloudCounts;
    for (const row of await this.store.counts()) {
      counts[row.type] = { existing: row.existing, created: row.created };
    }
    return counts;
  }

  private async roundTrip() {
    if (this.settings.latencyMillis > 0) {
      await sleep(this.settings.latencyMillis);
    }
  }

  /**
   * Throws the first injected failure that matches a `before` call; returns
   * the ones that could match after the change.
   */
  private async failIfInjected(
    call: { action: string; type: ResourceType; address: string | null },
    phase: 'before',
  ): Promise<StoredFailure[]> {
    const matching = (await this.store.pendingFailures()).filter(
      f =>
        (f.action === null || f.action === call.action) &&
        (f.type === null || f.type === call.type) &&
        (f.address === null || f.address === call.address),
    );
    for (const failure of matching.filter(f => f.phase === phase)) {
      if (await this.store.consumeFailure(failure.id)) {
        throw error(failure.code, failure.message);
      }
    }
    return matching.filter(f => f.phase === 'after');
  }

  private async failAfter(candidates: StoredFailure[]) {
    for (const failure of candidates) {
      if (await this.store.consumeFailure(failure.id)) {
        throw error(failure.code, failure.message);
      }
    }
  }

  private toState(row: SimResource, now: number): CloudResourceState {
    return {
      type: row.type,
      cloudId: row.id,
      status: statusOf(row, now),
      attributes: { ...row.attributes },
      tags: { ...row.tags },
    };
  }

  private async untilSettled(row: SimResource): Promise<CloudResourceState> {
    const wait = (row.transitionAt ?? 0) - Date.now();
    if (wait > 0) {
      await sleep(wait);
    }
    return this.toState(row, Math.max(Date.now(), row.transitionAt ?? 0));
  }

  private async createResource(
    ctx: RuleContext,
    resource: PlanResource,
    clientToken: string,
    tags: Record<string, string>,
    resolved: Record<string, string>,
  ): Promise<CloudResourceState> {
    const rules = RULES[resource.type] as TypeRules;
    checkClientToken(clientToken);
    const effectiveTags = rules.taggable
      ? checkTags({ ...resourceTags(resource), ...tags })
      : {};
    const request = { ...resource, tags: undefined };
    const requestHash = createHash('sha256')
      .update(
        canonicalJson({
          region: ctx.region,
          request,
          references: references(resource).map(a => resolved[a] ?? null),
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
      // Instances come back pending, as RunInstances returns them; anything
      // else once it can be used.
      return resource.type === 'aws_instance'
        ? this.toState(row, Date.now())
        : this.untilSettled(row);
    };

    const existing = await this.store.findByToken(
      ctx.region,
      resource.type,
      clientToken,
    );
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
      const raced = await this.store.findByToken(
        ctx.region,
        resource.type,
        clientToken,
      );
      if (raced) {
        return replay(raced);
      }
      throw e;
    }
    const initial = rules.initial(resource, desired, {
      ...ctx,
      clientToken,
      timings: this.settings,
    });
    const attributes = { ...desired, ...initial.facts };
    if (resource.type === 'aws_s3_bucket') {
      Object.assign(attributes, bucketFacts(attributes, ctx.region));
    }
    try {
      await this.store.transaction(async trx => {
        const inserted = await this.store.insert(
          trx,
          {
            id: initial.id,
            type: resource.type,
            region: ctx.region,
            address: ctx.address,
            clientToken,
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
        if (inserted) {
          await this.afterInsert(trx, inserted, ctx.now);
        }
      });
    } catch (e) {
      // Another live resource holds the unique key (bucket or key name, the
      // volume of an attachment), unless a concurrent call with the same
      // token won: then its resource is the answer.
      if (!isUniqueViolation(e)) {
        throw e;
      }
    }
    const row = await this.store.findByToken(
      ctx.region,
      resource.type,
      clientToken,
    );
    if (!row) {
      throw rules.conflict(initial);
    }
    return replay(row);
  }

  /** What a new resource changes elsewhere (an attached volume, an associated instance). */
  private async afterInsert(
    trx: Knex.Transaction,
    resource: SimResource,
    now: number,
  ) {
    if (resource.type === 'aws_volume_attachment') {
      const volume = await this.store.findLive(
        resource.region,
        'aws_ebs_volume',
        resource.attributes.volume as string,
        trx,
      );
      if (volume) {
        await this.store.update(
          trx,
          volume,
          { state: 'in-use', transitionAt: null },
          now,
        );
      }
    }
    if (resource.type === 'aws_eip' && resource.attributes.instance) {
      await this.associate(
        trx,
        resource,
        resource.attributes.instance as string,
        now,
      );
    }
  }

  /** Points an instance's public address at an elastic IP; a previous one is released from it. */
  private async associate(
    trx: Knex.Transaction,
    eip: SimResource,
    instanceId: string,
    now: number,
  ) {
    const instance = await this.store.findLive(
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
      const old = await this.store.findLive(
        eip.region,
        'aws_eip',
        previous,
        trx,
      );
      if (old) {
        await this.store.update(
          trx,
          old,
          {
            state: 'allocated',
            attributes: {
              ...old.attributes,
              instance: undefined,
              associationId: undefined,
            },
          },
          now,
        );
      }
    }
    await this.store.update(
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
  private async disassociate(
    trx: Knex.Transaction,
    region: string,
    eipId: string,
    instanceId: string,
    now: number,
  ) {
    const instance = await this.store.findLive(
      region,
      'aws_instance',
      instanceId,
      trx,
    );
    if (!instance || instance.attributes.elasticIp !== eipId) {
      return;
    }
    await this.store.update(
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

  private async updateResource(
    ctx: RuleContext,
    resource: PlanResource,
    cloudId: string,
    tags: Record<string, string>,
  ): Promise<CloudResourceState> {
    const rules = RULES[resource.type] as TypeRules;
    const current = await this.store.findLive(
      ctx.region,
      resource.type,
      cloudId,
    );
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
      patch.tags = checkTags({ ...resourceTags(resource), ...tags });
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
      patch.transitionAt = ctx.now + this.settings.bootMillis;
      if (!attributes.elasticIp && attributes.associatePublicIp) {
        attributes.publicIp = randomPublicIp();
      }
    }
    if (resource.type === 'aws_s3_bucket') {
      Object.assign(attributes, bucketFacts(attributes, ctx.region));
    }
    if (reassociate) {
      if (newInstance) {
        const target = await this.store.findLive(
          ctx.region,
          'aws_instance',
          newInstance,
        );
        checkCanAssociate(target!, ctx.now);
      }
      patch.state = newInstance ? 'associated' : 'allocated';
      attributes.associationId = newInstance
        ? newCloudId('eipassoc')
        : undefined;
    }

    await this.store.transaction(async trx => {
      await this.store.update(trx, current, patch, ctx.now);
      if (reassociate && oldInstance) {
        await this.disassociate(trx, ctx.region, cloudId, oldInstance, ctx.now);
      }
      if (reassociate && newInstance) {
        await this.associate(
          trx,
          { ...current, attributes },
          newInstance,
          ctx.now,
        );
      }
    });
    const updated = await this.store.findLive(
      ctx.region,
      resource.type,
      cloudId,
    );
    if (!updated) {
      throw rules.notFound(cloudId);
    }
    return restart
      ? this.untilSettled(updated)
      : this.toState(updated, Date.now());
  }

  private async remove(
    region: string,
    type: ResourceType,
    cloudId: string,
  ): Promise<undefined> {
    const row =
      type === 'aws_instance'
        ? await this.store.findLatest(region, type, cloudId)
        : await this.store.findLive(region, type, cloudId);
    const after = await this.failIfInjected(
      { action: 'delete', type, address: row?.address ?? null },
      'before',
    );
    if (row && row.deletedAt === null) {
      const now = Date.now();
      await this.checkDelete(row, now);
      const instance = type === 'aws_instance';
      await this.store.transaction(async trx => {
        const won = await this.store.markDeleted(
          trx,
          row,
          instance
            ? {
                state: 'shutting-down',
                transitionAt: now + this.settings.shutdownMillis,
                attributes: { ...row.attributes, publicIp: undefined },
              }
            : { state: 'deleted', transitionAt: null },
          now,
        );
        if (won) {
          await this.afterDelete(trx, row, now);
        }
      });
    }
    if (type === 'aws_instance' && row) {
      // A terminate returns once the instance is gone, as Terraform's does.
      const latest = await this.store.findLatest(region, type, cloudId);
      await this.untilSettled(latest!);
    }
    await this.failAfter(after);
    return undefined;
  }

  /** EC2's refusals to delete what something else still uses. */
  private async checkDelete(row: SimResource, now: number) {
    const holders = () =>
      this.store.listInstancesHoldingNetwork(row.region, now);
    const dependency = (message: string) =>
      error('DependencyViolation', message);
    switch (row.type) {
      case 'aws_security_group':
        if (
          (await holders()).some(i =>
            (i.attributes.securityGroups as string[]).includes(row.id),
          )
        ) {
          throw dependency(`resource ${row.id} has a dependent object`);
        }
        break;
      case 'aws_subnet':
        if ((await holders()).some(i => i.attributes.subnet === row.id)) {
          throw dependency(
            `The subnet '${row.id}' has dependencies and cannot be deleted.`,
          );
        }
        break;
      case 'aws_vpc': {
        const [subnets, groups, instances] = await Promise.all([
          this.store.listLive(row.region, 'aws_subnet'),
          this.store.listLive(row.region, 'aws_security_group'),
          holders(),
        ]);
        if (
          [...subnets, ...groups, ...instances].some(
            r => r.attributes.vpc === row.id,
          )
        ) {
          throw dependency(
            `The vpc '${row.id}' has dependencies and cannot be deleted.`,
          );
        }
        break;
      }
      case 'aws_ebs_volume':
        if (statusOf(row, now) === 'in-use') {
          const attachments = await this.store.listLive(
            row.region,
            'aws_volume_attachment',
          );
          const attachment = attachments.find(
            a => a.attributes.volume === row.id,
          );
          throw error(
            'VolumeInUse',
            `Volume ${row.id} is currently attached to ${attachment?.attributes.instance}`,
          );
        }
        break;
      default:
    }
  }

  /** What a deletion changes elsewhere: detached volumes, released addresses. */
  private async afterDelete(
    trx: Knex.Transaction,
    row: SimResource,
    now: number,
  ) {
    const freeVolume = async (volumeId: string) => {
      const volume = await this.store.findLive(
        row.region,
        'aws_ebs_volume',
        volumeId,
        trx,
      );
      if (volume) {
        await this.store.update(
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
      await this.disassociate(
        trx,
        row.region,
        row.id,
        row.attributes.instance as string,
        now,
      );
    }
    if (row.type === 'aws_instance') {
      // EC2 detaches data volumes and disassociates addresses on terminate.
      const attachments = await this.store.listLive(
        row.region,
        'aws_volume_attachment',
        undefined,
        trx,
      );
      for (const attachment of attachments) {
        if (attachment.attributes.instance === row.id) {
          await this.store.markDeleted(
            trx,
            attachment,
            { state: 'detached', transitionAt: null },
            now,
          );
          await freeVolume(attachment.attributes.volume as string);
        }
      }
      const addresses = await this.store.listLive(
        row.region,
        'aws_eip',
        undefined,
        trx,
      );
      for (const eip of addresses) {
        if (eip.attributes.instance === row.id) {
          await this.store.update(
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
      }
    }
  }

  /** Checks one drifted attribute like the console would and returns the value to store. */
  private driftValue(row: SimResource, field: string, value: unknown): unknown {
    if (field === 'type' || field === 'name' || field === 'tags') {
      throw error('InvalidParameterValue', `${field} cannot be changed`);
    }
    if (value === null) {
      return undefined;
    }
    if (REFERENCE_FIELDS[row.type]?.includes(field)) {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length === 0 || ids.some(id => typeof id !== 'string')) {
        throw error(
          'InvalidParameterValue',
          `${field} holds cloud ids, not ${JSON.stringify(value)}`,
        );
      }
      return value;
    }
    const shape = SCHEMAS[row.type].shape as Record<string, FieldSchema>;
    if (field in shape) {
      const parsed = shape[field].safeParse(value);
      if (!parsed.success) {
        throw error(
          'InvalidParameterValue',
          `${field}: ${parsed.error.issues.map(i => i.message).join('; ')}`,
        );
      }
      if (field === 'instanceType') {
        const type = findInstanceType(parsed.data as string);
        if (!type) {
          throw error(
            'InvalidParameterValue',
            `Invalid value '${parsed.data}' for InstanceType.`,
          );
        }
        if (type.architecture !== row.attributes.architecture) {
          throw error(
            'InvalidParameterValue',
            `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${row.attributes.architecture}' of the instance's AMI.`,
          );
        }
      }
      return parsed.data;
    }
    if (field in row.attributes) {
      return value;
    }
    throw error(
      'InvalidParameterValue',
      `${row.type} has no attribute ${field}`,
    );
  }
}

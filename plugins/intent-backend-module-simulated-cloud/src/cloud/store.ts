// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import { Knex } from 'knex';
import {
  NewResource,
  ResourceRow,
  SimResource,
  TABLES,
  toResource,
} from './rows';

export { isUniqueViolation, statusOf, TABLES } from './rows';
export type { NewResource, SimResource } from './rows';

/** Filters of {@link SimulatedStore.describe}. */
export interface DescribeQuery {
  region: string;
  ids?: string[];
  types?: ResourceType[];
  tags?: Record<string, string>;
  tagKeys?: string[];
  /** With ids and no tag filter: deleted instances younger than this are included. */
  terminatedSince: number;
}

/** The database side of the simulated cloud. Every method is one statement unless it says otherwise. */
export class SimulatedStore {
  constructor(private readonly db: Knex) {}

  transaction<T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async findByToken(
    region: string,
    type: ResourceType,
    clientToken: string,
  ): Promise<SimResource | undefined> {
    const row = await this.db<ResourceRow>(TABLES.resources)
      .where({ region, type, client_token: clientToken })
      .first();
    return row && toResource(row);
  }

  async findByRequest(
    trx: Knex.Transaction,
    requestId: string,
  ): Promise<SimResource | undefined> {
    const row = await trx<ResourceRow>(TABLES.resources)
      .where({ request_id: requestId })
      .first();
    return row && toResource(row);
  }

  /** A live (not deleted) resource, or undefined. */
  async findLive(
    region: string,
    type: ResourceType,
    id: string,
    db: Knex = this.db,
  ): Promise<SimResource | undefined> {
    const row = await db<ResourceRow>(TABLES.resources)
      .where({ region, type, id })
      .whereNull('deleted_at')
      .first();
    return row && toResource(row);
  }

  /** A live resource by id alone, in any region. */
  async findLiveAnywhere(
    id: string,
    type?: ResourceType,
  ): Promise<SimResource | undefined> {
    const query = this.db<ResourceRow>(TABLES.resources)
      .where({ id })
      .whereNull('deleted_at');
    if (type) {
      query.andWhere({ type });
    }
    const row = await query.orderBy('seq').first();
    return row && toResource(row);
  }

  /** The newest resource with this id, deleted or not. */
  async findLatest(
    region: string,
    type: ResourceType,
    id: string,
  ): Promise<SimResource | undefined> {
    const row = await this.db<ResourceRow>(TABLES.resources)
      .where({ region, type, id })
      .orderBy('seq', 'desc')
      .first();
    return row && toResource(row);
  }

  /** Live resources of one type, optionally only these ids. */
  async listLive(
    region: string,
    type: ResourceType,
    ids?: string[],
    db: Knex = this.db,
  ): Promise<SimResource[]> {
    const query = db<ResourceRow>(TABLES.resources)
      .where({ region, type })
      .whereNull('deleted_at');
    if (ids) {
      query.whereIn('id', ids);
    }
    return (await query.orderBy('seq')).map(toResource);
  }

  /**
   * Instances that still hold their network interfaces: live ones and those
   * shutting down (a terminate is not instant).
   */
  async listInstancesHoldingNetwork(
    region: string,
    now: number,
    db: Knex = this.db,
  ): Promise<SimResource[]> {
    const rows = await db<ResourceRow>(TABLES.resources)
      .where({ region, type: 'aws_instance' })
      .andWhere(q =>
        q.whereNull('deleted_at').orWhere('transition_at', '>', now),
      )
      .orderBy('seq');
    return rows.map(toResource);
  }

  /**
   * Inserts a resource unless one with the same client token exists, and its
   * tags when it was inserted. Returns the stored resource when this call
   * inserted it. Throws the database's unique violation when a live key is
   * taken (PostgreSQL, SQLite); MySQL ignores it, and nothing is returned.
   */
  async insert(
    trx: Knex.Transaction,
    resource: NewResource,
    now: number,
  ): Promise<SimResource | undefined> {
    await trx<ResourceRow>(TABLES.resources)
      .insert({
        id: resource.id,
        type: resource.type,
        region: resource.region,
        address: resource.address,
        client_token: resource.clientToken,
        request_hash: resource.requestHash,
        request_id: resource.requestId,
        live_key: resource.liveKey,
        state: resource.state,
        transition_at: resource.transitionAt,
        attributes: JSON.stringify(resource.attributes),
        tags: JSON.stringify(resource.tags),
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .onConflict(['region', 'type', 'client_token'])
      .ignore();
    const inserted = await this.findByRequest(trx, resource.requestId);
    if (inserted) {
      await this.insertTags(trx, inserted.seq, resource.tags);
    }
    return inserted;
  }

  private async insertTags(
    trx: Knex.Transaction,
    seq: number,
    tags: Record<string, string>,
  ) {
    const rows = Object.entries(tags).map(([key, value]) => ({
      resource_seq: seq,
      tag_key: key,
      tag_value: value,
    }));
    if (rows.length > 0) {
      await trx(TABLES.tags).insert(rows);
    }
  }

  /** Changes a resource; tags are replaced when given. Returns the updated count. */
  async update(
    db: Knex,
    resource: SimResource,
    patch: {
      state?: string;
      transitionAt?: number | null;
      attributes?: Record<string, unknown>;
      tags?: Record<string, string>;
    },
    now: number,
  ): Promise<number> {
    const changes: Partial<ResourceRow> = { updated_at: now };
    if (patch.state !== undefined) {
      changes.state = patch.state;
    }
    if (patch.transitionAt !== undefined) {
      changes.transition_at = patch.transitionAt;
    }
    if (patch.attributes) {
      changes.attributes = JSON.stringify(patch.attributes);
    }
    if (patch.tags) {
      changes.tags = JSON.stringify(patch.tags);
    }
    const count = await db<ResourceRow>(TABLES.resources)
      .where({ seq: resource.seq })
      .update(changes);
    if (patch.tags) {
      await db(TABLES.tags).where({ resource_seq: resource.seq }).delete();
      const rows = Object.entries(patch.tags).map(([key, value]) => ({
        resource_seq: resource.seq,
        tag_key: key,
        tag_value: value,
      }));
      if (rows.length > 0) {
        await db(TABLES.tags).insert(rows);
      }
    }
    return count;
  }

  /**
   * Marks a live resource deleted; only one concurrent caller wins.
   *
   * @returns true when this call deleted it.
   */
  async markDeleted(
    db: Knex,
    resource: SimResource,
    patch: {
      state: string;
      transitionAt: number | null;
      attributes?: Record<string, unknown>;
    },
    now: number,
  ): Promise<boolean> {
    const count = await db<ResourceRow>(TABLES.resources)
      .where({ seq: resource.seq })
      .whereNull('deleted_at')
      .update({
        state: patch.state,
        transition_at: patch.transitionAt,
        attributes: JSON.stringify(patch.attributes ?? resource.attributes),
        live_key: null,
        deleted_at: now,
        updated_at: now,
      });
    return count === 1;
  }

  /** Every describe is this one statement: ids, types and tags all in SQL. */
  async describe(query: DescribeQuery): Promise<SimResource[]> {
    const q = this.db<ResourceRow>(`${TABLES.resources} as r`)
      .select('r.*')
      .where('r.region', query.region);
    if (query.ids) {
      q.whereIn('r.id', query.ids);
    }
    if (query.types) {
      q.whereIn('r.type', query.types);
    }
    const tagFilters = Object.entries(query.tags ?? {});
    const tagKeys = query.tagKeys ?? [];
    if (tagFilters.length > 0 || tagKeys.length > 0 || !query.ids) {
      q.whereNull('r.deleted_at');
    } else {
      q.where(live =>
        live
          .whereNull('r.deleted_at')
          .orWhere(recent =>
            recent
              .where('r.type', 'aws_instance')
              .andWhere('r.deleted_at', '>=', query.terminatedSince),
          ),
      );
    }
    for (const [key, value] of tagFilters) {
      q.whereExists(sub =>
        sub
          .select(this.db.raw('1'))
          .from(`${TABLES.tags} as t`)
          .where('t.resource_seq', this.db.ref('r.seq'))
          .andWhere('t.tag_key', key)
          .andWhere('t.tag_value', value),
      );
    }
    for (const key of tagKeys) {
      q.whereExists(sub =>
        sub
          .select(this.db.raw('1'))
          .from(`${TABLES.tags} as t`)
          .where('t.resource_seq', this.db.ref('r.seq'))
          .andWhere('t.tag_key', key),
      );
    }
    return (await q.orderBy('r.seq')).map(toResource);
  }

  /** Per type: resources ever created and those not deleted. */
  async counts(): Promise<
    Array<{ type: ResourceType; created: number; existing: number }>
  > {
    const rows = await this.db<ResourceRow>(TABLES.resources)
      .select('type')
      .count({ created: '*' })
      .count({ existing: 'live_key' })
      .groupBy('type');
    return rows.map(row => ({
      type: row.type as ResourceType,
      created: Number(row.created),
      existing: Number(row.existing),
    }));
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  estimateCost,
  OrphanResource,
  Plan,
  PLAN_FORMAT_VERSION,
  ResourceType,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import pLimit from 'p-limit';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { orphanScanTargets } from './orphanRegions';
import { LifecycleSettings } from './settings';

/** A session in these statuses has nothing in the cloud any more. */
const GONE_SESSION = new Set(['destroyed', 'expired']);
const GONE_RESOURCE = new Set(['terminated', 'deleted', 'shutting-down']);
/** How many regions the orphan scan describes at once. */
const SCAN_CONCURRENCY = 4;

/** The hourly cost of one resource as the cloud reports it; 0 when unknown. */
export function hourlyCostOf(state: CloudResourceState, region: string) {
  try {
    const plan = {
      formatVersion: PLAN_FORMAT_VERSION,
      region,
      tags: {},
      existing: [],
      resources: [{ ...state.attributes, type: state.type, name: 'orphan' }],
    } as unknown as Plan;
    return estimateCost(plan).hourlyUsd;
  } catch {
    return 0;
  }
}

/**
 * Resources carrying an `intent:session` tag whose session is missing or
 * destroyed: found with one describe by tag key per cloud and region, on
 * every installed cloud a session used, in every region a session used
 * there, the baseline allows or `intent.lifecycle.orphans.regions` lists
 * (a session whose row is lost may have run anywhere policy let it), and
 * destroyed one by one by an admin.
 *
 * @internal
 */
export class Orphans {
  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      providers: ReadonlyMap<string, CloudProvider>;
      settings: Pick<LifecycleSettings, 'orphanRegions'>;
      logger: LoggerService;
    },
  ) {}

  async list(): Promise<OrphanResource[]> {
    const { lifecycle, providers, settings, logger } = this.options;
    const targets = orphanScanTargets({
      used: await lifecycle.providerRegions(),
      installed: [...providers.keys()],
      extraRegions: settings.orphanRegions,
    });
    // A few regions at a time: an allowed-regions list can be long.
    const limit = pLimit(SCAN_CONCURRENCY);
    const scanned = await Promise.all(
      targets.map(({ provider, region, used }) =>
        limit(async () => {
          let states: CloudResourceState[];
          try {
            states = await providers.get(provider)!.describe({
              region,
              tagKeys: [INTENT_TAGS.session],
            });
          } catch (error) {
            if (used) {
              throw error;
            }
            // An account need not have every allowed region enabled (AWS
            // opt-in regions, GovCloud): one no session used must not hide
            // the orphans of the others.
            logger.warn(
              `Orphan scan skipped ${provider} ${region}, which no session used: ${
                (error as Error).message
              }`,
            );
            return [];
          }
          return states
            .filter(state => !GONE_RESOURCE.has(state.status))
            .map(state => ({ provider, region, state }));
        }),
      ),
    );
    const found = scanned.flat();
    const statuses = await lifecycle.sessionStatuses([
      ...new Set(found.map(f => f.state.tags[INTENT_TAGS.session])),
    ]);
    return found
      .flatMap(({ provider, region, state }) => {
        const sessionId = state.tags[INTENT_TAGS.session];
        const status = statuses.get(sessionId) ?? null;
        if (status !== null && !GONE_SESSION.has(status)) {
          return [];
        }
        return [
          {
            provider,
            region,
            type: state.type,
            cloudId: state.cloudId,
            sessionId,
            sessionStatus: status,
            hourlyUsd: hourlyCostOf(state, region),
            tags: state.tags,
          },
        ];
      })
      .sort(
        (a, b) =>
          a.sessionId.localeCompare(b.sessionId) ||
          a.cloudId.localeCompare(b.cloudId),
      );
  }

  /** Deletes one orphan, after checking that it still is one. */
  async destroy(input: {
    provider: string;
    region: string;
    type: string;
    cloudId: string;
    actor: string;
  }): Promise<OrphanResource> {
    const { lifecycle, providers, store } = this.options;
    const cloud = providers.get(input.provider);
    if (!cloud) {
      throw new InputError(
        `No cloud ${input.provider} is installed (installed: ${
          [...providers.keys()].join(', ') || 'none'
        })`,
      );
    }
    const [state] = await cloud.describe({
      region: input.region,
      cloudIds: [{ type: input.type as ResourceType, cloudId: input.cloudId }],
    });
    if (!state || GONE_RESOURCE.has(state.status)) {
      throw new NotFoundError(
        `No ${input.type} ${input.cloudId} in ${input.provider} ${input.region}`,
      );
    }
    const sessionId = state.tags[INTENT_TAGS.session];
    if (!sessionId) {
      throw new ConflictError(
        `${input.cloudId} carries no ${INTENT_TAGS.session} tag: the portal did not make it, so it does not delete it`,
      );
    }
    const status =
      (await lifecycle.sessionStatuses([sessionId])).get(sessionId) ?? null;
    if (status !== null && !GONE_SESSION.has(status)) {
      throw new ConflictError(
        `${input.cloudId} belongs to session ${sessionId}, which is ${status}: destroy the session instead`,
      );
    }
    await cloud.apply({
      region: input.region,
      change: {
        action: 'delete',
        type: input.type as ResourceType,
        cloudId: input.cloudId,
      },
      resolved: {},
    });
    await store.appendAudit({
      sessionId: null,
      actor: input.actor,
      action: 'orphan-destroy',
      details: {
        provider: input.provider,
        region: input.region,
        type: input.type,
        cloudId: input.cloudId,
        session: sessionId,
      },
    });
    return {
      provider: input.provider,
      region: input.region,
      type: state.type,
      cloudId: state.cloudId,
      sessionId,
      sessionStatus: status,
      hourlyUsd: hourlyCostOf(state, input.region),
      tags: state.tags,
    };
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  parsePlan,
  resourceAddress,
  Revision,
  Session,
  SessionDetails,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SessionStore } from '../database';
import { clientToken, planHash } from './hashing';

const TITLE_LENGTH = 80;

/**
 * Sessions from intent to running resources: plans with the configured
 * planner, validates, stores and applies through the configured cloud.
 *
 * @internal
 */
export class SessionService {
  /** Applies in flight, so shutdown and tests can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      store: SessionStore;
      planner: IntentPlanner;
      provider: CloudProvider;
      logger: LoggerService;
      /** How often an apply polls the cloud while resources boot. */
      pollMillis: number;
      /** How long resources may take to reach their running state. */
      readyTimeoutMillis: number;
    },
  ) {}

  async createSession(input: {
    intent: unknown;
    owner: string;
  }): Promise<SessionDetails> {
    const problem = validateIntentText(input.intent);
    if (problem) {
      throw new InputError(problem);
    }
    const intent = (input.intent as string).trim();
    const result = await this.options.planner.plan({ intent });
    const checked = parsePlan(result.plan);
    if (!checked.ok) {
      throw new Error(
        `Planner ${
          result.planner
        } returned an invalid plan: ${checked.problems.join('; ')}`,
      );
    }
    return this.options.store.createSession({
      title: titleOf(intent),
      owner: input.owner,
      provider: this.options.provider.id,
      intent,
      result: { ...result, plan: checked.plan },
      planHash: planHash(checked.plan),
    });
  }

  async apply(input: {
    id: string;
    planHash: unknown;
    actor: string;
  }): Promise<SessionDetails> {
    const { store } = this.options;
    const { session, revisions } = await store.getSession({ id: input.id });
    const revision = revisions[revisions.length - 1];
    if (typeof input.planHash !== 'string' || input.planHash.length === 0) {
      throw new InputError(
        'Send the planHash of the revision you reviewed, e.g. { "planHash": "' +
          `${revision.planHash}" }`,
      );
    }
    if (session.status !== 'planned') {
      throw new ConflictError(
        `Session ${session.id} is ${session.status}; only a planned session can be applied`,
      );
    }
    if (input.planHash !== revision.planHash) {
      throw new ConflictError(
        `The plan changed since you reviewed it (you sent ${input.planHash}, the current revision ${revision.seq} has ${revision.planHash}); review it and apply again`,
      );
    }
    if (revision.plan.resources.length === 0) {
      throw new ConflictError(
        'Nothing to apply: the plan has no resources; answer the planner\u2019s questions first',
      );
    }
    const started = await store.transition({
      id: session.id,
      from: 'planned',
      to: 'applying',
      audit: {
        actor: input.actor,
        action: 'apply-start',
        details: { seq: revision.seq, planHash: revision.planHash },
      },
    });
    if (!started) {
      const current = await store.getSession({ id: session.id });
      throw new ConflictError(
        `Session ${session.id} is ${current.session.status}; only a planned session can be applied`,
      );
    }
    const run = this.runApply(session, revision, input.actor).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
    return store.getSession({ id: session.id });
  }

  /** Resolves when every apply started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private async runApply(session: Session, revision: Revision, actor: string) {
    const { store, provider, logger } = this.options;
    const region = revision.plan.region;
    try {
      const cloudIds: string[] = [];
      for (const resource of revision.plan.resources) {
        const address = resourceAddress(resource);
        const state = await provider.create({
          region,
          resource,
          clientToken: clientToken(session.id, address, revision.seq),
          tags: {
            'intent:session': session.id,
            'intent:address': address,
            'intent:owner': session.owner,
          },
        });
        cloudIds.push(state.cloudId);
        await store.saveResource({
          sessionId: session.id,
          resource: {
            address,
            type: resource.type,
            cloudId: state.cloudId,
            status: state.status,
            desired: resource,
            actual: state.attributes,
          },
        });
      }
      await this.waitUntilRunning(session.id, revision, cloudIds);
      await store.transition({
        id: session.id,
        from: 'applying',
        to: 'active',
        revision: { seq: revision.seq, status: 'applied' },
        audit: {
          actor,
          action: 'apply-succeeded',
          details: { seq: revision.seq, cloudIds },
        },
      });
    } catch (error) {
      logger.error(`Apply of session ${session.id} failed`, error as Error);
      await store.transition({
        id: session.id,
        from: 'applying',
        to: 'failed',
        revision: { seq: revision.seq, status: 'failed' },
        audit: {
          actor,
          action: 'apply-failed',
          details: {
            seq: revision.seq,
            error: String((error as Error).message),
          },
        },
      });
    }
  }

  private async waitUntilRunning(
    sessionId: string,
    revision: Revision,
    cloudIds: string[],
  ) {
    const { store, provider, pollMillis, readyTimeoutMillis } = this.options;
    const deadline = Date.now() + readyTimeoutMillis;
    for (;;) {
      const states = await provider.describe({
        region: revision.plan.region,
        cloudIds,
      });
      for (const state of states) {
        const resource = revision.plan.resources.find(
          r => resourceAddress(r) === state.tags['intent:address'],
        );
        if (resource) {
          await store.saveResource({
            sessionId,
            resource: {
              address: resourceAddress(resource),
              type: resource.type,
              cloudId: state.cloudId,
              status: state.status,
              desired: resource,
              actual: state.attributes,
            },
          });
        }
      }
      if (
        states.length === cloudIds.length &&
        states.every(s => s.status === 'running')
      ) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Resources did not reach the running state within ${readyTimeoutMillis} ms`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, pollMillis));
    }
  }
}

function titleOf(intent: string): string {
  const firstLine = intent.split('\n')[0].trim();
  return firstLine.length <= TITLE_LENGTH
    ? firstLine
    : `${firstLine.slice(0, TITLE_LENGTH - 1)}\u2026`;
}

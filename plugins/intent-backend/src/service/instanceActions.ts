// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  InputError,
  NotFoundError,
  NotImplementedError,
} from '@backstage/errors';
import {
  instanceConnection,
  InstanceConnection,
  OperatingSystem,
  Session,
  SessionDetails,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudError,
  CloudProvider,
  CloudResourceState,
  InstanceAction,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { randomUUID } from 'node:crypto';
import { LockStore, SessionStore } from '../database';
import { SessionLockedError, SessionStateError } from './errors';
import { Actor } from './sessionState';

/** The day-2 actions, in the order the portal offers them. @internal */
export const INSTANCE_ACTIONS: readonly InstanceAction[] = [
  'stop',
  'start',
  'reboot',
];

const PAST: Record<InstanceAction, string> = {
  stop: 'stopped',
  start: 'started',
  reboot: 'rebooted',
};

/**
 * The recorded states each action is offered from: the state it leads from,
 * and the states it is under way to or done in (repeating it is harmless).
 */
const OFFERED_FROM: Record<InstanceAction, readonly string[]> = {
  stop: ['running', 'stopping', 'stopped'],
  start: ['stopped', 'pending', 'running'],
  reboot: ['running'],
};

const NEEDS: Record<InstanceAction, string> = {
  stop: 'running',
  start: 'stopped',
  reboot: 'running',
};

/** Cloud states in which an instance no longer exists (or is going). */
const GONE = new Set(['shutting-down', 'terminated']);

function statusOfCloudError(error: CloudError): number {
  if (error.kind === 'conflict' || error.kind === 'not-found') {
    return 409;
  }
  return error.retryable ? 503 : 502;
}

/**
 * What the cloud refused during an instance action, with the status that
 * says whose move it is: 409 when the instance's state in the cloud does not
 * allow it (or it vanished), 503 when trying again later may work, 502 for
 * everything else the cloud said.
 *
 * @internal
 */
export class InstanceActionCloudError extends CustomErrorBase {
  readonly statusCode: number;
  // The cloud's error is in the message already; as a `cause` the error
  // handler would repeat it.
  constructor(message: string, cause: CloudError) {
    super(message);
    this.name = 'InstanceActionCloudError';
    this.statusCode = statusOfCloudError(cause);
  }
}

/** An instance of a session that exists in the cloud (a cloud id, not going away). */
export function isLiveInstance(resource: SessionResource): boolean {
  return (
    resource.type === 'aws_instance' &&
    resource.cloudId !== null &&
    !GONE.has(resource.status)
  );
}

/**
 * The connection facts of every live instance of a session, by address, from
 * the state last recorded (apply, drift check or day-2 action): no cloud call.
 */
export function sessionConnections(
  details: Pick<SessionDetails, 'session' | 'resources'>,
): Record<string, InstanceConnection> {
  const connections: Record<string, InstanceConnection> = {};
  for (const resource of details.resources) {
    const image = resource.desired.image as { os?: unknown } | undefined;
    if (!isLiveInstance(resource) || typeof image?.os !== 'string') {
      continue;
    }
    connections[resource.address] = instanceConnection({
      image: { os: image.os as OperatingSystem },
      cloudId: resource.cloudId!,
      region: resource.region ?? details.session.region,
      attributes: resource.actual ?? {},
    });
  }
  return connections;
}

/** Checks an action request against what the session holds; returns the instance. */
export function checkInstanceAction(
  details: Pick<SessionDetails, 'session' | 'resources'>,
  address: string,
  action: unknown,
): { resource: SessionResource; action: InstanceAction } {
  const { session } = details;
  if (
    typeof action !== 'string' ||
    !INSTANCE_ACTIONS.includes(action as InstanceAction)
  ) {
    throw new InputError(
      `Unknown instance action ${JSON.stringify(
        action,
      )}; use one of ${INSTANCE_ACTIONS.join(', ')}`,
    );
  }
  if (session.status !== 'active') {
    throw new SessionStateError(
      `Session ${session.id} is ${session.status}; instances can be stopped, started or rebooted only in an applied (active) session`,
      session.status,
    );
  }
  const resource = details.resources.find(r => r.address === address);
  if (!resource) {
    throw new NotFoundError(`Session ${session.id} has no resource ${address}`);
  }
  if (resource.type !== 'aws_instance') {
    throw new InputError(
      `${address} is a ${resource.type}; only instances (aws_instance) can be stopped, started or rebooted`,
    );
  }
  if (!isLiveInstance(resource)) {
    throw new SessionStateError(
      `${address} does not run in the cloud (it is ${resource.status}); nothing to ${action}`,
      session.status,
    );
  }
  const wanted = action as InstanceAction;
  if (!OFFERED_FROM[wanted].includes(resource.status)) {
    throw new SessionStateError(
      `${address} (${resource.cloudId}) is ${resource.status}; only a ${NEEDS[wanted]} instance can be ${PAST[wanted]}`,
      session.status,
    );
  }
  return { resource, action: wanted };
}

/**
 * Day-2 actions on a session's instances: stop, start, reboot. Each runs
 * holding the session's lock (so never beside an apply or destroy, and never
 * two at once), records every state the cloud reports on the way, tells the
 * session's watchers, and ends in the audit log, failed or not.
 *
 * @internal
 */
export class InstanceActions {
  constructor(
    private readonly options: {
      store: SessionStore;
      locks: LockStore;
      logger: LoggerService;
      operations: { leaseMillis: number };
      providerOf: (session: Pick<Session, 'id' | 'provider'>) => CloudProvider;
      onChange?: (sessionId: string) => void;
    },
  ) {}

  /**
   * The session's details with how to reach its live instances and whether
   * its cloud can stop, start and reboot them.
   */
  withConnections(details: SessionDetails): SessionDetails {
    let instanceActions = false;
    try {
      instanceActions = !!this.options.providerOf(details.session)
        .instanceAction;
    } catch {
      // The session's cloud is not installed: nothing can act on it.
    }
    return {
      ...details,
      connections: sessionConnections(details),
      instanceActions,
    };
  }

  async run(input: {
    id: string;
    address: string;
    action: unknown;
    actor: Actor;
  }): Promise<SessionDetails> {
    const { store, locks, operations } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    checkInstanceAction(details, input.address, input.action);
    const provider = this.options.providerOf(session);
    if (!provider.instanceAction) {
      throw new NotImplementedError(
        `The ${provider.id} cloud of session ${session.id} cannot stop, start or reboot instances`,
      );
    }
    const key = `session:${session.id}`;
    const operationId = randomUUID();
    const lock = await locks.acquire({
      key,
      operationId,
      holder: input.actor.userEntityRef,
      leaseMillis: operations.leaseMillis,
    });
    if (!lock.acquired) {
      throw new SessionLockedError(session.id, lock.holder);
    }
    const lost = new AbortController();
    const heartbeat = setInterval(async () => {
      try {
        const renewed = await locks.renew({
          key,
          operationId,
          leaseMillis: operations.leaseMillis,
        });
        if (!renewed && !lost.signal.aborted) {
          lost.abort(
            new Error(`Session ${session.id} lost its lock; try again`),
          );
        }
      } catch (error) {
        this.options.logger.warn(
          `Could not renew the lock of ${key}`,
          error as Error,
        );
      }
    }, Math.max(50, Math.floor(operations.leaseMillis / 3)));
    try {
      // Under the lock: nothing started since the first look.
      const fresh = await store.getSession({ id: session.id });
      const { resource, action } = checkInstanceAction(
        fresh,
        input.address,
        input.action,
      );
      await this.perform(fresh, resource, action, provider, input.actor, {
        operationId,
        signal: lost.signal,
      });
    } finally {
      clearInterval(heartbeat);
      await locks.release({ key, operationId });
      this.options.onChange?.(session.id);
    }
    return store.getSession({ id: session.id });
  }

  private async perform(
    details: SessionDetails,
    resource: SessionResource,
    action: InstanceAction,
    provider: CloudProvider,
    actor: Actor,
    run: { operationId: string; signal: AbortSignal },
  ) {
    const { store } = this.options;
    const { session } = details;
    const cloudId = resource.cloudId!;
    const from = resource.status;
    const record = async (state: CloudResourceState) => {
      run.signal.throwIfAborted();
      await store.saveResource({
        sessionId: session.id,
        resource: {
          ...resource,
          status: state.status,
          actual: state.attributes,
        },
      });
      this.options.onChange?.(session.id);
    };
    const auditDetails = {
      address: resource.address,
      cloudId,
      action,
      operationId: run.operationId,
    };
    let state: CloudResourceState;
    try {
      state = await provider.instanceAction!({
        region: resource.region ?? session.region,
        cloudId,
        action,
        signal: run.signal,
        onProgress: record,
      });
    } catch (error) {
      const message = CloudError.isCloudError(error)
        ? `The cloud refused to ${action} ${resource.address} (${cloudId}): ${error.message}`
        : `Could not ${action} ${resource.address} (${cloudId}): ${
            (error as Error).message
          }`;
      await store.appendAudit({
        sessionId: session.id,
        actor: actor.userEntityRef,
        action: `instance-${action}-failed`,
        details: { ...auditDetails, error: message },
      });
      if (CloudError.isCloudError(error)) {
        throw new InstanceActionCloudError(message, error);
      }
      throw error;
    }
    await record(state);
    await store.appendAudit({
      sessionId: session.id,
      actor: actor.userEntityRef,
      action: `instance-${action}`,
      details: { ...auditDetails, from, to: state.status },
    });
    this.options.logger.info(
      `${actor.userEntityRef} ${PAST[action]} ${resource.address} (${cloudId}) of session ${session.id}`,
    );
  }
}

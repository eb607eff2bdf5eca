// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  CloudResourceState,
  InstanceAction,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { FaultInjector } from './faults';
import { SimEnv, untilSettled, WaitOptions } from './lifecycle';
import { randomPublicIp } from './network';
import { cloudError as error } from './SimulatedCloudError';
import { SimResource, statusOf } from './store';
import { NOT_FOUND } from './types/rules';

/** A day-2 action as the provider received it. */
export interface InstanceActionRequest {
  region: string;
  cloudId: string;
  action: InstanceAction;
}

/** The stored change an action makes to an instance in a given state, or none. */
type Transition =
  | { kind: 'wait' }
  | {
      kind: 'change';
      state: string;
      transitionAt: number | null;
      attributes: Record<string, unknown>;
    };

function incorrectState(row: SimResource, status: string, verb: string) {
  return error(
    'IncorrectInstanceState',
    `The instance '${row.id}' is not in a state from which it can be ${verb} (it is ${status}).`,
  );
}

/**
 * What an action does to an instance, as EC2 does it: a stop releases the
 * instance's own public address (an elastic IP stays associated), a start
 * gives it a new one when it was launched with one, a reboot leaves the
 * instance running with its addresses. Repeating an action that is under
 * way or done waits for it (idempotent).
 */
export function transitionFor(
  row: SimResource,
  action: InstanceAction,
  now: number,
  settings: SimEnv['settings'],
): Transition {
  const status = statusOf(row, now);
  const attributes = row.attributes;
  switch (action) {
    case 'stop':
      if (status === 'stopping' || status === 'stopped') {
        return { kind: 'wait' };
      }
      if (status !== 'running') {
        throw incorrectState(row, status, 'stopped');
      }
      return {
        kind: 'change',
        state: 'stopping',
        transitionAt: now + settings.shutdownMillis,
        attributes: attributes.elasticIp
          ? { ...attributes }
          : { ...attributes, publicIp: undefined },
      };
    case 'start':
      if (status === 'pending' || status === 'running') {
        return { kind: 'wait' };
      }
      if (status !== 'stopped') {
        throw incorrectState(row, status, 'started');
      }
      return {
        kind: 'change',
        state: 'pending',
        transitionAt: now + settings.bootMillis,
        attributes:
          !attributes.elasticIp && attributes.associatePublicIp
            ? { ...attributes, publicIp: randomPublicIp() }
            : { ...attributes },
      };
    case 'reboot':
      if (status !== 'running') {
        throw incorrectState(row, status, 'rebooted');
      }
      return {
        kind: 'change',
        state: 'running',
        transitionAt: null,
        attributes: {
          ...attributes,
          lastRebootTime: new Date(now).toISOString(),
        },
      };
    default:
      throw error(
        'InvalidParameterValue',
        `Unknown instance action '${
          action as string
        }'; use stop, start or reboot`,
      );
  }
}

/**
 * Stops, starts or reboots an instance and resolves once it reached the state
 * the action leads to. Injected failures match it as an `update` of the
 * instance (EC2's Stop/Start/RebootInstances change an existing instance).
 */
export async function instanceAction(
  env: SimEnv,
  faults: FaultInjector,
  request: InstanceActionRequest,
  wait: WaitOptions,
): Promise<CloudResourceState> {
  const { store, settings } = env;
  const { region, cloudId, action } = request;
  const row = await store.findLive(region, 'aws_instance', cloudId);
  if (!row) {
    throw NOT_FOUND.aws_instance(cloudId);
  }
  const after = await faults.failBefore({
    action: 'update',
    type: 'aws_instance',
    address: row.address,
  });
  const now = Date.now();
  const transition = transitionFor(row, action, now, settings);
  if (transition.kind === 'change') {
    await store.transaction(trx =>
      store.update(
        trx,
        row,
        {
          state: transition.state,
          transitionAt: transition.transitionAt,
          attributes: transition.attributes,
        },
        now,
      ),
    );
  }
  const latest = await store.findLive(region, 'aws_instance', cloudId);
  if (!latest) {
    throw NOT_FOUND.aws_instance(cloudId);
  }
  const state = await untilSettled(latest, wait);
  await faults.failAfter(after);
  return state;
}

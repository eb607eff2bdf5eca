// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  SessionDetails,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** A day-2 action the session page offers on an instance. */
export type InstanceActionName = 'stop' | 'start' | 'reboot';

export const INSTANCE_ACTIONS: readonly InstanceActionName[] = [
  'stop',
  'start',
  'reboot',
];

/** The instance state each action needs. */
const NEEDS: Record<InstanceActionName, string> = {
  stop: 'running',
  start: 'stopped',
  reboot: 'running',
};

const LABEL: Record<InstanceActionName, string> = {
  stop: 'Stop',
  start: 'Start',
  reboot: 'Reboot',
};

/** The button label of an action. */
export function actionLabel(action: InstanceActionName): string {
  return LABEL[action];
}

/** Instances that exist in the cloud: they have a cloud id and are not going away. */
export function liveInstances(details: SessionDetails): SessionResource[] {
  return details.resources.filter(
    r =>
      r.type === 'aws_instance' &&
      r.cloudId !== null &&
      r.status !== 'shutting-down' &&
      r.status !== 'terminated',
  );
}

/**
 * Why no action can be taken on the session's instances now, or undefined
 * when the session allows them (each action then depends on the instance's
 * state, see {@link actionBlocker}).
 */
export function sessionBlocker(details: SessionDetails): string | undefined {
  const { session, lock } = details;
  if (details.instanceActions === false) {
    return `The ${session.provider} cloud cannot stop, start or reboot instances.`;
  }
  if (lock) {
    return `An operation runs (locked by ${lock.holder}); wait until it ends.`;
  }
  if (session.status !== 'active') {
    return `The session is ${session.status}; instances can be stopped, started or rebooted once it is applied (active).`;
  }
  return undefined;
}

/** Why one action cannot be taken on this instance now, or undefined. */
export function actionBlocker(
  details: SessionDetails,
  instance: SessionResource,
  action: InstanceActionName,
): string | undefined {
  const blocked = sessionBlocker(details);
  if (blocked) {
    return blocked;
  }
  if (instance.status !== NEEDS[action]) {
    return `${LABEL[action]} needs a ${NEEDS[action]} instance; this one is ${instance.status}.`;
  }
  return undefined;
}

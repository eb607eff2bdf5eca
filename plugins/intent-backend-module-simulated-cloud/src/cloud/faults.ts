// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ResourceType } from '@intent-sandboxes/backstage-plugin-intent-common';
import { randomUUID } from 'node:crypto';
import { SimulatedFailure } from './options';
import { cloudError as error } from './SimulatedCloudError';
import { FailureStore, StoredFailure } from './failureStore';

/** One apply call, as injected failures match it. */
export interface FaultCall {
  action: 'create' | 'update' | 'delete';
  type: ResourceType;
  address: string | null;
}

/**
 * Failures injected on purpose (throttling, capacity, lost responses), kept
 * in the database so that every backend instance sees them, and consumed by
 * the apply calls they match.
 */
export class FaultInjector {
  constructor(private readonly store: FailureStore) {}

  /** Makes the next `times` matching apply calls fail with the given error. */
  async inject(failure: SimulatedFailure): Promise<{ id: string }> {
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
    await this.store.add(
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
  clear(): Promise<number> {
    return this.store.clear();
  }

  /**
   * Throws the first injected `before` failure that matches the call; returns
   * the `after` ones that match, for {@link FaultInjector.failAfter}.
   */
  async failBefore(call: FaultCall): Promise<StoredFailure[]> {
    const matching = (await this.store.pending()).filter(
      f =>
        (f.action === null || f.action === call.action) &&
        (f.type === null || f.type === call.type) &&
        (f.address === null || f.address === call.address),
    );
    await this.consumeFirst(matching.filter(f => f.phase === 'before'));
    return matching.filter(f => f.phase === 'after');
  }

  /** Throws the first of these failures still left, once the change is made. */
  async failAfter(candidates: StoredFailure[]): Promise<void> {
    await this.consumeFirst(candidates);
  }

  private async consumeFirst(candidates: StoredFailure[]) {
    for (const failure of candidates) {
      if (await this.store.consume(failure.id)) {
        throw error(failure.code, failure.message);
      }
    }
  }
}

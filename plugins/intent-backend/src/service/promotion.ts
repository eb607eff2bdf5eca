// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ConflictError } from '@backstage/errors';
import { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import { SessionStore } from '../database';
import { Actor, assertUnlocked } from './sessionState';

/**
 * Promotion of an applied session to a catalog component: its resources
 * now belong to a Terraform repository (the scaffolder action published
 * it), so the session becomes final and has no expiry, and the reaper
 * leaves the resources alone.
 *
 * @internal
 */
export class Promotions {
  constructor(
    private readonly options: {
      store: SessionStore;
      onChange?: (sessionId: string) => void;
    },
  ) {}

  /** 409 unless the session is active and unlocked; audited `session-promote`. */
  async promote(input: {
    id: string;
    repositoryUrl: string;
    entityRef: string;
    actor: Actor;
  }): Promise<SessionDetails> {
    const { store } = this.options;
    const details = await store.getSession({ id: input.id });
    const { session } = details;
    if (session.status !== 'active') {
      throw new ConflictError(
        `Session ${session.id} is ${session.status}; only an applied (active) session can be promoted`,
      );
    }
    assertUnlocked(details);
    const changed = await store.transition({
      id: session.id,
      from: ['active'],
      to: 'promoted',
      expiresAt: null,
      promotedTo: input.entityRef,
      audit: {
        actor: input.actor.userEntityRef,
        action: 'session-promote',
        details: {
          repositoryUrl: input.repositoryUrl,
          entityRef: input.entityRef,
        },
      },
    });
    if (!changed) {
      throw new ConflictError(
        `Session ${session.id} changed meanwhile; try again`,
      );
    }
    this.options.onChange?.(session.id);
    return store.getSession({ id: session.id });
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Entity } from '@backstage/catalog-model';

/** Set on the components that promoted sessions create. */
export const SESSION_ANNOTATION = 'intent.backstage.io/session';

/** The session an entity came from, if it came from one. */
export function sessionIdOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[SESSION_ANNOTATION] || undefined;
}

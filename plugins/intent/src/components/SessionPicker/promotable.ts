// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * The sessions a user can promote, as picker options, newest first: their
 * own (an admin's list shows others' too) and applied (`active`).
 */
export function promotableOptions(
  sessions: Session[],
  userEntityRef: string,
): Array<{ id: string; label: string; description: string }> {
  return sessions
    .filter(s => s.owner === userEntityRef && s.status === 'active')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map(s => ({
      id: s.id,
      label: s.title,
      description: `${s.region} · ${s.id}`,
    }));
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { TerraformFile } from '../types';

/** The session the export tests promote. */
export const session = {
  id: 'sess-1',
  title: 'Demo',
  owner: 'user:default/ada',
  region: 'eu-west-1',
};

/** A live resource row as the plugin stores it. */
export function live(
  address: string,
  cloudId: string,
  actual: Record<string, unknown> = {},
  extra: Partial<SessionResource> = {},
): SessionResource {
  return {
    address,
    type: address.split('.')[0],
    region: null,
    cloudId,
    replacedCloudId: null,
    status: 'available',
    desired: {},
    actual,
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

/** The content of one exported file. */
export const file = (files: TerraformFile[], path: string) =>
  files.find(f => f.path === path)!.content;

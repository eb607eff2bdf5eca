// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CloudProvider } from './cloud';
import type { IntentPlanner } from './planner';

/** @public */
export interface IntentCloudProvidersExtensionPoint {
  addCloudProvider(provider: CloudProvider): void;
}

/**
 * Lets a backend module add a cloud to the intent plugin.
 *
 * @public
 */
export const intentCloudProvidersExtensionPoint =
  createExtensionPoint<IntentCloudProvidersExtensionPoint>({
    id: 'intent.cloud-providers',
  });

/** @public */
export interface IntentPlannersExtensionPoint {
  addPlanner(planner: IntentPlanner): void;
}

/**
 * Lets a backend module add a planner to the intent plugin.
 *
 * @public
 */
export const intentPlannersExtensionPoint =
  createExtensionPoint<IntentPlannersExtensionPoint>({
    id: 'intent.planners',
  });

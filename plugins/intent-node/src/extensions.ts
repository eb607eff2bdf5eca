// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Request, Router } from 'express';
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

/**
 * What the intent plugin lends to the admin routes a module adds.
 *
 * @public
 */
export interface IntentAdminRouteContext {
  /**
   * Checks that the caller may administer intent sandboxes
   * (`intent.admin`), throwing `NotAllowedError` otherwise; returns the
   * caller's user entity ref.
   */
  requireAdmin(req: Request): Promise<string>;
  /**
   * Runs a change and records it in the plugin's global audit log (as a
   * session-less event with `details`) and in Backstage's auditor service,
   * failed or not.
   */
  audited<T>(
    req: Request,
    options: {
      action: string;
      actor: string;
      details: Record<string, unknown>;
    },
    fn: () => Promise<T>,
  ): Promise<T>;
}

/** @public */
export interface IntentAdminRoutesExtensionPoint {
  /**
   * Adds routes under `/api/intent`, e.g. `/v1/simulated/...`. The plugin
   * mounts the router after its own routes; it validates its own input.
   */
  addAdminRoutes(factory: (context: IntentAdminRouteContext) => Router): void;
}

/**
 * Lets a backend module add administrative routes to the intent plugin,
 * guarded by the plugin's admin permission and recorded in its audit log.
 *
 * @public
 */
export const intentAdminRoutesExtensionPoint =
  createExtensionPoint<IntentAdminRoutesExtensionPoint>({
    id: 'intent.admin-routes',
  });

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import type { IntentAdminRouteContext } from '@intent-sandboxes/backstage-plugin-intent-node';
import express from 'express';
import { SimulatedCloudError, SimulatedCloudProvider } from './cloud';
import { spec } from './schema/openapi';

/**
 * Admin routes that cause drift and failures in the simulated cloud on
 * purpose, so that demos and tests can show drift detection, failed applies
 * and retries. Bodies are validated by the OpenAPI spec.
 */
export function createSimulatedCloudRouter(options: {
  /** The simulated cloud when it is the configured provider, else undefined. */
  cloud?: SimulatedCloudProvider;
  context: IntentAdminRouteContext;
}): express.Router {
  const { requireAdmin, audited } = options.context;
  // No body parser here: the intent plugin mounts these routes behind its own
  // request checks, which parse the body (64 kB, 413 above), refuse bodies
  // on GET and DELETE, and refuse control characters in every text. A
  // parser added here would run after the validated router's and never
  // parse anything.
  const router = createValidatedOpenApiRouter(spec);

  async function simulatedCloud(req: express.Request) {
    const actor = await requireAdmin(req);
    if (!options.cloud) {
      throw new NotFoundError(
        'The simulated cloud is not the configured provider (intent.provider), so there is nothing to simulate',
      );
    }
    return { cloud: options.cloud, actor };
  }

  /** Runs a change of the simulated cloud and appends it to the global audit log. */
  async function change<T>(
    req: express.Request,
    action: string,
    details: Record<string, unknown>,
    fn: (cloud: SimulatedCloudProvider) => Promise<T>,
  ): Promise<T> {
    const { cloud, actor } = await simulatedCloud(req);
    return audited(req, { action, actor, details }, () =>
      asInputError(() => fn(cloud)),
    );
  }
  /** The simulated cloud's own validation errors are the caller's to fix. */
  async function asInputError<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof SimulatedCloudError) {
        if (error.kind === 'not-found') {
          throw new NotFoundError(error.message);
        }
        throw new InputError(error.message);
      }
      throw error;
    }
  }

  router.post('/v1/simulated/drift', async (req, res) => {
    const state = await change(req, 'simulated-drift', { ...req.body }, cloud =>
      cloud.injectDrift(req.body),
    );
    res.json(state);
  });

  router.post('/v1/simulated/failures', async (req, res) => {
    const created = await change(
      req,
      'simulated-failure',
      { ...req.body },
      cloud => cloud.injectFailure(req.body),
    );
    res.status(201).json(created);
  });

  router.delete('/v1/simulated/failures', async (req, res) => {
    const cleared = await change(req, 'simulated-failures-clear', {}, cloud =>
      cloud.clearFailures(),
    );
    res.json({ cleared });
  });

  router.get('/v1/simulated/counts', async (req, res) => {
    const { cloud } = await simulatedCloud(req);
    res.json(await cloud.counts());
  });

  return router;
}

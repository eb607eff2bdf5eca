// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { InputError, NotFoundError } from '@backstage/errors';
import {
  SimulatedCloudError,
  SimulatedCloudProvider,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import express from 'express';

/** What the admin routes of the simulated cloud need from the main router. */
export interface SimulatedCloudRoutesOptions {
  /** The simulated cloud when it is the configured provider, else undefined. */
  simulated?: SimulatedCloudProvider;
  /** Checks that the caller is an admin and returns their entity ref. */
  requireAdmin: (req: express.Request) => Promise<string>;
  /** Runs the change and reports it to the auditor service. */
  audited: <T>(
    req: express.Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => Promise<T>;
}

/**
 * Admin routes that cause drift and failures in the simulated cloud on
 * purpose, so that demos and tests can show drift detection, failed applies
 * and retries. Bodies are validated by the OpenAPI spec.
 */
export function addSimulatedCloudRoutes(
  router: express.Router,
  options: SimulatedCloudRoutesOptions,
) {
  const { requireAdmin, audited } = options;

  async function simulatedCloud(req: express.Request) {
    await requireAdmin(req);
    if (!options.simulated) {
      throw new NotFoundError(
        'The simulated cloud is not the configured provider (intent.provider), so there is nothing to simulate',
      );
    }
    return options.simulated;
  }

  /** The simulated cloud's own validation errors are the caller's to fix. */
  async function asInputError<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof SimulatedCloudError) {
        if (error.code.endsWith('.NotFound')) {
          throw new NotFoundError(error.message);
        }
        throw new InputError(error.message);
      }
      throw error;
    }
  }

  router.post('/v1/simulated/drift', async (req, res) => {
    const cloud = await simulatedCloud(req);
    const state = await audited(
      req,
      'simulated-drift',
      { cloudId: String(req.body.cloudId) },
      () => asInputError(() => cloud.injectDrift(req.body)),
    );
    res.json(state);
  });

  router.post('/v1/simulated/failures', async (req, res) => {
    const cloud = await simulatedCloud(req);
    const created = await audited(
      req,
      'simulated-failure',
      { code: String(req.body.code) },
      () => asInputError(() => cloud.injectFailure(req.body)),
    );
    res.status(201).json(created);
  });

  router.delete('/v1/simulated/failures', async (req, res) => {
    const cloud = await simulatedCloud(req);
    const cleared = await audited(req, 'simulated-failures-clear', {}, () =>
      cloud.clearFailures(),
    );
    res.json({ cleared });
  });

  router.get('/v1/simulated/counts', async (req, res) => {
    const cloud = await simulatedCloud(req);
    res.json(await cloud.counts());
  });
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { SessionStore } from '../database';
import { SessionService } from './SessionService';

const MAX_PAGE_SIZE = 100;

function pageParam(
  value: unknown,
  name: string,
  fallback: number,
  max: number,
) {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new InputError(
      `Query parameter ${name} must be an integer from 0 to ${max}`,
    );
  }
  return n;
}

/** @internal */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  store: SessionStore;
  sessions: SessionService;
}): Promise<express.Router> {
  const { httpAuth, auditor, store, sessions } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/v1/sessions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const event = await auditor.createEvent({
      eventId: 'session-create',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const details = await sessions.createSession({
        intent: req.body?.intent,
        owner: credentials.principal.userEntityRef,
      });
      await event.success({ meta: { sessionId: details.session.id } });
      res.status(201).json(details);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/sessions', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const owner = req.query.owner;
    if (owner !== undefined && typeof owner !== 'string') {
      throw new InputError('Query parameter owner must be one entity ref');
    }
    res.json(
      await store.listSessions({
        owner,
        limit: pageParam(req.query.limit, 'limit', 20, MAX_PAGE_SIZE),
        offset: pageParam(
          req.query.offset,
          'offset',
          0,
          Number.MAX_SAFE_INTEGER,
        ),
      }),
    );
  });

  router.get('/v1/sessions/:id', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await store.getSession({ id: req.params.id }));
  });

  router.get('/v1/sessions/:id/audit', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    await store.getSession({ id: req.params.id });
    res.json({
      items: await store.listAuditEvents({ sessionId: req.params.id }),
    });
  });

  router.post('/v1/sessions/:id/apply', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const event = await auditor.createEvent({
      eventId: 'session-apply',
      severityLevel: 'medium',
      request: req,
      meta: { sessionId: req.params.id },
    });
    try {
      const details = await sessions.apply({
        id: req.params.id,
        planHash: req.body?.planHash,
        actor: credentials.principal.userEntityRef,
      });
      await event.success();
      res.status(202).json(details);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import signalsBackend from '@backstage/plugin-signals-backend';
import { backendFeatures } from './features';

jest.setTimeout(120_000);

// Boots every feature of the portal backend together (the proof that the
// release line starts) and talks to the intent and catalog APIs.
describe('portal backend', () => {
  it('starts all features and serves the intent and catalog APIs', async () => {
    const { server } = await startTestBackend({
      features: [
        // The test router of backend-test-utils 1.11.7 (the newest on the
        // registry) cannot serve WebSockets, which signals needs; the e2e tests
        // start the real backend with signals included.
        ...backendFeatures.filter(feature => feature !== signalsBackend),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000', title: 'test' },
            backend: {
              baseUrl: 'http://localhost:7007',
              listen: { port: 7007 },
            },
            auth: { providers: { guest: {} } },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'Group',
                    'User',
                    'Location',
                    'IntentPolicy',
                  ],
                },
              ],
              locations: [],
            },
            intent: { simulated: { bootMillis: 10 } },
          },
        }),
      ],
    });

    const created = await request(server)
      .post('/api/intent/v1/sessions')
      .send({ intent: 'a t3.micro with Ubuntu' });
    expect(created.status).toBe(201);
    expect(created.body.session.status).toBe('planned');

    const entities = await request(server).get(
      '/api/catalog/entities/by-query',
    );
    expect(entities.status).toBe(200);
    expect(entities.body).toHaveProperty('items');

    const guest = await request(server).get('/api/auth/guest/refresh');
    expect(guest.status).toBeLessThan(500);
  });
});

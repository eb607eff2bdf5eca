// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { LOCAL_USER_HEADER, localUserSignInModule } from './localUserSignIn';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dana', namespace: 'default' },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  },
];

async function startAuth(providerConfig: Record<string, boolean>) {
  const { server } = await startTestBackend({
    features: [
      authBackend,
      localUserSignInModule,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: { providers: { 'local-user': providerConfig } },
        },
      }),
    ],
  });
  return server;
}

describe('local-user sign-in (local development only)', () => {
  it('signs in as the catalog user named in the header, with their groups', async () => {
    const server = await startAuth({
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await request(server)
      .get('/api/auth/local-user/refresh')
      .set(LOCAL_USER_HEADER, 'dana');
    expect(res.status).toBe(200);
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/dana',
      ownershipEntityRefs: ['user:default/dana', 'group:default/payments'],
    });
  });

  it('refuses a name that is not a catalog user', async () => {
    const server = await startAuth({
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await request(server)
      .get('/api/auth/local-user/refresh')
      .set(LOCAL_USER_HEADER, 'mallory');
    expect(res.status).toBe(404);
  });

  it('asks for the header when it is missing or malformed', async () => {
    const server = await startAuth({
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await request(server)
      .get('/api/auth/local-user/refresh')
      .set(LOCAL_USER_HEADER, '../admin');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Send the name of a catalog user in the x-intent-local-user header, e.g. 'dana'",
    );
  });

  it('refuses to work outside development unless told to', async () => {
    const server = await startAuth({});
    const res = await request(server)
      .get('/api/auth/local-user/refresh')
      .set(LOCAL_USER_HEADER, 'dana');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /^The local-user provider only works in development/,
    );
  });
});

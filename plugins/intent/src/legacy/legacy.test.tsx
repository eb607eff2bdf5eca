// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { IntentApi, intentApiRef } from '../api';
import { IntentPage, intentPlugin, intentRootRouteRef } from './plugin';

// The first render loads the page's chunks (lazily, as an app does).
jest.setTimeout(60_000);

describe('legacy frontend system', () => {
  it('renders IntentPage in a legacy app with the API from a TestApiProvider', async () => {
    const api = {
      listSessions: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
      previewPlan: jest.fn(),
    } as unknown as IntentApi;
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [intentApiRef, api],
          // A legacy app has the permission API from app-defaults.
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route path="/intent/*" element={<IntentPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/intent'] },
    );
    expect(
      await screen.findByRole(
        'button',
        { name: 'Plan it' },
        { timeout: 30_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('What do you need?')).toBeInTheDocument();
    expect(api.listSessions).toHaveBeenCalled();
  });

  it('is a legacy plugin with the intent API factory and its routes', () => {
    expect(intentPlugin.getId()).toBe('intent');
    expect([...intentPlugin.getApis()].map(f => f.api.id)).toEqual(['intent']);
    expect(intentPlugin.routes.root).toBe(intentRootRouteRef);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { RiCloudLine } from '@remixicon/react';
import { intentApiRef, IntentClient } from './api';
import { rootRouteRef } from './routes';

const intentApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: intentApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new IntentClient(deps),
    }),
});

const intentPage = PageBlueprint.make({
  params: {
    path: '/intent',
    title: 'Sandboxes',
    icon: <RiCloudLine />,
    routeRef: rootRouteRef,
    loader: () => import('./components/IntentPage').then(m => <m.IntentPage />),
  },
});

/**
 * Intent sandboxes: say what you need, see the plan, apply it.
 *
 * @public
 */
export const intentPlugin = createFrontendPlugin({
  pluginId: 'intent',
  title: 'Sandboxes',
  icon: <RiCloudLine />,
  info: { packageJson: () => import('../package.json') },
  extensions: [intentApi, intentPage],
  routes: {
    root: rootRouteRef,
  },
});

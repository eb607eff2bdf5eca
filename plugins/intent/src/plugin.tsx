// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  ApiBlueprint,
  createFrontendModule,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { RiCloudLine, RiShieldCheckLine } from '@remixicon/react';
import { entitySessionTab } from './components/EntitySessionTab';
import { sessionPickerFormField } from './components/SessionPicker';
import { intentApiRef, IntentClient } from './api';
import { intentPolicyEntityContent } from './components/PolicyTab';
import { policiesRouteRef, rootRouteRef } from './routes';

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

const intentPoliciesPage = PageBlueprint.make({
  name: 'policies',
  params: {
    path: '/intent-policies',
    title: 'Sandbox policies',
    icon: <RiShieldCheckLine />,
    routeRef: policiesRouteRef,
    loader: () =>
      import('./components/PoliciesPage').then(m => <m.PoliciesPage />),
  },
});

const intentOrphansPage = PageBlueprint.make({
  name: 'orphans',
  params: {
    path: '/intent-orphans',
    title: 'Sandbox orphans',
    icon: <RiCloudLine />,
    loader: () =>
      import('./components/OrphansPage').then(m => <m.OrphansPage />),
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
  extensions: [
    intentApi,
    intentPage,
    entitySessionTab,
    intentPoliciesPage,
    intentPolicyEntityContent,
    intentOrphansPage,
  ],
  routes: {
    root: rootRouteRef,
    policies: policiesRouteRef,
  },
});

/**
 * The intent form fields of the scaffolder (`ui:field: IntentSessionPicker`,
 * which picks one of the user's applied sessions): add it to the app's
 * features next to the scaffolder plugin.
 *
 * @public
 */
export const intentScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [sessionPickerFormField],
});

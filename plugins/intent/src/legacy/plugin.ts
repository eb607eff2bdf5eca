// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { intentApiRef, IntentClient } from '../api';

/** Where the legacy `IntentPage` is mounted (bind it with a `Route`). @public */
export const intentRootRouteRef = createRouteRef({ id: 'intent' });

/** Where the legacy `IntentPoliciesPage` is mounted. @public */
export const intentPoliciesRouteRef = createRouteRef({ id: 'intent-policies' });

/**
 * The intent API for apps on the legacy frontend system; the plugin
 * registers it, so apps only list it to replace it.
 *
 * @public
 */
export const intentApiFactory = createApiFactory({
  api: intentApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: deps => new IntentClient(deps),
});

/**
 * Intent sandboxes for apps on the legacy frontend system
 * (`@backstage/core-plugin-api`); the same pages as the default export,
 * which is the plugin for the new frontend system.
 *
 * @public
 */
export const intentPlugin = createPlugin({
  id: 'intent',
  apis: [intentApiFactory],
  routes: {
    root: intentRootRouteRef,
    policies: intentPoliciesRouteRef,
  },
});

/**
 * The sandboxes page: the intent form, the sessions list and a session by
 * id (`/sessions/:id` below where it is mounted).
 *
 * @public
 */
export const IntentPage = intentPlugin.provide(
  createRoutableExtension({
    name: 'IntentPage',
    component: () => import('../components/IntentPage').then(m => m.IntentPage),
    mountPoint: intentRootRouteRef,
  }),
);

/**
 * The policies page: the built-in baseline and every IntentPolicy, with
 * those that apply to the signed-in user marked.
 *
 * @public
 */
export const IntentPoliciesPage = intentPlugin.provide(
  createRoutableExtension({
    name: 'IntentPoliciesPage',
    component: () =>
      import('../components/PoliciesPage').then(m => m.PoliciesPage),
    mountPoint: intentPoliciesRouteRef,
  }),
);

/**
 * The content (tab) of an IntentPolicy entity page: its rules, the
 * catalog's processing errors and the what-if over live sessions.
 *
 * @public
 */
export const EntityIntentPolicyContent = intentPlugin.provide(
  createComponentExtension({
    name: 'EntityIntentPolicyContent',
    component: {
      lazy: () =>
        import('../components/PolicyTab/IntentPolicyContent').then(
          m => m.IntentPolicyContent,
        ),
    },
  }),
);

/**
 * The content (tab) of an entity annotated `intent.backstage.io/session`:
 * the sandbox it was promoted from.
 *
 * @public
 */
export const EntityIntentSessionContent = intentPlugin.provide(
  createComponentExtension({
    name: 'EntityIntentSessionContent',
    component: {
      lazy: () =>
        import('../components/EntitySessionTab/EntitySessionTab').then(
          m => m.EntitySessionTab,
        ),
    },
  }),
);

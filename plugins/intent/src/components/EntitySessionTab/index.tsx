// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { sessionIdOf } from './annotation';

export { SESSION_ANNOTATION } from './annotation';

/** The "Sandbox" tab on entities annotated `intent.backstage.io/session`. */
export const entitySessionTab = EntityContentBlueprint.make({
  name: 'session',
  params: {
    path: '/intent-session',
    title: 'Sandbox',
    filter: entity => !!sessionIdOf(entity),
    loader: () =>
      import('./EntitySessionTab').then(m => <m.EntitySessionTab />),
  },
});

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// A minimal backend for working on the plugin alone (`yarn start` in this
// package). Auth and permissions are mocked (requests need no token, every
// permission is allowed) and the catalog is an empty in-memory one (no
// IntentPolicy entities: the baseline alone applies):
//
//   curl localhost:7007/api/intent/v1/sessions -H 'Content-Type: application/json' \
//     -d '{"intent": "a t3.micro with Ubuntu 24.04"}'

import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
);
backend.add(catalogServiceMock.factory({ entities: [] }));
backend.add(import('../src'));
// The plugin has no planner or cloud of its own: add the embedded defaults.
backend.add(
  import(
    '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner'
  ),
);
backend.add(
  import(
    '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud'
  ),
);
backend.start();

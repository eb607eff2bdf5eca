// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

// A minimal backend for working on the plugin alone (`yarn start` in this
// package). Auth is mocked, so requests need no token:
//
//   curl localhost:7007/api/intent/v1/sessions -H 'Content-Type: application/json' \
//     -d '{"intent": "a t3.micro with Ubuntu 24.04"}'

import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();

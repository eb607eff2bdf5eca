// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createRouteRef } from '@backstage/frontend-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef();

/** The policies page: the baseline and every IntentPolicy. @public */
export const policiesRouteRef = createRouteRef();

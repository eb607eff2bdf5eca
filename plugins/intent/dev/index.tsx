// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createDevApp } from '@backstage/frontend-dev-utils';
import plugin from '../src';

createDevApp({ features: [plugin] });

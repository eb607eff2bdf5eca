// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Intent sandboxes: the portal pages.
 *
 * @packageDocumentation
 */

export { intentPlugin as default } from './plugin';
export { intentApiRef, IntentClient, type IntentApi } from './api';

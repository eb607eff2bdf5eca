// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { LifecycleService } from './LifecycleService';
export { readLifecycleSettings } from './settings';
export type { LifecycleSettings } from './settings';

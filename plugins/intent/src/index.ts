// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Intent sandboxes: the portal pages.
 *
 * @packageDocumentation
 */

export { intentPlugin as default, intentScaffolderModule } from './plugin';
export {
  intentApiRef,
  IntentClient,
  type IntentApi,
  type PolicyWhatIfResult,
  type PolicyWhatIfSession,
} from './api';
// The legacy frontend system (@backstage/core-plugin-api): the same pages
// and tabs as the default export, for apps that have not migrated yet.
export {
  EntityIntentPolicyContent,
  EntityIntentSessionContent,
  intentApiFactory,
  IntentPage,
  IntentPoliciesPage,
  intentPlugin,
  intentPoliciesRouteRef,
  intentRootRouteRef,
} from './legacy';

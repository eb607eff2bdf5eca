/*
 * Copyright 2026 The Intent Sandboxes Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/**
 * Every feature the portal backend installs, in one list so that the backend
 * (src/index.ts) and its boot test start exactly the same set.
 */
export const backendFeatures = [
  import('@backstage/plugin-app-backend'),
  import('@backstage/plugin-proxy-backend'),

  // scaffolder, with the promote-to-Terraform action
  import('@backstage/plugin-scaffolder-backend'),
  import('@backstage/plugin-scaffolder-backend-module-github'),
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
  import('@intent-sandboxes/backstage-plugin-scaffolder-backend-module-intent'),

  // auth: guest sign-in for the local portal
  import('@backstage/plugin-auth-backend'),
  import('@backstage/plugin-auth-backend-module-guest-provider'),

  // catalog, with the IntentPolicy kind
  import('@backstage/plugin-catalog-backend'),
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  import('@backstage/plugin-catalog-backend-module-logs'),
  import('@intent-sandboxes/backstage-plugin-catalog-backend-module-intent'),

  // permissions: allow-all in the local portal; adopters bring their own policy
  import('@backstage/plugin-permission-backend'),
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),

  // search
  import('@backstage/plugin-search-backend'),
  import('@backstage/plugin-search-backend-module-pg'),
  import('@backstage/plugin-search-backend-module-catalog'),

  import('@backstage/plugin-user-settings-backend'),
  import('@backstage/plugin-notifications-backend'),
  import('@backstage/plugin-signals-backend'),
  import('@backstage/plugin-mcp-actions-backend'),

  // intent sandboxes
  import('@intent-sandboxes/backstage-plugin-intent-backend'),
];

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

import appBackend from '@backstage/plugin-app-backend';
import proxyBackend from '@backstage/plugin-proxy-backend';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import scaffolderBackendModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderBackendModuleNotifications from '@backstage/plugin-scaffolder-backend-module-notifications';
import scaffolderBackendModuleIntent from '@intent-sandboxes/backstage-plugin-scaffolder-backend-module-intent';
import authBackend from '@backstage/plugin-auth-backend';
import authBackendModuleGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogBackendModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogBackendModuleLogs from '@backstage/plugin-catalog-backend-module-logs';
import catalogBackendModuleIntent from '@intent-sandboxes/backstage-plugin-catalog-backend-module-intent';
import permissionBackend from '@backstage/plugin-permission-backend';
import searchBackend from '@backstage/plugin-search-backend';
import searchBackendModulePg from '@backstage/plugin-search-backend-module-pg';
import searchBackendModuleCatalog from '@backstage/plugin-search-backend-module-catalog';
import userSettingsBackend from '@backstage/plugin-user-settings-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import signalsBackend from '@backstage/plugin-signals-backend';
import mcpActionsBackend from '@backstage/plugin-mcp-actions-backend';
import intentBackend from '@intent-sandboxes/backstage-plugin-intent-backend';
import intentModuleRulesPlanner from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import intentModuleAnthropic from '@intent-sandboxes/backstage-plugin-intent-backend-module-anthropic';
import intentModuleSimulatedCloud from '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud';
import intentModuleAws from '@intent-sandboxes/backstage-plugin-intent-backend-module-aws';
import { intentPermissionPolicyModule } from './modules/intentPermissionPolicy';
import { localUserSignInModule } from './modules/localUserSignIn';

/**
 * Every feature the portal backend installs, in one list so that the backend
 * (src/index.ts) and its boot test start exactly the same set.
 */
export const backendFeatures = [
  appBackend,
  proxyBackend,

  // scaffolder, with the intent actions that promote a session to Terraform
  scaffolderBackend,
  scaffolderBackendModuleGithub,
  scaffolderBackendModuleNotifications,
  scaffolderBackendModuleIntent,

  // auth for the local portal: the guest, or one of the example users
  // (examples/org.yaml) picked on the sign-in page; development only
  authBackend,
  authBackendModuleGuestProvider,
  localUserSignInModule,

  // catalog, with the IntentPolicy kind
  catalogBackend,
  catalogBackendModuleScaffolderEntityModel,
  catalogBackendModuleLogs,
  catalogBackendModuleIntent,

  // permissions: the intent plugin's rules (owners and the platform group),
  // everything else allowed; adopters bring their own policy
  permissionBackend,
  intentPermissionPolicyModule,

  // search
  searchBackend,
  searchBackendModulePg,
  searchBackendModuleCatalog,

  userSettingsBackend,
  notificationsBackend,
  signalsBackend,
  mcpActionsBackend,

  // intent sandboxes: the plugin, its planners (rules; Claude when a key is
  // configured), its embedded cloud, and AWS (used when intent.provider is
  // aws; it calls nothing until then)
  intentBackend,
  intentModuleRulesPlanner,
  intentModuleAnthropic,
  intentModuleSimulatedCloud,
  intentModuleAws,
];

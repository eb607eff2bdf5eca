// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerApplyRevisionAction } from './applyRevision';
import { IntentActionsContext } from './context';
import { registerCreateSessionAction } from './createSession';
import { registerDestroySessionAction } from './destroySession';
import { registerExtendSessionAction } from './extendSession';
import { registerFollowUpAction } from './followUp';
import { registerGetSessionAction } from './getSession';
import { registerInstanceActionAction } from './instanceAction';
import { registerListSessionsAction } from './listSessions';
import { registerPreviewPlanAction } from './previewPlan';

export type { IntentActionsContext } from './context';
export { readActionSettings } from './context';

/**
 * Registers the plugin's actions with the actions registry: what the MCP
 * actions backend serves to AI assistants (as `intent.<name>`) and the
 * scaffolder can call. Each goes through the session service as the REST
 * API does, with the same permissions, policy, locks, approvals,
 * confirmations and audit.
 *
 * @internal
 */
export function registerIntentActions(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  for (const register of [
    registerPreviewPlanAction,
    registerCreateSessionAction,
    registerGetSessionAction,
    registerListSessionsAction,
    registerFollowUpAction,
    registerApplyRevisionAction,
    registerExtendSessionAction,
    registerDestroySessionAction,
    registerInstanceActionAction,
  ]) {
    register(registry, context);
  }
}

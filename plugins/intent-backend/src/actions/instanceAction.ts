// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { intentSessionApplyPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import { INSTANCE_ACTIONS } from '../service/instanceActions';
import {
  audited,
  guarded,
  IntentActionsContext,
  sessionAction,
} from './context';
import { sessionIdInput } from './inputs';
import { sessionDetailsSchema, toSessionDetails } from './summaries';

/**
 * The cloud's refusals carry their own status (409, 502, 503); the MCP
 * server only names Backstage's errors, so they are told as those.
 */
function asKnownError(error: unknown): unknown {
  const { name, statusCode, message } = error as {
    name?: string;
    statusCode?: number;
    message?: string;
  };
  if (name !== 'InstanceActionCloudError') {
    return error;
  }
  return statusCode === 409
    ? new ConflictError(message)
    : new ServiceUnavailableError(message);
}

export function registerInstanceActionAction(
  registry: ActionsRegistryService,
  context: IntentActionsContext,
) {
  registry.register({
    name: 'instance-action',
    title: 'Stop, start or reboot a sandbox instance',
    description: `Stops, starts or reboots one instance of a session whose resources run (status active), e.g. to save money overnight or to recover a hung machine. It does not change the plan and deletes nothing; a stopped instance keeps its disks and is started again with start (its public IP may change unless it has an Elastic IP).
Name the instance by its address from get-session (resources of type aws_instance, e.g. aws_instance.web). Refused while another operation holds the session or when the instance is not in a state the action applies to.`,
    schema: {
      input: z =>
        z.object({
          sessionId: sessionIdInput(z),
          address: z
            .string()
            .min(1)
            .max(255)
            .describe('The instance\u2019s address, e.g. aws_instance.web'),
          action: z
            .enum(INSTANCE_ACTIONS as [string, ...string[]])
            .describe('stop, start or reboot'),
        }),
      output: z => sessionDetailsSchema(z),
    },
    examples: [
      {
        title: 'Stop the web server for the night',
        input: {
          sessionId: '6f1c2a7e-3d1b-4c55-9a0e-2b8f6f3d9c11',
          address: 'aws_instance.web',
          action: 'stop',
        },
      },
    ],
    // Interrupts what runs on the instance, but deletes nothing; a reboot
    // repeated reboots again.
    attributes: { destructive: false, idempotent: false },
    action: ({ input, credentials }) =>
      guarded(context, async () => {
        const actor = await sessionAction(
          context,
          credentials,
          intentSessionApplyPermission,
          'act on an instance',
          input,
        );
        try {
          const details = await audited(
            context,
            'instance-action',
            actor,
            {
              sessionId: input.sessionId,
              address: input.address,
              action: input.action,
            },
            () =>
              context.sessions.instanceAction({
                id: input.sessionId,
                address: input.address,
                action: input.action,
                actor,
              }),
          );
          return {
            output: toSessionDetails(
              context.sessions.withConnections(details),
              context.appBaseUrl,
            ),
          };
        } catch (error) {
          throw asKnownError(error);
        }
      }),
  });
}

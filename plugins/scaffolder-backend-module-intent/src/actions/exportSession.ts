// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  parsePlan,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { exportTerraform } from '@intent-sandboxes/backstage-plugin-intent-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { catalogInfoFor, componentNameFor, entityRefOf } from './catalogInfo';
import { examples } from './exportSession.examples';
import { appliedRevision, callIntentApi, IntentApiDeps } from './intentApi';

const ENTITY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Creates the `intent:session:export` scaffolder action: writes the Terraform
 * files of an applied session, and its `catalog-info.yaml`, into the
 * workspace.
 *
 * @public
 */
export function createExportSessionAction(deps: IntentApiDeps) {
  return createTemplateAction({
    id: 'intent:session:export',
    description:
      'Writes the Terraform of an applied intent session (versions, providers, variables, main, outputs, ' +
      'import blocks for its live resources, README) and a catalog-info.yaml into the workspace. ' +
      'The session is read on behalf of the user who runs the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sessionId: z =>
          z
            .string()
            .min(1)
            .describe(
              'Id of the intent session to export, as shown on its session page',
            ),
        name: z =>
          z
            .string()
            .max(63)
            .regex(ENTITY_NAME, {
              message:
                'must be lowercase letters, digits and single dashes, e.g. web-sandbox',
            })
            .optional()
            .describe(
              'Catalog name of the component; defaults to the session title with the start of its id',
            ),
        description: z =>
          z
            .string()
            .max(500)
            .optional()
            .describe('Description of the component in the catalog'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to write into; defaults to the workspace root',
            ),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('The paths written, relative to targetPath'),
        componentName: z =>
          z.string().describe('Catalog name of the component'),
        entityRef: z =>
          z
            .string()
            .describe(
              'Ref of the component once registered, e.g. component:default/web-sandbox-3f2c9a4e',
            ),
        owner: z => z.string().describe('Entity ref of the session owner'),
      },
    },
    async handler(ctx) {
      const { sessionId } = ctx.input;
      const details = await callIntentApi<SessionDetails>(deps, {
        credentials: await ctx.getInitiatorCredentials(),
        sessionId,
        signal: ctx.signal,
        verb: 'read',
      });
      const { session } = details;
      const applied = appliedRevision(details);
      if (session.status !== 'active' || !applied) {
        throw new InputError(
          `Intent session ${sessionId} is ${session.status}; only an applied (active) session can be exported`,
        );
      }
      const parsed = parsePlan(applied.plan);
      if (!parsed.ok) {
        throw new Error(
          `The plan of revision ${
            applied.seq
          } of intent session ${sessionId} is invalid: ${parsed.problems.join(
            '; ',
          )}`,
        );
      }

      const terraform = await exportTerraform({
        session: {
          id: session.id,
          title: session.title,
          owner: session.owner,
          region: session.region,
        },
        plan: parsed.plan,
        resources: details.resources,
      });
      const name = ctx.input.name ?? componentNameFor(session);
      const entity = catalogInfoFor({
        session,
        name,
        description: ctx.input.description,
      });
      const files = [
        ...terraform,
        { path: 'catalog-info.yaml', content: stringify(entity) },
      ];

      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath ?? '.',
      );
      for (const file of files) {
        const filePath = resolveSafeChildPath(target, file.path);
        await fs.mkdir(path.dirname(filePath), { recursive: true });
        await fs.writeFile(filePath, file.content, 'utf8');
      }
      ctx.logger.info(
        `Exported intent session ${sessionId} (revision ${applied.seq}, ${details.resources.length} resources) as ${files.length} files`,
      );
      ctx.output(
        'files',
        files.map(f => f.path),
      );
      ctx.output('componentName', name);
      ctx.output('entityRef', entityRefOf(entity));
      ctx.output('owner', session.owner);
    },
  });
}

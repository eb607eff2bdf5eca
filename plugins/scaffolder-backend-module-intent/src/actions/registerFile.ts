// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isInside, localGitDirectory } from './localGit';
import { examples } from './registerFile.examples';

/** The first entity of a catalog file, to name what registering it adds. */
async function firstEntityRef(file: string): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new InputError(
      `There is no catalog file at ${file}; publish the repository (intent:publish:local-git) before registering it`,
    );
  }
  const entity = parseAllDocuments(text)
    .map(doc => doc.toJS() as Partial<Entity> | null)
    .find(e => e?.kind && e.metadata?.name);
  if (!entity) {
    throw new InputError(`${file} holds no catalog entity`);
  }
  return stringifyEntityRef(entity as Entity);
}

/**
 * Creates the `intent:catalog:register-file` scaffolder action: registers a
 * catalog file of a locally published repository as a `file` location (the
 * catalog must allow that type) and waits until its entity is in the
 * catalog.
 *
 * @public
 */
export function createRegisterFileAction(options: {
  config: RootConfigService;
  catalog: CatalogService;
  /** How often to look for the new entity; tests make it short. */
  pollIntervalMs?: number;
}) {
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  return createTemplateAction({
    id: 'intent:catalog:register-file',
    description:
      'Registers the catalog-info.yaml of a repository published with intent:publish:local-git as a file location, ' +
      'on behalf of the user who runs the template, and waits for its entity. Use catalog:register on real git hosts.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoPath: z =>
          z
            .string()
            .min(1)
            .describe(
              'Absolute path of the catalog file, inside intent.promotion.localGitDirectory',
            ),
        waitSeconds: z =>
          z
            .number()
            .min(0)
            .max(300)
            .default(60)
            .describe(
              'How long to wait for the entity to appear in the catalog',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('Ref of the first entity of the file'),
        locationTarget: z =>
          z.string().describe('The registered file location'),
      },
    },
    async handler(ctx) {
      const root = localGitDirectory(options.config);
      const target = path.resolve(ctx.input.catalogInfoPath);
      if (
        !path.isAbsolute(ctx.input.catalogInfoPath) ||
        !isInside(root, target)
      ) {
        throw new InputError(
          `Only catalog files under ${root} can be registered, not ${ctx.input.catalogInfoPath}`,
        );
      }
      const entityRef = await firstEntityRef(target);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would register ${target} (${entityRef})`);
        ctx.output('entityRef', entityRef);
        ctx.output('locationTarget', target);
        return;
      }

      const credentials = await ctx.getInitiatorCredentials();
      await options.catalog.addLocation(
        { type: 'file', target },
        { credentials },
      );
      ctx.logger.info(`Registered ${target}; waiting for ${entityRef}`);
      const deadline = Date.now() + ctx.input.waitSeconds * 1000;
      while (
        !(await options.catalog.getEntityByRef(entityRef, { credentials }))
      ) {
        if (Date.now() >= deadline) {
          throw new Error(
            `${target} was registered, but ${entityRef} did not appear in the catalog within ${ctx.input.waitSeconds} s; check the location's processing errors in the catalog`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
      }
      ctx.output('entityRef', entityRef);
      ctx.output('locationTarget', target);
    },
  });
}

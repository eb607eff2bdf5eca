// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  resolveSafeChildPath,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { git, localGitDirectory } from './localGit';
import { examples } from './publishLocalGit.examples';

const REPOSITORY_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

async function exists(p: string) {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the `intent:publish:local-git` scaffolder action: publishes the
 * workspace to a bare git repository under a local folder, with a working
 * copy next to it for the catalog to read, so a portal with no git host can
 * run a whole promotion.
 *
 * @public
 */
export function createPublishLocalGitAction(options: {
  config: RootConfigService;
}) {
  return createTemplateAction({
    id: 'intent:publish:local-git',
    description:
      'Publishes the workspace to a new bare git repository under intent.promotion.localGitDirectory ' +
      '(and a working copy of it), for portals with no git host. Use publish:github or publish:gitlab on real hosts.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .max(100)
            .regex(REPOSITORY_NAME, {
              message:
                'must be lowercase letters and digits, separated by single dashes, dots or underscores',
            })
            .describe('Name of the new repository'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to publish; defaults to the workspace root',
            ),
        defaultBranch: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/)
            .default('main')
            .describe('Branch to create'),
        commitMessage: z =>
          z
            .string()
            .min(1)
            .default('Initial commit')
            .describe('Message of the first commit'),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file: URL of the bare repository, to clone'),
        repoContentsUrl: z =>
          z.string().describe('file: URL of the working copy'),
        localPath: z =>
          z.string().describe('Absolute path of the working copy'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Absolute path of catalog-info.yaml in the working copy, when the workspace has one',
            ),
        commitHash: z => z.string().describe('The commit that was pushed'),
      },
    },
    async handler(ctx) {
      const { repoName, defaultBranch, commitMessage } = ctx.input;
      const root = localGitDirectory(options.config);
      const bare = path.join(root, `${repoName}.git`);
      const workingCopy = path.join(root, repoName);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      if ((await exists(bare)) || (await exists(workingCopy))) {
        throw new ConflictError(
          `A repository named ${repoName} was already published in ${root}; choose another name`,
        );
      }
      const hasCatalogInfo = await exists(
        path.join(source, 'catalog-info.yaml'),
      );
      const outputs = {
        remoteUrl: pathToFileURL(bare).href,
        repoContentsUrl: pathToFileURL(workingCopy).href,
        localPath: workingCopy,
        catalogInfoPath: hasCatalogInfo
          ? path.join(workingCopy, 'catalog-info.yaml')
          : undefined,
      };
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${source} to ${bare}`);
        for (const [name, value] of Object.entries(outputs)) {
          ctx.output(name as keyof typeof outputs, value);
        }
        ctx.output('commitHash', '0'.repeat(40));
        return;
      }

      await fs.mkdir(root, { recursive: true });
      await git(['init', '--bare', '--quiet', '-b', defaultBranch, bare], root);
      await fs.cp(source, workingCopy, { recursive: true });
      const { userEntityRef } = (await ctx.getInitiatorCredentials())
        .principal as { userEntityRef?: string };
      const author = userEntityRef ?? 'Intent sandboxes';
      await git(['init', '--quiet', '-b', defaultBranch], workingCopy);
      await git(['add', '--all'], workingCopy);
      await git(
        [
          '-c',
          `user.name=${author}`,
          '-c',
          'user.email=scaffolder@intent-sandboxes.invalid',
          'commit',
          '--quiet',
          '-m',
          commitMessage,
        ],
        workingCopy,
      );
      await git(['remote', 'add', 'origin', bare], workingCopy);
      await git(
        ['push', '--quiet', '-u', 'origin', defaultBranch],
        workingCopy,
      );
      const commitHash = await git(['rev-parse', 'HEAD'], workingCopy);

      ctx.logger.info(`Published ${repoName} to ${bare} (${commitHash})`);
      for (const [name, value] of Object.entries(outputs)) {
        ctx.output(name as keyof typeof outputs, value);
      }
      ctx.output('commitHash', commitHash);
    },
  });
}

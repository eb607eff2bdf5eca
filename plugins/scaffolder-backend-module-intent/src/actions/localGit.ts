// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The config key of the folder local publishing writes to. */
export const LOCAL_GIT_DIRECTORY_KEY = 'intent.promotion.localGitDirectory';

/**
 * The folder that holds locally published repositories, absolute (a
 * relative path is taken from the backend's working directory, like the
 * SQLite folder of the local portal).
 */
export function localGitDirectory(config: RootConfigService): string {
  const configured = config.getOptionalString(LOCAL_GIT_DIRECTORY_KEY);
  if (!configured) {
    throw new InputError(
      `Local publishing is off: set ${LOCAL_GIT_DIRECTORY_KEY} in the app-config (e.g. ../../data/promoted) to publish without a git host`,
    );
  }
  return path.resolve(configured);
}

/** True when `child` is `parent` or inside it (both absolute). */
export function isInside(parent: string, child: string) {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}

const run = promisify(execFile);

/** Runs git with no prompts; a failure carries git's own message. */
export async function git(args: string[], cwd: string) {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(
      `git ${args[0]} failed: ${stderr || (error as Error).message}`,
    );
  }
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export interface Config {
  intent?: {
    promotion?: {
      /**
       * Folder where `intent:publish:local-git` creates bare git repositories
       * (`<name>.git`) and their working copies (`<name>/`), and under which
       * `intent:catalog:register-file` registers catalog files. Relative paths
       * are taken from the backend's working directory. Unset: both actions
       * fail with a message naming this key.
       */
      localGitDirectory?: string;
    };
  };
}

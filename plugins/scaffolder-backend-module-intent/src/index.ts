// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Scaffolder actions of Intent sandboxes, for templates that promote a
 * session to a Terraform repository.
 *
 * @packageDocumentation
 */

export { scaffolderModuleIntent as default } from './module';
export {
  createExportSessionAction,
  createFetchSessionAction,
  createPromoteSessionAction,
  createPublishLocalGitAction,
  createRegisterFileAction,
} from './actions';

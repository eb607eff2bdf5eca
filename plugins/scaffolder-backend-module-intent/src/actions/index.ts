// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export { createExportSessionAction } from './exportSession';
export { createFetchSessionAction } from './fetchSession';
export { createPromoteSessionAction } from './promoteSession';
export { createPublishLocalGitAction } from './publishLocalGit';
export { createRegisterFileAction } from './registerFile';

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The intent backend plugin.
 *
 * @packageDocumentation
 */

export { intentPlugin as default } from './plugin';
export {
  createIntentSessionConditionalDecision,
  intentSessionConditions,
  isSessionOwner,
  sessionResourceRef,
  sessionRules,
} from './permissions';
export type { SessionQuery } from './permissions';

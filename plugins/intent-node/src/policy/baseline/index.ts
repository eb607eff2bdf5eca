// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  allowedInstanceTypes,
  encryptedVolumes,
  imdsv2Required,
  maxInstances,
} from './compute';
import { noOpenIngress, noPublicIp } from './network';
import { s3NoPublicAccess } from './s3';
import { allowedRegions, maxHourlyCost, maxTtl, requiredTags } from './session';
import { BaselineRule } from './types';

/**
 * Every built-in baseline rule, in the order their findings are reported.
 *
 * @public
 */
export const BASELINE_RULES: readonly BaselineRule[] = [
  noPublicIp,
  imdsv2Required,
  encryptedVolumes,
  noOpenIngress,
  s3NoPublicAccess,
  allowedRegions,
  allowedInstanceTypes,
  maxInstances,
  maxHourlyCost,
  maxTtl,
  requiredTags,
];

export type {
  BaselineInput,
  BaselineLimits,
  BaselineRule,
  BaselineViolation,
} from './types';

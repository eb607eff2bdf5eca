// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import { pricedInstanceFamilies } from '../cost/priceTable';

/**
 * The built-in baseline rules, by id.
 *
 * @public
 */
export const baselineRuleIds = [
  'no-public-ip',
  'imdsv2-required',
  'encrypted-volumes',
  'no-open-ingress',
  's3-no-public-access',
  'allowed-regions',
  'allowed-instance-types',
  'max-instances',
  'max-hourly-cost',
  'max-ttl',
  'required-tags',
] as const;

/** @public */
export type BaselineRuleId = (typeof baselineRuleIds)[number];

/**
 * How a baseline rule that matches is treated: `deny` blocks the apply,
 * `warn` lets it through with a finding, `off` skips the rule.
 *
 * @public
 */
export type BaselineRuleLevel = 'deny' | 'warn' | 'off';

/**
 * The built-in baseline: the level of each rule and the limits the rules
 * check. Read from `intent.policy.baseline` in app-config with
 * {@link readBaselineConfig}.
 *
 * @public
 */
export interface BaselineConfig {
  rules: Record<BaselineRuleId, BaselineRuleLevel>;
  /** Region patterns where sandboxes may run, e.g. `eu-*`. */
  allowedRegions: string[];
  /** Instance types, families (`t3`) or patterns (`*.large`) a sandbox may use. */
  allowedInstanceTypes: string[];
  /** Most `aws_instance` resources in one session. */
  maxInstances: number;
  /** Most estimated on-demand USD per hour of one session. */
  maxHourlyUsd: number;
  /** Longest time to live of a session, in hours. */
  maxTtlHours: number;
  /** Tag keys every taggable resource must carry (plan-wide tags count). */
  requiredTags: string[];
  /**
   * The prefix length N at which `no-open-ingress` treats a security group
   * rule's sources as "from anywhere": when the union of its CIDR blocks
   * (IPv4 and IPv6 apart, overlaps merged, private, CGNAT, loopback and
   * link-local ranges left out) holds at least as many addresses as one /N
   * block of that family, i.e. at least 1/2^N of the address space. Default
   * 8: a /8 is 16.7 million IPv4 addresses, more than any sandbox's SSH or
   * RDP needs and far more than a company's ranges (usually /16 to /24),
   * while 0.0.0.0/1 plus 128.0.0.0/1 (or four /2s) no longer pass. 0 counts
   * only sources that cover every public address; 32 any public address.
   */
  openIngressPrefixLength: number;
}

/**
 * The baseline used when app-config sets nothing. Every rule is on; only
 * `no-public-ip` warns instead of denying, because a sandbox reached over SSH
 * from one address needs a public IP while `no-open-ingress` still denies
 * SSH, RDP and all ports from anywhere. Set it to `deny` where sandboxes are
 * reached through SSM or a VPN. The allowed instance types are the families
 * the price table knows, so that every sandbox can be priced.
 *
 * @public
 */
export const DEFAULT_BASELINE_CONFIG: BaselineConfig = {
  rules: {
    'no-public-ip': 'warn',
    'imdsv2-required': 'deny',
    'encrypted-volumes': 'deny',
    'no-open-ingress': 'deny',
    's3-no-public-access': 'deny',
    'allowed-regions': 'deny',
    'allowed-instance-types': 'deny',
    'max-instances': 'deny',
    'max-hourly-cost': 'deny',
    'max-ttl': 'deny',
    'required-tags': 'deny',
  },
  allowedRegions: ['us-*', 'eu-*'],
  allowedInstanceTypes: pricedInstanceFamilies(),
  maxInstances: 5,
  maxHourlyUsd: 10,
  maxTtlHours: 72,
  requiredTags: [],
  openIngressPrefixLength: 8,
};

const level = z.enum(['deny', 'warn', 'off'], {
  error: 'Expected one of deny, warn, off',
});
const patterns = z.array(z.string().trim().min(1, 'Must not be empty'));
const positive = z.number().positive('Must be greater than 0');

const baselineConfigSchema = z.strictObject({
  rules: z
    .strictObject(
      Object.fromEntries(
        baselineRuleIds.map(id => [id, level.optional()]),
      ) as Record<BaselineRuleId, z.ZodOptional<typeof level>>,
    )
    .optional(),
  allowedRegions: patterns.optional(),
  allowedInstanceTypes: patterns.optional(),
  maxInstances: z.number().int('Must be a whole number').min(0).optional(),
  maxHourlyUsd: positive.optional(),
  maxTtlHours: positive.optional(),
  requiredTags: z.array(z.string().min(1).max(128)).optional(),
  openIngressPrefixLength: z
    .number()
    .int('Must be a whole number')
    .min(0, 'Must be between 0 and 32')
    .max(32, 'Must be between 0 and 32')
    .optional(),
});

/**
 * Reads the baseline from the plain object under `intent.policy.baseline`
 * (undefined when app-config sets none). Whatever is left out keeps its
 * default from {@link DEFAULT_BASELINE_CONFIG}; lists replace the default
 * list. Throws with every problem, by path, when the object is invalid, so
 * that a typo stops the backend instead of switching a guardrail off.
 *
 * @public
 */
export function readBaselineConfig(value: unknown): BaselineConfig {
  const result = baselineConfigSchema.safeParse(value ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      issue =>
        `${['intent.policy.baseline', ...issue.path.map(String)].join('.')}: ${
          issue.message
        }`,
    );
    throw new Error(`Invalid baseline policy config: ${problems.join('; ')}`);
  }
  const { rules, ...limits } = result.data;
  const defined = Object.fromEntries(
    Object.entries(limits).filter(([, v]) => v !== undefined),
  );
  const levels = Object.fromEntries(
    Object.entries(rules ?? {}).filter(([, v]) => v !== undefined),
  );
  return {
    ...DEFAULT_BASELINE_CONFIG,
    ...defined,
    rules: { ...DEFAULT_BASELINE_CONFIG.rules, ...levels },
  };
}

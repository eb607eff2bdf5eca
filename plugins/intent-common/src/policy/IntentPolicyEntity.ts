// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import { regionSchema } from '../plan';
import { BaselineRuleId, baselineRuleIds } from './baselineConfig';

/** The `apiVersion` of the IntentPolicy catalog kind. @public */
export const INTENT_POLICY_API_VERSION = 'intent.backstage.io/v1alpha1';

/** The `kind` of the IntentPolicy catalog kind. @public */
export const INTENT_POLICY_KIND = 'IntentPolicy';

/**
 * What happens when a policy rule matches a plan: `deny` blocks the apply,
 * `require-approval` holds it until one of the rule's approvers approves,
 * `warn` lets it through with the rule's message.
 *
 * @public
 */
export const policyOutcomes = ['deny', 'require-approval', 'warn'] as const;

/**
 * The parts of a catalog entity this package reads. Structurally compatible
 * with `Entity` from `@backstage/catalog-model`, which this isomorphic
 * package does not depend on.
 *
 * @public
 */
export interface CatalogEntityShape {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
  };
  spec?: { [key: string]: unknown };
}

const refSegment = '[A-Za-z0-9][A-Za-z0-9._-]{0,62}';
const entityRefPattern = new RegExp(
  `^(?:[A-Za-z][A-Za-z0-9]*:)?(?:${refSegment}/)?${refSegment}$`,
);
const groupRefPattern = new RegExp(
  `^(?:group:)?(?:${refSegment}/)?${refSegment}$`,
  'i',
);

const nonEmpty = z.string().trim().min(1, 'Must not be empty');

/**
 * The `spec.appliesTo` of an IntentPolicy entity.
 *
 * @public
 */
export const intentPolicyAppliesToSchema = z
  .strictObject({
    teams: z.array(nonEmpty).optional(),
    users: z.array(nonEmpty).optional(),
    regions: z.array(regionSchema).optional(),
    all: z.boolean().optional(),
  })
  .superRefine((appliesTo, ctx) => {
    const listed = (['teams', 'users', 'regions'] as const).filter(
      key => (appliesTo[key]?.length ?? 0) > 0,
    );
    if (appliesTo.all === true && listed.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['all'],
        message: `all: true applies to every session and cannot be combined with ${listed.join(
          ', ',
        )}`,
      });
    }
    if (appliesTo.all !== true && listed.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'Name at least one of teams, users or regions, set all: true, or leave appliesTo out',
      });
    }
  });

const ruleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
        'Use kebab-case: lowercase letters and digits separated by single dashes, starting with a letter',
      )
      .max(63, 'Use at most 63 characters'),
    description: nonEmpty.optional(),
    outcome: z.enum(policyOutcomes, {
      error: `Expected one of ${policyOutcomes.join(', ')}`,
    }),
    expression: nonEmpty.max(4096, 'Use at most 4096 characters'),
    approvers: z
      .string()
      .regex(
        groupRefPattern,
        'Expected a group entity ref such as group:default/platform-team',
      )
      .optional(),
    message: nonEmpty.optional(),
    fix: nonEmpty.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.outcome === 'require-approval' && !rule.approvers) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message:
          'Required when outcome is require-approval: name the group that approves',
      });
    }
    if (rule.outcome !== 'require-approval' && rule.approvers) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: `Only allowed when outcome is require-approval, not ${rule.outcome}`,
      });
    }
  });

const tightenedLevel = z.enum(['deny', 'warn'], {
  error: 'Expected deny or warn: a policy cannot switch a baseline rule off',
});

const baselineOverridesSchema = z.strictObject({
  rules: z
    .strictObject(
      Object.fromEntries(
        baselineRuleIds.map(id => [id, tightenedLevel.optional()]),
      ) as Record<BaselineRuleId, z.ZodOptional<typeof tightenedLevel>>,
    )
    .optional(),
  allowedRegions: z.array(nonEmpty).optional(),
  allowedInstanceTypes: z.array(nonEmpty).optional(),
  maxInstances: z.number().int('Must be a whole number').min(0).optional(),
  maxHourlyUsd: z.number().positive('Must be greater than 0').optional(),
  maxTtlHours: z.number().positive('Must be greater than 0').optional(),
  requiredTags: z.array(nonEmpty).optional(),
});

/**
 * The `spec` of an IntentPolicy entity. Unknown fields are rejected, so that a
 * misspelt key fails ingestion instead of silently changing what the policy
 * covers.
 *
 * @public
 */
export const intentPolicySpecSchema = z
  .strictObject({
    owner: z
      .string()
      .regex(
        entityRefPattern,
        'Expected an entity ref such as group:default/platform-team',
      ),
    appliesTo: intentPolicyAppliesToSchema.optional(),
    baseline: baselineOverridesSchema.optional(),
    rules: z.array(ruleSchema).max(100, 'Use at most 100 rules').optional(),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.rules?.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `Duplicate rule id ${rule.id}: give each rule a unique id`,
        });
      }
      seen.add(rule.id);
    });
  });

/**
 * A whole IntentPolicy entity. Only `apiVersion`, `kind`, `metadata.name` and
 * `spec` are checked here; the catalog validates the rest of the envelope.
 *
 * @public
 */
export const intentPolicyEntitySchema = z.looseObject({
  apiVersion: z.literal(INTENT_POLICY_API_VERSION),
  kind: z.literal(INTENT_POLICY_KIND),
  metadata: z.looseObject({ name: nonEmpty, namespace: z.string().optional() }),
  spec: intentPolicySpecSchema,
});

/** @public */
export type PolicyOutcome = (typeof policyOutcomes)[number];

/**
 * Who and where a policy applies. Left out, or `all: true`, means every
 * session; otherwise a session is covered when its team, its owner or its
 * region is listed (any one of them is enough). Team and user refs default to
 * kind `group` and `user` and to the policy's namespace; they compare
 * case-insensitively.
 *
 * @public
 */
export type IntentPolicyAppliesTo = z.infer<typeof intentPolicyAppliesToSchema>;

/**
 * One rule of a policy. `expression` is a CEL expression evaluated against
 * each resource of a plan, with the variables `resource` (the resource's
 * fields plus its `address`) and `session` (`owner`, `team` when known,
 * `region`, `ttlHours`). When it is true the rule's `outcome` applies; when it
 * cannot be evaluated (a missing field, a wrong type) the plan is denied, so
 * guard optional fields with `has(resource.field)` or test `resource.type`
 * first. Numbers are doubles. `message` is what the user sees, `fix` how to
 * satisfy the rule.
 *
 * @public
 */
export type IntentPolicyRule = z.infer<typeof ruleSchema>;

/**
 * Tightenings of the built-in baseline for the sessions a policy applies to.
 * They add findings (sourced to the policy) and never remove the baseline's:
 * `rules` raises a rule to `deny` or `warn` even when app-config switched it
 * off; each limit is checked in addition to app-config's, at the level given
 * in `rules` for that rule, `deny` otherwise.
 *
 * @public
 */
export type IntentPolicyBaselineOverrides = z.infer<
  typeof baselineOverridesSchema
>;

/** @public */
export type IntentPolicySpec = z.infer<typeof intentPolicySpecSchema>;

/**
 * A platform team's guardrails as a catalog entity
 * (`apiVersion: intent.backstage.io/v1alpha1`, `kind: IntentPolicy`).
 *
 * @public
 */
export interface IntentPolicyEntity extends CatalogEntityShape {
  apiVersion: typeof INTENT_POLICY_API_VERSION;
  kind: typeof INTENT_POLICY_KIND;
  spec: IntentPolicySpec;
}

/**
 * Whether an entity is of the IntentPolicy kind. Checks `apiVersion` and
 * `kind` only, like the catalog's own kind guards: entities read from the
 * catalog were validated with {@link validateIntentPolicyEntity} when they
 * were ingested.
 *
 * @public
 */
export function isIntentPolicyEntity(
  entity: CatalogEntityShape,
): entity is IntentPolicyEntity {
  return (
    entity.apiVersion === INTENT_POLICY_API_VERSION &&
    entity.kind === INTENT_POLICY_KIND
  );
}

/**
 * Checks the structure of an untrusted IntentPolicy entity (not its CEL
 * expressions: the backend's `validateIntentPolicyEntity` in intent-node does
 * both). Returns the typed entity, or one readable problem per issue, each
 * starting with the field path
 * (`spec.rules.0.approvers: Required when outcome is require-approval ...`).
 *
 * @public
 */
export function parseIntentPolicyEntity(
  entity: unknown,
):
  | { ok: true; entity: IntentPolicyEntity; problems: [] }
  | { ok: false; problems: string[] } {
  const result = intentPolicyEntitySchema.safeParse(entity);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map(
        issue =>
          `${issue.path.map(String).join('.') || '(entity)'}: ${issue.message}`,
      ),
    };
  }
  return { ok: true, entity: result.data, problems: [] };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import { regionSchema } from '../plan';

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

const appliesToSchema = z
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
    appliesTo: appliesToSchema.optional(),
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
 * region is listed.
 *
 * @public
 */
export type IntentPolicyAppliesTo = z.infer<typeof appliesToSchema>;

/**
 * One rule of a policy. `expression` is evaluated against each resource of a
 * plan; when it is true the rule's `outcome` applies.
 *
 * @public
 */
export type IntentPolicyRule = z.infer<typeof ruleSchema>;

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
 * Validates an untrusted IntentPolicy entity. Returns the typed entity, or
 * one readable problem per issue, each starting with the field path
 * (`spec.rules.0.approvers: Required when outcome is require-approval ...`).
 *
 * @public
 */
export function validateIntentPolicyEntity(
  entity: unknown,
):
  | { ok: true; entity: IntentPolicyEntity; problems: [] }
  | { ok: false; problems: string[] } {
  const result = intentPolicyEntitySchema.safeParse(entity);
  if (result.success) {
    return {
      ok: true,
      entity: result.data,
      problems: [],
    };
  }
  return {
    ok: false,
    problems: result.error.issues.map(
      issue =>
        `${issue.path.map(String).join('.') || '(entity)'}: ${issue.message}`,
    ),
  };
}

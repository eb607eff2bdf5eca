// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { compileCelExpression, CompiledCelExpression } from './cel';
import {
  CatalogEntityShape,
  IntentPolicyAppliesTo,
  intentPolicyAppliesToSchema,
  IntentPolicyBaselineOverrides,
  intentPolicyEntitySchema,
  PolicyOutcome,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { normalizeEntityRef } from './matching';

/**
 * An IntentPolicy entity as the catalog serves it: the kind's fields plus the
 * envelope fields the compiler reads (`uid`, `etag`, and `status.items`, where
 * the catalog reports processing errors). `Entity` from
 * `@backstage/catalog-model` fits.
 *
 * @public
 */
export interface IntentPolicyEntityInput extends CatalogEntityShape {
  metadata: CatalogEntityShape['metadata'] & { uid?: string; etag?: string };
  status?: {
    items?: ReadonlyArray<{ type?: string; level?: string; message?: string }>;
  };
}

/** A policy rule ready to be evaluated. @public */
export interface CompiledPolicyRule {
  id: string;
  outcome: PolicyOutcome;
  expression: string;
  compiled: CompiledCelExpression;
  /** The approving group's ref, completed to `group:namespace/name`. */
  approvers?: string;
  description?: string;
  message?: string;
  fix?: string;
}

/**
 * An IntentPolicy compiled for evaluation. A policy with `problems` is not
 * evaluated rule by rule: it denies every session it applies to.
 *
 * @public
 */
export interface CompiledIntentPolicy {
  /** The policy's entity ref, e.g. `intentpolicy:default/platform-guardrails`. */
  ref: string;
  namespace: string;
  /** The owner's entity ref, completed to `kind:namespace/name`; absent when unreadable. */
  owner?: string;
  /** Undefined: the policy applies to every session. */
  appliesTo?: IntentPolicyAppliesTo;
  baseline?: IntentPolicyBaselineOverrides;
  rules: CompiledPolicyRule[];
  /** Why the policy cannot be used: catalog processing errors, schema problems. */
  problems: string[];
}

function processingErrors(entity: IntentPolicyEntityInput): string[] {
  return (entity.status?.items ?? [])
    .filter(item => item.level === 'error')
    .map(
      item =>
        `the catalog reports an error: ${item.message ?? 'no message given'}`,
    );
}

/** An unreadable appliesTo counts as "every session": fail closed. */
function appliesToOf(spec: unknown): IntentPolicyAppliesTo | undefined {
  const result = intentPolicyAppliesToSchema
    .optional()
    .safeParse((spec as { appliesTo?: unknown } | undefined)?.appliesTo);
  return result.success ? result.data : undefined;
}

/**
 * Compiles an IntentPolicy entity: checks its spec, compiles the CEL
 * expression of every rule once and completes approver refs. Never throws: a
 * rule whose expression does not compile keeps the problem (and denies when
 * evaluated), an entity with catalog processing errors or an invalid spec
 * gets `problems`. Catalog errors mean the served spec is the last valid
 * version, which must not be used for new applies.
 *
 * @public
 */
export function compileIntentPolicy(
  entity: IntentPolicyEntityInput,
): CompiledIntentPolicy {
  const namespace = entity.metadata.namespace ?? 'default';
  const ref = normalizeEntityRef(entity.metadata.name, {
    kind: 'intentpolicy',
    namespace,
  });
  const parsed = intentPolicyEntitySchema.safeParse(entity);
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.map(
        issue =>
          `${issue.path.map(String).join('.') || '(entity)'}: ${issue.message}`,
      );
  const problems = [...processingErrors(entity), ...schemaProblems];
  if (!parsed.success) {
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    return {
      ref,
      namespace,
      owner:
        typeof owner === 'string'
          ? normalizeEntityRef(owner, { kind: 'group', namespace })
          : undefined,
      appliesTo: appliesToOf(entity.spec),
      rules: [],
      problems,
    };
  }
  const { spec } = parsed.data;
  return {
    ref,
    namespace,
    owner: normalizeEntityRef(spec.owner, { kind: 'group', namespace }),
    appliesTo: spec.appliesTo,
    baseline: spec.baseline,
    rules: (spec.rules ?? []).map(rule => ({
      id: rule.id,
      outcome: rule.outcome,
      expression: rule.expression,
      compiled: compileCelExpression(rule.expression),
      approvers: rule.approvers
        ? normalizeEntityRef(rule.approvers, { kind: 'group', namespace })
        : undefined,
      description: rule.description,
      message: rule.message,
      fix: rule.fix,
    })),
    problems,
  };
}

/**
 * Compiles policies once per version. `compile` returns the cached result
 * while the entity's `uid` and `etag` (or, without them, its spec and
 * status) are unchanged; a new version replaces the old one, so the cache
 * holds one entry per policy.
 *
 * @public
 */
export interface IntentPolicyCompiler {
  compile(entity: IntentPolicyEntityInput): CompiledIntentPolicy;
}

function versionKey(entity: IntentPolicyEntityInput): string {
  const { uid, etag } = entity.metadata;
  return uid && etag
    ? `${uid}:${etag}`
    : JSON.stringify([entity.spec, entity.status?.items ?? []]);
}

/** @public */
export function createIntentPolicyCompiler(): IntentPolicyCompiler {
  const cache = new Map<
    string,
    { key: string; policy: CompiledIntentPolicy }
  >();
  return {
    compile(entity) {
      const id = `${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`;
      const key = versionKey(entity);
      const cached = cache.get(id);
      if (cached?.key === key) {
        return cached.policy;
      }
      const policy = compileIntentPolicy(entity);
      cache.set(id, { key, policy });
      return policy;
    },
  };
}

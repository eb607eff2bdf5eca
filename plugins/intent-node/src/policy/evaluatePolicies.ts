// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  CostEstimate,
  PolicyOutcome,
  PolicySession,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  BASELINE_SOURCE,
  BaselineConfig,
  compareVerdicts,
  Plan,
  PolicyFinding,
  PolicyEvaluation,
  resourceAddress,
  verdictOf,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { policyAppliesTo } from './appliesTo';
import { BASELINE_RULES, BaselineLimits, BaselineRule } from './baseline';
import {
  CEL_MAX_EVALUATION_MS,
  CEL_MAX_STEPS,
  CelBudgetExceededError,
  celProblem,
  CelRuleVariables,
  formatCelProblem,
} from './cel';
import { CompiledIntentPolicy, CompiledPolicyRule } from './compilePolicy';

/**
 * Everything a policy evaluation looks at.
 *
 * @public
 */
export interface EvaluatePoliciesInput {
  /** The validated plan. */
  plan: Plan;
  session: PolicySession;
  /** The built-in baseline, usually from {@link readBaselineConfig}. */
  baseline: BaselineConfig;
  /** Every IntentPolicy from the catalog, compiled; those that do not apply are skipped. */
  policies: readonly CompiledIntentPolicy[];
  /** The plan's cost estimate, from `estimateCost(plan)`. */
  cost: CostEstimate;
}

function runBaselineRule(
  rule: BaselineRule,
  outcome: PolicyOutcome,
  source: string,
  input: EvaluatePoliciesInput,
  limits: BaselineLimits,
): PolicyFinding[] {
  try {
    return rule
      .check({
        plan: input.plan,
        session: input.session,
        cost: input.cost,
        limits,
      })
      .map(({ checkIds, ...violation }) => ({
        ruleId: rule.id,
        source,
        outcome,
        ...violation,
        ...(rule.checkIds.length > 0 || checkIds
          ? { checkIds: checkIds ?? rule.checkIds }
          : {}),
      }));
  } catch (error) {
    return [
      {
        ruleId: rule.id,
        source,
        outcome: 'deny',
        message: `Baseline rule ${rule.id} cannot be evaluated: ${
          error instanceof Error ? error.message : String(error)
        }`,
        fix: 'Report this to the platform team; the plan cannot be applied until the rule can be evaluated',
      },
    ];
  }
}

function baselineFindings(input: EvaluatePoliciesInput): PolicyFinding[] {
  const { rules, ...limits } = input.baseline;
  return BASELINE_RULES.flatMap(rule => {
    const level = rules[rule.id];
    return level === 'off'
      ? []
      : runBaselineRule(rule, level, BASELINE_SOURCE, input, limits);
  });
}

/** The baseline rules a policy tightens, run with its limits and levels. */
function overrideFindings(
  policy: CompiledIntentPolicy,
  input: EvaluatePoliciesInput,
): PolicyFinding[] {
  const overrides = policy.baseline;
  if (!overrides) {
    return [];
  }
  const { rules: _levels, ...limits } = input.baseline;
  return BASELINE_RULES.flatMap(rule => {
    const level = overrides.rules?.[rule.id];
    const limit = rule.limit ? overrides[rule.limit] : undefined;
    if (level === undefined && limit === undefined) {
      return [];
    }
    const tightened =
      rule.limit && limit !== undefined
        ? { ...limits, [rule.limit]: limit }
        : limits;
    return runBaselineRule(rule, level ?? 'deny', policy.ref, input, tightened);
  });
}

function ownerOf(policy: CompiledIntentPolicy): string {
  return policy.owner
    ? `The policy's owner, ${policy.owner},`
    : "The policy's owner";
}

function defaultFix(rule: CompiledPolicyRule, address: string): string {
  switch (rule.outcome) {
    case 'require-approval':
      return `A member of ${rule.approvers} must approve this revision, or change ${address} so that it no longer matches ${rule.expression}`;
    case 'warn':
      return `Review ${address}; the plan may go ahead`;
    default:
      return `Change ${address} so that it no longer matches ${rule.expression}`;
  }
}

function cannotEvaluate(
  policy: CompiledIntentPolicy,
  rule: CompiledPolicyRule,
  reason: string,
  fix: string,
  address?: string,
): PolicyFinding {
  return {
    ruleId: rule.id,
    source: policy.ref,
    outcome: 'deny',
    ...(address ? { address } : { field: 'expression' }),
    message: `Rule ${rule.id} of ${policy.ref} cannot be evaluated${
      address ? ` on ${address}` : ''
    }: ${reason}`,
    fix,
  };
}

/**
 * The wall-clock budget of all the custom rules of one evaluation, in
 * milliseconds. Once it is spent, every rule not yet evaluated is a deny
 * finding: policy evaluation never blocks the backend for longer.
 *
 * @public
 */
export const POLICY_EVALUATION_BUDGET_MS = 1000;

const BUDGET_FIX = (policy: CompiledIntentPolicy) =>
  `${ownerOf(
    policy,
  )} must make the rule cheaper: fewer nested macros, shorter lists, simpler patterns`;

function ruleFindings(
  policy: CompiledIntentPolicy,
  rule: CompiledPolicyRule,
  contexts: ReadonlyArray<CelRuleVariables & { address: string }>,
  deadline: number,
): PolicyFinding[] {
  const { compiled } = rule;
  if (!compiled.ok) {
    return [
      cannotEvaluate(
        policy,
        rule,
        formatCelProblem(compiled.problem),
        `${ownerOf(
          policy,
        )} must fix the expression in the catalog; until then the sessions it applies to cannot be applied`,
      ),
    ];
  }
  const findings: PolicyFinding[] = [];
  for (const context of contexts) {
    const now = performance.now();
    if (now > deadline) {
      findings.push(
        cannotEvaluate(
          policy,
          rule,
          `the policy evaluation time budget of ${POLICY_EVALUATION_BUDGET_MS} ms was spent before this rule ran`,
          BUDGET_FIX(policy),
          context.address,
        ),
      );
      continue;
    }
    let value: unknown;
    try {
      value = compiled.evaluate(context, {
        maxSteps: CEL_MAX_STEPS,
        deadline: Math.min(deadline, now + CEL_MAX_EVALUATION_MS),
      });
    } catch (error) {
      if (error instanceof CelBudgetExceededError) {
        findings.push(
          cannotEvaluate(
            policy,
            rule,
            error.message,
            BUDGET_FIX(policy),
            context.address,
          ),
        );
        continue;
      }
      findings.push(
        cannotEvaluate(
          policy,
          rule,
          formatCelProblem(celProblem(rule.expression, error)),
          `${ownerOf(
            policy,
          )} must guard the fields the rule reads with has(resource.field) or test resource.type first`,
          context.address,
        ),
      );
      continue;
    }
    if (value === true) {
      findings.push({
        ruleId: rule.id,
        source: policy.ref,
        outcome: rule.outcome,
        address: context.address,
        field: compiled.fields.join(', ') || undefined,
        message:
          rule.message ??
          rule.description ??
          `${context.address} matches ${rule.expression}`,
        fix: rule.fix ?? defaultFix(rule, context.address),
        ...(rule.outcome === 'require-approval' && rule.approvers
          ? { approvers: rule.approvers }
          : {}),
      });
    } else if (value !== false) {
      findings.push(
        cannotEvaluate(
          policy,
          rule,
          `the expression gave ${typeof value} instead of true or false`,
          `${ownerOf(policy)} must make the expression return a boolean`,
          context.address,
        ),
      );
    }
  }
  return findings;
}

function policyFindings(
  policy: CompiledIntentPolicy,
  input: EvaluatePoliciesInput,
  contexts: ReadonlyArray<CelRuleVariables & { address: string }>,
  deadline: number,
): PolicyFinding[] {
  if (policy.problems.length > 0) {
    return [
      {
        ruleId: 'invalid-policy',
        source: policy.ref,
        outcome: 'deny',
        message: `${
          policy.ref
        } is invalid and cannot be evaluated: ${policy.problems.join('; ')}`,
        fix: `${ownerOf(
          policy,
        )} must fix the policy in the catalog; until then the sessions it applies to cannot be applied`,
      },
    ];
  }
  return [
    ...overrideFindings(policy, input),
    ...policy.rules.flatMap(rule =>
      ruleFindings(policy, rule, contexts, deadline),
    ),
  ];
}

/**
 * Evaluates a plan against the built-in baseline and the IntentPolicies that
 * apply to its session. The verdict is the strictest finding's outcome
 * (`deny` over `require-approval` over `warn`), `allow` when nothing matched.
 * Fails closed: a rule that cannot be evaluated (an expression that does not
 * compile, throws or gives no boolean; a policy the catalog reports invalid)
 * is a `deny` finding that names the rule and the error. So is a rule that
 * runs out of its evaluation budget ({@link CEL_MAX_STEPS} steps or
 * {@link CEL_MAX_EVALUATION_MS} ms per resource, {@link POLICY_EVALUATION_BUDGET_MS}
 * ms for all rules). Pure apart from those time budgets: the same input
 * always gives the same result.
 *
 * @public
 */
export function evaluatePolicies(
  input: EvaluatePoliciesInput,
): PolicyEvaluation {
  const { plan, session } = input;
  const sessionVariable: Record<string, unknown> = {
    owner: session.owner,
    region: session.region,
    ttlHours: session.ttlHours,
    ...(session.team ? { team: session.team } : {}),
  };
  const contexts = plan.resources.map(resource => {
    const address = resourceAddress(resource);
    return {
      address,
      resource: { ...resource, address },
      session: sessionVariable,
    };
  });
  const applied = input.policies.filter(policy =>
    policyAppliesTo(policy, session),
  );
  const deadline = performance.now() + POLICY_EVALUATION_BUDGET_MS;
  const findings = [
    ...baselineFindings(input),
    ...applied.flatMap(policy =>
      policyFindings(policy, input, contexts, deadline),
    ),
  ].sort((a, b) => compareVerdicts(a.outcome, b.outcome));
  return {
    verdict: verdictOf(findings),
    findings,
    appliedPolicies: applied.map(policy => policy.ref),
  };
}

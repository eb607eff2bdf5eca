// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BaselineConfig,
  estimateCost,
  INTENT_POLICY_KIND,
  Plan,
  readBaselineConfig,
  RevisionCost,
  RevisionPolicy,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CompiledIntentPolicy,
  createIntentPolicyCompiler,
  evaluatePolicies,
  IntentPolicyCompiler,
  policyAppliesTo,
  IntentPolicyEntityInput,
  summarizeGuardrails,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { GuardrailSnapshot, Guardrails, PolicySubject } from './guardrails';

/**
 * The guardrails of the portal: the built-in baseline from
 * `intent.policy.baseline` plus every IntentPolicy entity of the catalog,
 * compiled once per version. When the catalog cannot be read, every plan is
 * denied with the reason (fail closed).
 *
 * @internal
 */
export class CatalogGuardrails implements Guardrails {
  static fromConfig(options: {
    config: RootConfigService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    const baseline = readBaselineConfig(
      options.config.getOptional('intent.policy.baseline') ?? {},
    );
    return new CatalogGuardrails(
      options.catalog,
      options.auth,
      options.logger,
      baseline,
    );
  }

  private readonly compiler: IntentPolicyCompiler =
    createIntentPolicyCompiler();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly baseline: BaselineConfig,
  ) {}

  /** Reads the IntentPolicies once, for a planner's prompt and the verdict. */
  async load(): Promise<GuardrailSnapshot> {
    const loaded = await this.loadPolicies();
    return {
      summary: () =>
        summarizeGuardrails({
          baseline: this.baseline,
          policies: loaded.ok ? loaded.policies : [],
        }),
      evaluate: async ({ plan, subject }) => this.judge(loaded, plan, subject),
    };
  }

  private judge(
    loaded: Awaited<ReturnType<CatalogGuardrails['loadPolicies']>>,
    plan: Plan,
    subject: PolicySubject,
  ): { policy: RevisionPolicy; cost: RevisionCost } {
    const cost = estimateCost(plan);
    if (!loaded.ok) {
      return {
        cost,
        policy: {
          verdict: 'deny',
          appliedPolicies: [],
          findings: [
            {
              ruleId: 'policies-unavailable',
              source: 'catalog',
              outcome: 'deny',
              message: `The IntentPolicy entities could not be read from the catalog (${loaded.reason}), so the guardrails cannot be checked`,
              fix: 'Try again once the catalog answers; apply stays blocked until then',
            },
          ],
        },
      };
    }
    const session = {
      owner: subject.owner,
      team: subject.team ?? undefined,
      region: subject.region,
      ttlHours: subject.ttlHours,
    };
    const policy = evaluatePolicies({
      plan,
      session,
      baseline: this.baseline,
      policies: coveringGroups(loaded.policies, session, subject.groups ?? []),
      cost,
    });
    return { policy, cost };
  }

  /** Every IntentPolicy of the catalog, compiled once per version. */
  private async loadPolicies(): Promise<
    | { ok: true; policies: CompiledIntentPolicy[] }
    | { ok: false; reason: string }
  > {
    try {
      const { items } = await this.catalog.getEntities(
        { filter: { kind: INTENT_POLICY_KIND } },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      return {
        ok: true,
        policies: (items as unknown as IntentPolicyEntityInput[]).map(entity =>
          this.compiler.compile(entity),
        ),
      };
    } catch (error) {
      this.logger.error(
        'Cannot read IntentPolicy entities from the catalog',
        error as Error,
      );
      return { ok: false, reason: (error as Error).message };
    }
  }
}

/**
 * The policies with those scoped to any of the owner's groups made to cover
 * the session: `policyAppliesTo` looks at one team, the session's, but a
 * policy for a team binds each of its members, whichever team (if any) the
 * request named.
 */
function coveringGroups(
  policies: CompiledIntentPolicy[],
  session: Parameters<typeof policyAppliesTo>[1],
  groups: string[],
): CompiledIntentPolicy[] {
  return policies.map(policy =>
    !policyAppliesTo(policy, session) &&
    groups.some(team => policyAppliesTo(policy, { ...session, team }))
      ? { ...policy, appliesTo: { all: true } }
      : policy,
  );
}

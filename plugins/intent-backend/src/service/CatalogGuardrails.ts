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
  createIntentPolicyCompiler,
  estimateCost,
  evaluatePolicies,
  INTENT_POLICY_KIND,
  IntentPolicyCompiler,
  IntentPolicyEntityInput,
  Plan,
  readBaselineConfig,
  RevisionCost,
  RevisionPolicy,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { Guardrails, PolicySubject } from './guardrails';

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

  async evaluate(options: { plan: Plan; subject: PolicySubject }): Promise<{
    policy: RevisionPolicy;
    cost: RevisionCost;
  }> {
    const { plan, subject } = options;
    const cost = estimateCost(plan);
    let entities: IntentPolicyEntityInput[];
    try {
      const { items } = await this.catalog.getEntities(
        { filter: { kind: INTENT_POLICY_KIND } },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      entities = items as unknown as IntentPolicyEntityInput[];
    } catch (error) {
      this.logger.error(
        'Cannot read IntentPolicy entities from the catalog',
        error as Error,
      );
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
              message: `The IntentPolicy entities could not be read from the catalog (${
                (error as Error).message
              }), so the guardrails cannot be checked`,
              fix: 'Try again once the catalog answers; apply stays blocked until then',
            },
          ],
        },
      };
    }
    const policy = evaluatePolicies({
      plan,
      session: {
        owner: subject.owner,
        team: subject.team ?? undefined,
        region: subject.region,
        ttlHours: subject.ttlHours,
      },
      baseline: this.baseline,
      policies: entities.map(entity => this.compiler.compile(entity)),
      cost,
    });
    return { policy, cost };
  }
}

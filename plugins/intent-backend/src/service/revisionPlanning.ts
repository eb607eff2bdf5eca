// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  InputError,
  ConflictError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  compareVerdicts,
  diffPlans,
  parsePlan,
  Plan,
  Revision,
  SessionDetails,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { IntentPlanner } from '@intent-sandboxes/backstage-plugin-intent-node';
import { NewRevision } from '../database';
import { describeFinding } from './approvals';
import { Guardrails } from './guardrails';
import { planHash } from './hashing';
import { withPlacement } from './placement';
import { Actor, LifetimeSettings, lifetimeHours } from './sessionState';

/** Whose session a plan is checked for. @internal */
export interface PlanSubject {
  owner: string;
  team: string | null;
}

/**
 * Turns an intent into the next revision: plans it with the configured
 * planner, validates and places the plan, runs the guardrails (policy and
 * cost) and diffs it against what runs. Stores nothing.
 *
 * @internal
 */
export class RevisionPlanner {
  constructor(
    private readonly options: {
      planner: IntentPlanner;
      guardrails: Guardrails;
      lifetime: LifetimeSettings;
    },
  ) {}

  async plan(input: {
    intent: unknown;
    /** The latest revision's plan, which the intent changes. */
    current?: Plan;
    /** What runs now; null when nothing does. */
    prior: Plan | null;
    subject: PlanSubject;
    actor: Actor;
  }): Promise<{ revision: NewRevision; ttlHours: number }> {
    const problem = validateIntentText(input.intent);
    if (problem) {
      throw new InputError(problem);
    }
    const intent = (input.intent as string).trim();
    const { planner } = this.options;
    const guardrails =
      (await this.options.guardrails.load?.()) ?? this.options.guardrails;
    const result = await planner
      .plan({
        intent,
        current: input.current,
        context: {
          clientIp: input.actor.clientIp,
          guardrails:
            'summary' in guardrails ? guardrails.summary() : undefined,
        },
      })
      .catch(error => {
        // The planner is a dependency (Claude, a module's service): its
        // failure is not the caller's fault and nothing was stored.
        throw new ServiceUnavailableError(
          `The ${planner.id} planner could not plan this request: ${
            error instanceof Error ? error.message : String(error)
          }`,
          error,
        );
      });
    const checked = parsePlan(result.plan);
    if (!checked.ok) {
      throw new Error(
        `Planner ${
          result.planner
        } returned an invalid plan: ${checked.problems.join('; ')}`,
      );
    }
    const plan = withPlacement(checked.plan);
    const { policy, cost, ttlHours } = await this.evaluate(
      plan,
      input.subject,
      guardrails,
    );
    return {
      ttlHours,
      revision: {
        intent,
        planner: result.planner,
        plan,
        assumptions: result.assumptions,
        questions: result.questions,
        outOfScope: result.outOfScope,
        modification: result.modification ?? null,
        diff: diffPlans(input.prior, plan),
        policy,
        cost,
        planHash: planHash(plan),
        createdBy: input.actor.userEntityRef,
      },
    };
  }

  /**
   * Policy runs again right before every apply, holding the lock:
   * IntentPolicies may have changed, become invalid or unreadable since the
   * revision was planned. A stricter verdict than the reviewed one blocks the
   * apply (fail closed).
   */
  async recheckPolicy(details: SessionDetails, revision: Revision) {
    const { policy } = await this.evaluate(revision.plan, {
      owner: details.session.owner,
      team: details.session.team,
    });
    if (compareVerdicts(policy.verdict, revision.policy.verdict) >= 0) {
      return;
    }
    const reasons = policy.findings
      .filter(f => f.outcome === policy.verdict)
      .map(describeFinding);
    throw new ConflictError(
      `The guardrails changed since revision ${
        revision.seq
      } was planned: its verdict was ${revision.policy.verdict}, now it is ${
        policy.verdict
      } (${reasons.join('; ')}); plan it again with a follow-up`,
    );
  }

  private async evaluate(
    plan: Plan,
    subject: PlanSubject,
    guardrails: Pick<Guardrails, 'evaluate'> = this.options.guardrails,
  ) {
    const ttlHours = lifetimeHours(plan, this.options.lifetime);
    const { policy, cost } = await guardrails.evaluate({
      plan,
      subject: { ...subject, region: plan.region, ttlHours },
    });
    return { policy, cost, ttlHours };
  }
}

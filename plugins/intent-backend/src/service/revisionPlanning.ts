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
  PolicyFinding,
  Revision,
  SessionDetails,
  validateIntentText,
  withUserData,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  CloudProvider,
  IntentPlanner,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { NewRevision } from '../database';
import { describeFinding } from './approvals';
import { GuardrailSnapshot, Guardrails } from './guardrails';
import { Membership } from './membership';
import { planHash } from './hashing';
import { resolveExisting } from './existingResources';
import {
  hasCloudChecks,
  liveIds,
  runCloudChecks,
  withCloudFindings,
} from './cloudChecks';
import { pinImages } from './imagePinning';
import { withPlacement } from './placement';
import {
  Actor,
  appliedPlan,
  appliedRegion,
  latest,
  LifetimeSettings,
  lifetimeHours,
} from './sessionState';

/** Whose session a plan is checked for. @internal */
export interface PlanSubject {
  owner: string;
  team: string | null;
}

/**
 * Turns an intent into the next revision: plans it with the configured
 * planner, validates and places the plan, pins its instances' images with
 * the session's cloud, runs the guardrails (policy and cost) and diffs it
 * against what runs. Stores nothing.
 *
 * @internal
 */
export class RevisionPlanner {
  constructor(
    private readonly options: {
      planner: IntentPlanner;
      guardrails: Guardrails;
      lifetime: LifetimeSettings;
      /**
       * The owner's groups, which team-scoped policies look at; without it
       * only the session's `team` does.
       */
      membership?: Membership;
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
    /**
     * The session's cloud, which resolves images; called only when an
     * image must be resolved (it throws when that cloud is not installed).
     */
    provider: () => CloudProvider;
  }): Promise<{ revision: NewRevision; ttlHours: number }> {
    const problem = validateIntentText(input.intent);
    if (problem) {
      throw new InputError(problem);
    }
    const intent = (input.intent as string).trim();
    const { planner } = this.options;
    const guardrails = await this.options.guardrails.load();
    const result = await planner
      .plan({
        intent,
        current: input.current,
        context: {
          clientIp: input.actor.clientIp,
          guardrails: guardrails.summary(),
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
    const pinned = await pinImages({
      plan: withUserData(withPlacement(checked.plan)),
      current: input.current,
      prior: input.prior,
      provider: input.provider,
    });
    const plan = pinned.plan;
    // Existing resources (my key pair, the default VPC) must exist now: a
    // missing one is a question, not a failed apply.
    const existing =
      plan.existing.length > 0
        ? await resolveExisting(plan, input.provider(), plan.region)
        : { questions: [], resolved: {} };
    // What the cloud will refuse for a reason known now (a type not offered
    // in the region, a bucket name taken) is shown before apply.
    const cloud = hasCloudChecks(plan)
      ? await runCloudChecks({
          provider: input.provider(),
          plan,
          live: liveIds(plan, input.prior, existing.resolved),
        })
      : { findings: [], questions: [] };
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
        questions: [
          ...result.questions,
          ...pinned.questions,
          ...existing.questions,
          ...cloud.questions,
        ],
        outOfScope: result.outOfScope,
        modification: result.modification ?? null,
        diff: diffPlans(input.prior, plan),
        policy: withCloudFindings(policy, cloud.findings),
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

  /**
   * The lifetime rules of planning, run for an extension: the guardrails
   * judge what runs (else the latest plan) living `ttlHours` from now.
   * Throws 409 when a finding the longer lifetime causes denies it or needs
   * an approval; findings that hold whatever the lifetime (a policy
   * tightened since the apply) are the business of the next apply, not of
   * the extension.
   */
  async assertLifetimeAllowed(details: SessionDetails, ttlHours: number) {
    const { session } = details;
    const plan = appliedPlan(details) ?? latest(details.revisions).plan;
    const region = appliedPlan(details) ? appliedRegion(details) : plan.region;
    const guardrails = await this.options.guardrails.load();
    const groups = await this.groupsOf(session.owner);
    const judge = async (hours: number) =>
      (
        await guardrails.evaluate({
          plan,
          subject: {
            owner: session.owner,
            team: session.team,
            groups,
            region,
            ttlHours: hours,
          },
        })
      ).policy;
    const [longer, shortest] = await Promise.all([judge(ttlHours), judge(0)]);
    const key = (f: PolicyFinding) =>
      JSON.stringify([f.source, f.ruleId, f.address ?? null, f.outcome]);
    const regardless = new Set(shortest.findings.map(key));
    const caused = longer.findings.filter(f => !regardless.has(key(f)));
    const blocking = (outcome: PolicyFinding['outcome']) =>
      caused.filter(f => f.outcome === outcome);
    const describe = (findings: PolicyFinding[]) =>
      findings.map(f => `${describeFinding(f)} (${f.source})`).join('; ');
    const hours = `${ttlHours} hours from now`;
    if (blocking('deny').length > 0) {
      throw new ConflictError(
        `Policy denies extending session ${session.id} to ${hours}: ${describe(
          blocking('deny'),
        )}`,
      );
    }
    const approval = blocking('require-approval');
    if (approval.length > 0) {
      const approvers = [
        ...new Set(approval.flatMap(f => (f.approvers ? [f.approvers] : []))),
      ];
      throw new ConflictError(
        `Extending session ${
          session.id
        } to ${hours} needs approval by a member of ${
          approvers.join(' or ') || 'the approvers the policy names'
        } (${describe(
          approval,
        )}); an extension is not approved on its own: ask for the longer lifetime with a follow-up ("keep it for ${Math.ceil(
          ttlHours,
        )} hours"), which they can approve, and apply it`,
      );
    }
  }

  /** The owner's groups, for team-scoped policies. */
  private async groupsOf(owner: string): Promise<string[]> {
    return (await this.options.membership?.groupsOf?.(owner)) ?? [];
  }

  private async evaluate(
    plan: Plan,
    subject: PlanSubject,
    guardrails?: GuardrailSnapshot,
  ) {
    const ttlHours = lifetimeHours(plan, this.options.lifetime);
    const snapshot = guardrails ?? (await this.options.guardrails.load());
    const { policy, cost } = await snapshot.evaluate({
      plan,
      subject: {
        ...subject,
        groups: await this.groupsOf(subject.owner),
        region: plan.region,
        ttlHours,
      },
    });
    return { policy, cost, ttlHours };
  }
}

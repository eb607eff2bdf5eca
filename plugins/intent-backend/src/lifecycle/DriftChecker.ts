// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  DriftReport,
  Plan,
  ResourceType,
  Session,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudProvider,
  CloudResourceState,
  INTENT_TAGS,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { SessionStore } from '../database';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { Guardrails } from '../service/guardrails';
import { LifetimeSettings } from '../service/sessionState';
import {
  driftHash,
  observedPlan,
  resourceDrift,
  unmanagedResources,
} from './driftCompare';
import { LIFECYCLE_ACTOR } from './ExpirySweep';

/** How many ids one describe call takes (EC2's DescribeInstances takes 1000). */
export const DESCRIBE_BATCH = 1000;

/** One session as a drift check sees it. @internal */
export interface DriftSubject {
  session: Session;
  resources: SessionResource[];
  /** The applied plan, for policy on the observed state; null skips policy. */
  applied: Plan | null;
}

/** What one pass of checks did. @internal */
export interface DriftPass {
  sessions: number;
  resources: number;
  providerCalls: number;
  drifted: string[];
  notified: string[];
}

/**
 * Drift detection: describes the resources of many sessions in as few
 * provider calls as the provider allows (per cloud and region: by id, in
 * batches of {@link DESCRIBE_BATCH} per resource type, and once by the
 * `intent:session` tag for resources created outside the portal), compares
 * what it sees with what was last applied, field by field, runs policy on the
 * observed state, stores the report and tells the owner once per new drift.
 *
 * @internal
 */
export class DriftChecker {
  constructor(
    private readonly options: {
      store: SessionStore;
      lifecycle: DatabaseLifecycleStore;
      providers: ReadonlyMap<string, CloudProvider>;
      guardrails?: Guardrails;
      lifetime: LifetimeSettings;
      notifications?: Pick<NotificationService, 'send'>;
      logger: LoggerService;
      onChange?: (sessionId: string) => void;
    },
  ) {}

  /** Checks every active session, a page of sessions at a time. */
  async checkAll(pageSize = 200): Promise<DriftPass> {
    const pass: DriftPass = {
      sessions: 0,
      resources: 0,
      providerCalls: 0,
      drifted: [],
      notified: [],
    };
    let afterId: string | undefined;
    for (;;) {
      const page = await this.options.lifecycle.listActiveSessions({
        afterId,
        limit: pageSize,
      });
      if (page.length === 0) {
        return pass;
      }
      const subjects = await Promise.all(
        page.map(async p => ({ ...p, applied: await this.appliedPlan(p) })),
      );
      const result = await this.check(subjects);
      pass.sessions += result.sessions;
      pass.resources += result.resources;
      pass.providerCalls += result.providerCalls;
      pass.drifted.push(...result.drifted);
      pass.notified.push(...result.notified);
      afterId = page[page.length - 1].session.id;
    }
  }

  /** Checks one session now ("check now"). */
  async checkSession(sessionId: string): Promise<DriftReport> {
    const details = await this.options.store.getSession({ id: sessionId });
    await this.check([
      {
        session: details.session,
        resources: details.resources,
        applied: appliedPlanOf(details.revisions),
      },
    ]);
    return (await this.options.lifecycle.getDrift(sessionId))!;
  }

  /** Checks the sessions given: the batch the provider calls are shared by. */
  async check(subjects: DriftSubject[]): Promise<DriftPass> {
    const pass: DriftPass = {
      sessions: subjects.length,
      resources: 0,
      providerCalls: 0,
      drifted: [],
      notified: [],
    };
    const groups = new Map<
      string,
      { provider: CloudProvider; region: string; subjects: DriftSubject[] }
    >();
    for (const subject of subjects) {
      const provider = this.options.providers.get(subject.session.provider);
      if (!provider) {
        continue; // its cloud is not installed here: nothing can be described
      }
      // A session's resources are in its region (older rows have none).
      const region = subject.session.region;
      const key = `${provider.id}/${region}`;
      const group = groups.get(key) ?? { provider, region, subjects: [] };
      group.subjects.push(subject);
      groups.set(key, group);
    }
    for (const { provider, region, subjects: inGroup } of groups.values()) {
      const { observed, tagged, calls } = await describeGroup(
        provider,
        region,
        inGroup,
      );
      pass.providerCalls += calls;
      for (const subject of inGroup) {
        pass.resources += subject.resources.length;
        const report = await this.record(subject, region, {
          observed,
          tagged: tagged.get(subject.session.id) ?? [],
          calls: Math.ceil(calls / inGroup.length),
        });
        if (report.drifted) {
          pass.drifted.push(subject.session.id);
        }
        if (report.notified) {
          pass.notified.push(subject.session.id);
        }
      }
    }
    return pass;
  }

  private async record(
    subject: DriftSubject,
    region: string,
    seen: {
      observed: Map<string, CloudResourceState>;
      tagged: CloudResourceState[];
      calls: number;
    },
  ): Promise<{ drifted: boolean; notified: boolean }> {
    const { lifecycle, store } = this.options;
    const { session, resources } = subject;
    const drifted = resources.flatMap(
      r =>
        resourceDrift(
          r,
          r.cloudId ? seen.observed.get(r.cloudId) : undefined,
        ) ?? [],
    );
    const unmanaged = unmanagedResources(resources, seen.tagged, region);
    const findings =
      drifted.length > 0 && subject.applied
        ? await this.policyFindings(
            session,
            observedPlan(subject.applied, drifted, resources),
          )
        : [];
    const report: DriftReport = {
      checkedAt: new Date().toISOString(),
      drifted,
      unmanaged,
      findings,
      providerCalls: seen.calls,
    };
    const hash = driftHash(drifted, unmanaged);
    await lifecycle.saveDrift(session.id, report, hash);
    if (!hash) {
      // Drift that comes back after a revert is new drift: tell them again.
      await lifecycle.clearNotices(session.id, 'drift:');
    }
    if (!hash || !(await lifecycle.claimNotice(session.id, `drift:${hash}`))) {
      return { drifted: hash !== null, notified: false };
    }
    await store.appendAudit({
      sessionId: session.id,
      actor: LIFECYCLE_ACTOR,
      action: 'drift-detected',
      details: {
        drifted: drifted.map(d => ({
          address: d.address,
          kind: d.kind,
          fields: d.fields.map(f => f.path),
        })),
        unmanaged: unmanaged.map(u => u.cloudId),
        violations: findings.length,
      },
    });
    try {
      await this.options.notifications?.send({
        recipients: { type: 'entity', entityRef: [session.owner] },
        payload: {
          title: `Sandbox "${session.title}" changed outside the portal`,
          description: describeDrift(report),
          link: `/intent/sessions/${session.id}`,
          severity: findings.length > 0 ? 'high' : 'normal',
          topic: 'intent-drift',
        },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not tell ${session.owner} about drift of session ${
          session.id
        }: ${(error as Error).message}`,
      );
    }
    this.options.onChange?.(session.id);
    return { drifted: true, notified: true };
  }

  /** Deny and approval findings of policy on the observed state. */
  private async policyFindings(session: Session, plan: Plan) {
    const { guardrails, lifetime } = this.options;
    if (!guardrails) {
      return [];
    }
    const snapshot = await guardrails.load();
    const { policy } = await snapshot.evaluate({
      plan,
      subject: {
        owner: session.owner,
        team: session.team,
        groups: [],
        region: plan.region,
        ttlHours: plan.ttlHours ?? lifetime.defaultTtlHours,
      },
    });
    return policy.findings
      .filter(f => f.outcome !== 'warn')
      .map(f => ({
        ruleId: f.ruleId,
        outcome: f.outcome,
        message: f.message,
        ...(f.address ? { address: f.address } : {}),
      }));
  }

  private async appliedPlan(subject: { session: Session }) {
    const details = await this.options.store.getSession({
      id: subject.session.id,
    });
    return appliedPlanOf(details.revisions);
  }
}

function appliedPlanOf(
  revisions: Array<{ status: string; seq: number; plan: Plan }>,
): Plan | null {
  const applied = revisions.filter(r => r.status === 'applied');
  return applied.length > 0 ? applied[applied.length - 1].plan : null;
}

/** The notification's text: what changed, in one line. */
export function describeDrift(report: DriftReport): string {
  const parts = [
    ...report.drifted.map(d =>
      d.kind === 'missing'
        ? `${d.address} was deleted`
        : `${d.address}: ${d.fields.map(f => f.path).join(', ')} changed`,
    ),
    ...report.unmanaged.map(u => `${u.type} ${u.cloudId} was added`),
  ];
  const violations =
    report.findings.length > 0
      ? ` Policy: ${report.findings.map(f => f.message).join('; ')}.`
      : '';
  return `${parts.join(
    '; ',
  )}.${violations} Revert or accept it from the session page.`;
}

/**
 * Describes the resources of a group of sessions in one cloud region: by id,
 * at most {@link DESCRIBE_BATCH} per call and resource type, and once by the
 * session tag key (every tagged resource of the region, however many
 * sessions: what is not theirs is unmanaged or an orphan).
 */
export async function describeGroup(
  provider: CloudProvider,
  region: string,
  subjects: DriftSubject[],
): Promise<{
  observed: Map<string, CloudResourceState>;
  tagged: Map<string, CloudResourceState[]>;
  calls: number;
}> {
  const byType = new Map<ResourceType, string[]>();
  for (const { resources } of subjects) {
    for (const r of resources) {
      if (r.cloudId) {
        const ids = byType.get(r.type as ResourceType) ?? [];
        ids.push(r.cloudId);
        byType.set(r.type as ResourceType, ids);
      }
    }
  }
  const requests: Array<Promise<CloudResourceState[]>> = [];
  for (const [type, ids] of byType) {
    for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
      requests.push(
        provider.describe({
          region,
          cloudIds: ids
            .slice(i, i + DESCRIBE_BATCH)
            .map(cloudId => ({ type, cloudId })),
        }),
      );
    }
  }
  const wanted = new Set(subjects.map(s => s.session.id));
  requests.push(
    provider.describe(
      subjects.length === 1
        ? { region, tags: { [INTENT_TAGS.session]: subjects[0].session.id } }
        : { region, tagKeys: [INTENT_TAGS.session] },
    ),
  );
  const results = await Promise.all(requests);
  const byTag = results.pop()!;
  const observed = new Map<string, CloudResourceState>();
  for (const state of results.flat()) {
    // A terminated instance and a live resource never share an id.
    observed.set(state.cloudId, state);
  }
  const tagged = new Map<string, CloudResourceState[]>();
  for (const state of byTag) {
    const sessionId = state.tags[INTENT_TAGS.session];
    if (wanted.has(sessionId)) {
      const list = tagged.get(sessionId) ?? [];
      list.push(state);
      tagged.set(sessionId, list);
    }
  }
  return { observed, tagged, calls: requests.length };
}

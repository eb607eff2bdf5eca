// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BackstageCredentials,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BaselineConfig,
  estimateCost,
  IdleRuleHours,
  PolicyBaseline,
  INTENT_POLICY_KIND,
  PolicyVerdict,
  PolicyWhatIfResult,
  PolicyWhatIfSession,
  readBaselineConfig,
  Revision,
  RevisionStatus,
  Session,
  SessionDetails,
  SessionStatus,
  verdictOf,
  compareVerdicts,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CompiledIntentPolicy,
  compileIntentPolicy,
  evaluatePolicies,
  IntentPolicyEntityInput,
  policyAppliesTo,
  validateIntentPolicyEntity,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import type { SessionStore } from '../database';
import type { SessionQuery } from '../permissions';
import type { Membership } from './membership';
import { IdleRule, readIdleRule } from '../lifecycle/settings';
import { LifetimeSettings, lifetimeHours } from './sessionState';

/** Sessions that can still be applied or run: what a policy change can hit. */
export const LIVE_STATUSES: readonly SessionStatus[] = [
  'draft',
  'planned',
  'applying',
  'active',
  'failed',
];

/** Revisions that may still be applied. */
const PENDING: readonly RevisionStatus[] = ['proposed', 'approved', 'failed'];

/** The most sessions one what-if looks at; beyond, `truncated` says so. */
export const WHAT_IF_SESSION_LIMIT = 500;

/**
 * The revision a policy change would hit: the latest that may still be
 * applied, else the latest applied (what runs); undefined when neither.
 */
export function revisionToJudge(
  revisions: readonly Revision[],
): Revision | undefined {
  const last = revisions[revisions.length - 1];
  if (last && PENDING.includes(last.status)) {
    return last;
  }
  return [...revisions].reverse().find(r => r.status === 'applied');
}

/**
 * Whether the policy covers a session, also through any group of its owner
 * (the catalog guardrails treat a team policy as binding every member).
 */
function covers(
  policy: CompiledIntentPolicy,
  session: Parameters<typeof policyAppliesTo>[1],
  groups: readonly string[],
): boolean {
  return (
    policyAppliesTo(policy, session) ||
    groups.some(team => policyAppliesTo(policy, { ...session, team }))
  );
}

/**
 * Judges one session's revision with one policy, pure: the policy's own
 * findings (rules and baseline tightenings), none when it does not cover
 * the session.
 */
export function judgeSession(input: {
  policy: CompiledIntentPolicy;
  baseline: BaselineConfig;
  lifetime: LifetimeSettings;
  session: Session;
  revision: Revision;
  groups: readonly string[];
}): PolicyWhatIfSession {
  const { policy, session, revision } = input;
  const subject = {
    owner: session.owner,
    team: session.team ?? undefined,
    region: revision.plan.region,
    ttlHours: lifetimeHours(revision.plan, input.lifetime),
  };
  const covered = covers(policy, subject, input.groups);
  const findings = covered
    ? evaluatePolicies({
        plan: revision.plan,
        session: subject,
        baseline: input.baseline,
        policies: [{ ...policy, appliesTo: { all: true } }],
        cost: estimateCost(revision.plan),
      }).findings.filter(f => f.source === policy.ref)
    : [];
  return {
    sessionId: session.id,
    title: session.title,
    owner: session.owner,
    team: session.team,
    status: session.status,
    revisionSeq: revision.seq,
    revisionStatus: revision.status,
    covered,
    verdict: verdictOf(findings),
    currentVerdict: revision.policy.verdict,
    findings,
  };
}

/**
 * The policy a what-if request names, validated as the catalog validates
 * IntentPolicy entities (the same function, the same message): either
 * pasted (`entity`) or read from the catalog with the caller's credentials
 * (`entityRef`).
 */
export async function resolvePolicy(
  body: { entity?: unknown; entityRef?: unknown },
  catalog: Pick<CatalogService, 'getEntityByRef'>,
  credentials: BackstageCredentials,
): Promise<CompiledIntentPolicy> {
  const hasEntity = body.entity !== undefined;
  const hasRef = body.entityRef !== undefined;
  if (hasEntity === hasRef) {
    throw new InputError(
      'Send either "entity" (a whole IntentPolicy entity) or "entityRef" (e.g. "intentpolicy:default/platform-guardrails"), not both',
    );
  }
  let entity: unknown = body.entity;
  if (hasRef) {
    const ref = parsePolicyRef(body.entityRef);
    entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No IntentPolicy ${ref} in the catalog`);
    }
  }
  const result = validateIntentPolicyEntity(entity);
  if (!result.ok) {
    throw new InputError(
      `Invalid IntentPolicy ${describeRef(entity)}: ${result.problems.join(
        '; ',
      )}`,
    );
  }
  return compileIntentPolicy(result.entity as IntentPolicyEntityInput);
}

function parsePolicyRef(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      'entityRef must be an entity ref such as intentpolicy:default/platform-guardrails',
    );
  }
  let parsed;
  try {
    parsed = parseEntityRef(value, {
      defaultKind: INTENT_POLICY_KIND,
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `entityRef ${value} is not an entity ref (${
        (error as Error).message
      }); use e.g. intentpolicy:default/platform-guardrails`,
    );
  }
  if (parsed.kind.toLowerCase() !== INTENT_POLICY_KIND.toLowerCase()) {
    throw new InputError(
      `entityRef ${value} is a ${parsed.kind}, not an IntentPolicy`,
    );
  }
  return stringifyEntityRef(parsed);
}

/** The ref the catalog processor names an entity by, as far as it can be read. */
function describeRef(entity: unknown): string {
  const metadata = (
    entity as { metadata?: { name?: unknown; namespace?: unknown } }
  )?.metadata;
  const name = typeof metadata?.name === 'string' ? metadata.name : '(no name)';
  const namespace =
    typeof metadata?.namespace === 'string' ? metadata.namespace : 'default';
  return `intentpolicy:${namespace}/${name}`;
}

/**
 * What an IntentPolicy would do to the live sessions now: which it would
 * deny or send to approval. Reads the sessions and the catalog, changes
 * nothing.
 *
 * @internal
 */
export class PolicyWhatIf {
  static fromConfig(options: {
    config: RootConfigService;
    store: SessionStore;
    catalog: Pick<CatalogService, 'getEntityByRef'>;
    membership: Membership;
    lifetime: LifetimeSettings;
  }) {
    return new PolicyWhatIf({
      ...options,
      baseline: readBaselineConfig(
        options.config.getOptional('intent.policy.baseline') ?? {},
      ),
      idle: idleRuleHours(readIdleRule(options.config)),
    });
  }

  constructor(
    private readonly options: {
      store: SessionStore;
      catalog: Pick<CatalogService, 'getEntityByRef'>;
      membership: Membership;
      lifetime: LifetimeSettings;
      baseline: BaselineConfig;
      idle?: IdleRuleHours | null;
    },
  ) {}

  /** The built-in baseline in force (app-config over the defaults). */
  get baseline(): BaselineConfig {
    return this.options.baseline;
  }

  /** The baseline and the idle rule: what the Policies page shows. */
  get guardrails(): PolicyBaseline {
    return { ...this.options.baseline, idle: this.options.idle ?? null };
  }

  async run(input: {
    body: { entity?: unknown; entityRef?: unknown };
    credentials: BackstageCredentials;
    /** The sessions the caller may read: all, none, or those a conditional decision allows. */
    readable: 'all' | 'none' | PermissionCriteria<SessionQuery>;
  }): Promise<PolicyWhatIfResult> {
    const policy = await resolvePolicy(
      input.body,
      this.options.catalog,
      input.credentials,
    );
    const { sessions, truncated } =
      input.readable === 'none'
        ? { sessions: [], truncated: false }
        : await this.liveSessions(
            input.readable === 'all' ? undefined : input.readable,
          );
    const groups = new Map<string, Promise<string[]>>();
    const groupsOf = (owner: string) => {
      if (!groups.has(owner)) {
        groups.set(
          owner,
          this.options.membership.groupsOf?.(owner) ?? Promise.resolve([]),
        );
      }
      return groups.get(owner)!;
    };
    const judged: PolicyWhatIfSession[] = [];
    for (const session of sessions) {
      const details: SessionDetails = await this.options.store.getSession({
        id: session.id,
      });
      const revision = revisionToJudge(details.revisions);
      if (revision) {
        judged.push(
          judgeSession({
            policy,
            baseline: this.options.baseline,
            lifetime: this.options.lifetime,
            session: details.session,
            revision,
            groups: await groupsOf(session.owner),
          }),
        );
      }
    }
    judged.sort(
      (a, b) =>
        compareVerdicts(a.verdict, b.verdict) ||
        a.sessionId.localeCompare(b.sessionId),
    );
    const counts: Record<PolicyVerdict, number> = {
      deny: 0,
      'require-approval': 0,
      warn: 0,
      allow: 0,
    };
    judged.forEach(s => counts[s.verdict]++);
    return {
      policy: policy.ref,
      evaluatedAt: new Date().toISOString(),
      sessions: judged,
      counts,
      truncated,
    };
  }

  private async liveSessions(criteria?: PermissionCriteria<SessionQuery>) {
    const sessions: Session[] = [];
    let truncated = false;
    for (const status of LIVE_STATUSES) {
      for (let offset = 0; ; offset += 100) {
        const page = await this.options.store.listSessions({
          status,
          criteria,
          limit: 100,
          offset,
        });
        sessions.push(...page.items);
        if (sessions.length > WHAT_IF_SESSION_LIMIT) {
          truncated = true;
          return {
            sessions: sessions.slice(0, WHAT_IF_SESSION_LIMIT),
            truncated,
          };
        }
        if (page.items.length < 100) {
          break;
        }
      }
    }
    return { sessions, truncated };
  }
}

const HOUR = 3_600_000;

function idleRuleHours(rule: IdleRule | null): IdleRuleHours | null {
  return rule
    ? {
        warnAfterHours: rule.warnAfterMillis / HOUR,
        destroyAfterHours: rule.destroyAfterMillis / HOUR,
      }
    : null;
}

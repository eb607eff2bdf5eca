// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the intent sandboxes backend plugin. */
  intent?: {
    /**
     * The cloud new sessions are created in: `simulated` (embedded, nothing
     * real is created) or the id of a provider added by a backend module.
     * @default simulated
     */
    provider?: string;
    planner?: {
      /**
       * The planner that turns intents into plans: `rules` (offline,
       * deterministic), `anthropic` (needs `intent.planner.anthropic.apiKey`)
       * or the id of a planner added by a backend module.
       * @default anthropic when an Anthropic API key is configured, else rules
       */
      default?: string;
      /**
       * The planner used when the default planner fails (the revision says
       * so), or `none` to fail the request with 503 instead.
       * @default rules
       */
      fallback?: string;
    };
    /** Apply and destroy operations. */
    operations?: {
      /**
       * How many independent cloud changes of one operation run at once.
       * @default 8
       */
      concurrency?: number;
      /**
       * Lease of a session lock; renewed every third of it while the
       * operation runs. A crashed holder's lock expires after this. A
       * duration such as `30s` or `{ seconds: 30 }`.
       * @default 30s
       */
      lease?: HumanDuration | string;
      /**
       * Not used any more: clouds wait until a resource is usable themselves.
       * Accepted so that existing configurations keep loading.
       * @deprecated no effect; will be removed.
       */
      pollInterval?: HumanDuration | string;
      /**
       * How long an instance may take to reach `running`, such as `5m`.
       * @default 5m
       */
      readyTimeout?: HumanDuration | string;
      /**
       * Lease of a session lock, in milliseconds. Used only when `lease` is
       * not set.
       * @deprecated use `lease`; read for one more release.
       */
      leaseMillis?: number;
      /**
       * Not used any more, like `pollInterval`.
       * @deprecated no effect; will be removed.
       */
      pollMillis?: number;
      /**
       * How long an instance may take to reach `running`, in milliseconds.
       * Used only when `readyTimeout` is not set.
       * @deprecated use `readyTimeout`; read for one more release.
       */
      readyTimeoutMillis?: number;
      /**
       * The recovery job: finds operations whose backend crashed (their
       * lock's lease expired while they ran) and resumes them, or ends an
       * apply that policy no longer allows `failed`. It runs at start-up and
       * then every `frequency`, on one replica at a time. A crashed session
       * is recovered at most `lease` + `frequency` after the crash.
       */
      recovery?: {
        /**
         * Set to false to leave interrupted operations to a manual re-apply
         * or destroy.
         * @default true
         */
        enabled?: boolean;
        /**
         * How often the job runs, such as `30s`.
         * @default 30s
         */
        frequency?: HumanDuration | string;
      };
    };
    /** Guardrails. */
    policy?: {
      /**
       * The built-in baseline, on by default; IntentPolicy entities in the
       * catalog add to it. Read with readBaselineConfig (intent-common).
       */
      baseline?: {
        /**
         * deny blocks apply, warn lets it through, off skips. Default:
         * no-public-ip warn, every other rule deny.
         */
        rules?: {
          'no-public-ip'?: 'deny' | 'warn' | 'off';
          'imdsv2-required'?: 'deny' | 'warn' | 'off';
          'encrypted-volumes'?: 'deny' | 'warn' | 'off';
          'no-open-ingress'?: 'deny' | 'warn' | 'off';
          's3-no-public-access'?: 'deny' | 'warn' | 'off';
          'allowed-regions'?: 'deny' | 'warn' | 'off';
          'allowed-instance-types'?: 'deny' | 'warn' | 'off';
          'max-instances'?: 'deny' | 'warn' | 'off';
          'max-hourly-cost'?: 'deny' | 'warn' | 'off';
          'max-ttl'?: 'deny' | 'warn' | 'off';
          'required-tags'?: 'deny' | 'warn' | 'off';
        };
        /**
         * Region patterns, `*` = any characters.
         * @default ["us-*", "eu-*"]
         */
        allowedRegions?: string[];
        /**
         * Instance types (t3.micro), families (t3) or patterns (*.large).
         * Default: every family in the price table.
         */
        allowedInstanceTypes?: string[];
        /**
         * Instances per session.
         * @default 5
         */
        maxInstances?: number;
        /**
         * Estimated on-demand USD per hour per session.
         * @default 10
         */
        maxHourlyUsd?: number;
        /**
         * Longest time to live a plan may ask for, in hours.
         * @default 72
         */
        maxTtlHours?: number;
        /**
         * Tag keys every taggable resource must carry (plan-wide tags count).
         * @default []
         */
        requiredTags?: string[];
        /**
         * no-open-ingress treats a rule's sources as "from anywhere" when
         * their union (IPv4 and IPv6 apart, overlaps merged, private ranges
         * left out) holds as many addresses as one /N block of the family:
         * 1/2^N of the address space. 8 catches 0.0.0.0/1 + 128.0.0.0/1 and
         * any public /8; 0 only sources covering every public address.
         * @default 8
         */
        openIngressPrefixLength?: number;
      };
      /**
       * The idle rule, off unless set: a session with no activity (no
       * revision, operation, extension, exemption change or "keep") for
       * `warnAfterHours` is warned once (a notification to the owner with a
       * link), and destroyed into `expired` when still idle at
       * `destroyAfterHours`, which must be greater. Promoted and exempt
       * sessions are never idle-destroyed. Runs with the expiry sweep.
       */
      idle?: {
        /** Hours without activity before the owner is warned. */
        warnAfterHours: number;
        /** Hours without activity before the session is destroyed; more than `warnAfterHours`. */
        destroyAfterHours: number;
      };
    };
    /** Approvals of revisions that policy sends for approval. */
    approvals?: {
      /**
       * How long an approval allows an apply; after that the revision needs
       * a new approval. A duration such as `24h` or `{ hours: 24 }`.
       * @default 24h
       */
      ttl?: HumanDuration | string;
      /**
       * How long an approval allows an apply, in hours. Used only when `ttl`
       * is not set.
       * @deprecated use `ttl`; read for one more release.
       */
      ttlHours?: number;
    };
    /** Session lifetimes. */
    session?: {
      /**
       * Lifetime of a session whose intent names none, such as `8h`.
       * @default 8h
       */
      defaultTtl?: HumanDuration | string;
      /**
       * The longest a session may be set or extended to live, from now, such
       * as `3d` or `{ hours: 72 }`.
       * @default 72h
       */
      maxTtl?: HumanDuration | string;
      /**
       * Lifetime of a session whose intent names none, in hours. Used only
       * when `defaultTtl` is not set.
       * @deprecated use `defaultTtl`; read for one more release.
       */
      defaultTtlHours?: number;
      /**
       * The longest a session may be set or extended to live, in hours from
       * now. Used only when `maxTtl` is not set.
       * @deprecated use `maxTtl`; read for one more release.
       */
      maxTtlHours?: number;
    };
    /**
     * The plugin's actions (preview-plan, create-session, ...), served to AI
     * assistants by the MCP actions backend (`backend.actions.pluginSources`
     * must list `intent`). They act as the calling user, under the same
     * permissions, policy, approvals and confirmations as the UI.
     */
    actions?: {
      /**
       * Let services run the actions that act as a user (all but get-session
       * and list-sessions): e.g. an MCP client with a static token, which
       * reaches the actions as the service `plugin:mcp-actions`. They then act
       * as `serviceActor` (owner of what they create, actor in the audit).
       * @default false
       */
      allowServicePrincipals?: boolean;
      /**
       * The user entity ref services act as when `allowServicePrincipals` is on.
       * @default user:default/intent-automation
       */
      serviceActor?: string;
    };
    /**
     * Lifecycle jobs: the expiry sweep (warnings, destroy at expiry into
     * `expired`, retries of a failed expiry destroy) and the drift check of
     * every active session. Both run on Backstage's scheduler, on one
     * replica at a time.
     */
    lifecycle?: {
      /**
       * Whether the jobs run; the drift, orphan and exemption routes work
       * either way.
       * @default true
       */
      enabled?: boolean;
      /**
       * How long before expiry the owner is warned (a notification with a
       * link), each once per expiry: an extension re-arms them. Durations
       * such as `24h`, `1h`, `30m`.
       * @default ['24h', '1h']
       */
      expiryWarnings?: string[];
      /**
       * How often the expiry sweep runs, such as `1m`.
       * @default 1m
       */
      expiryFrequency?: HumanDuration | string;
      /**
       * How often every active session is checked for drift, such as `15m`.
       * @default 15m
       */
      driftFrequency?: HumanDuration | string;
      /**
       * Wait before a failed expiry destroy is tried again; doubles after
       * each failure, up to `destroyRetryMax`.
       * @default 1m
       */
      destroyRetry?: HumanDuration | string;
      /**
       * The longest wait between expiry destroy attempts.
       * @default 1h
       */
      destroyRetryMax?: HumanDuration | string;
      /**
       * Entity refs (users or groups) told, with the owner, when an expiry
       * destroy fails, e.g. `group:default/platform`.
       * @default []
       */
      admins?: string[];
      orphans?: {
        /**
         * Regions scanned for orphans (tagged resources whose session is
         * missing or gone) beside those sessions used and those the
         * baseline allows (`intent.policy.baseline.allowedRegions`), on
         * each cloud a session used, e.g. `['ap-southeast-2']`.
         * @default []
         */
        regions?: string[];
      };
    };
  };
}

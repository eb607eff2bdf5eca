// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

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
       * Lease of a session lock, in milliseconds; renewed every third of it
       * while the operation runs. A crashed holder's lock expires after this.
       * @default 30000
       */
      leaseMillis?: number;
      /**
       * How often to look at a starting instance, in milliseconds.
       * @default 250
       */
      pollMillis?: number;
      /**
       * How long an instance may take to reach `running`, in milliseconds.
       * @default 300000
       */
      readyTimeoutMillis?: number;
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
      };
    };
    /** Approvals of revisions that policy sends for approval. */
    approvals?: {
      /**
       * How long an approval allows an apply, in hours; after that the
       * revision needs a new approval.
       * @default 24
       */
      ttlHours?: number;
    };
    /** Session lifetimes. */
    session?: {
      /**
       * Lifetime of a session whose intent names none, in hours.
       * @default 8
       */
      defaultTtlHours?: number;
      /**
       * The longest a session may be set or extended to live, in hours from now.
       * @default 72
       */
      maxTtlHours?: number;
    };
  };
}

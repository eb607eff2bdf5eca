// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { diffPlans } from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import type { NewRevision } from '../database';

/** A complete revision for store tests, planned by the rules planner. */
export function newRevision(
  intent: string,
  createdBy = 'user:default/ada',
): NewRevision {
  const { plan } = planWithRules(intent);
  return {
    intent,
    planner: 'rules',
    plan,
    assumptions: [],
    questions: [],
    outOfScope: [],
    modification: null,
    diff: diffPlans(null, plan),
    policy: { verdict: 'allow', findings: [], appliedPolicies: [] },
    cost: {
      hourlyUsd: 0.0104,
      monthlyUsd: 7.592,
      perResource: [],
      unknown: [],
      pricesAsOf: '2025-06',
    },
    planHash: `hash-of-${intent}`,
    createdBy,
  };
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Text } from '@backstage/ui';
import type { PlanPreview } from '@intent-sandboxes/backstage-plugin-intent-common';
import { DiffTable } from './DiffTable';
import { PlanNotes } from './PlanNotes';
import { PolicyPanel } from './PolicyPanel';

/** The parts of a revision or a preview a person reviews before applying. */
export type ReviewablePlan = Pick<
  PlanPreview,
  'diff' | 'assumptions' | 'questions' | 'outOfScope' | 'policy' | 'cost'
>;

/** What a plan changes, what the planner assumed, the guardrails' verdict and the cost. */
export function PlanSummary({ plan }: { plan: ReviewablePlan }) {
  return (
    <>
      {plan.diff.changes.length > 0 ? (
        <DiffTable diff={plan.diff} />
      ) : (
        <Text>The plan has no resources yet.</Text>
      )}
      <PlanNotes
        assumptions={plan.assumptions}
        questions={plan.questions}
        outOfScope={plan.outOfScope}
      />
      <PolicyPanel policy={plan.policy} cost={plan.cost} />
    </>
  );
}

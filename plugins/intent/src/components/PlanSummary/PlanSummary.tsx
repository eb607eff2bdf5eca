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
  | 'plan'
  | 'diff'
  | 'assumptions'
  | 'questions'
  | 'outOfScope'
  | 'policy'
  | 'cost'
>;

/** "key pair named dev-laptop", "default VPC", "subnet subnet-0f1e…". */
export function describeExisting(
  entry: PlanPreview['plan']['existing'][number],
): string {
  const kind = entry.type.replace(/^aws_/, '').replace(/_/g, ' ');
  if (entry.lookup.default) {
    return `the default ${kind === 'vpc' ? 'VPC' : kind}`;
  }
  return entry.lookup.id
    ? `${kind === 'vpc' ? 'VPC' : kind} ${entry.lookup.id}`
    : `${kind} named ${entry.lookup.name}`;
}

/** What a plan changes, what the planner assumed, the guardrails' verdict and the cost. */
export function PlanSummary({ plan }: { plan: ReviewablePlan }) {
  return (
    <>
      {plan.diff.changes.length > 0 ? (
        <DiffTable diff={plan.diff} />
      ) : (
        <Text>The plan has no resources yet.</Text>
      )}
      {(plan.plan.existing ?? []).length > 0 && (
        <ul aria-label="Existing resources used">
          {plan.plan.existing.map(entry => (
            <li key={`${entry.type}.${entry.name}`}>
              Uses {describeExisting(entry)} (
              <code>{`data.${entry.type}.${entry.name}`}</code>), which is not
              created or destroyed by the sandbox
            </li>
          ))}
        </ul>
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Alert, Text } from '@backstage/ui';
import type { PlanAssumption } from '@intent-sandboxes/backstage-plugin-intent-common';

/** What the planner assumed, what it asks and what it will not do. */
export function PlanNotes({
  assumptions,
  questions,
  outOfScope,
}: {
  assumptions: PlanAssumption[];
  questions: string[];
  outOfScope: string[];
}) {
  return (
    <>
      {assumptions.length > 0 && (
        <div>
          <Text weight="bold">Assumed</Text>
          <ul aria-label="Assumptions">
            {assumptions.map(a => (
              <li key={`${a.field}-${a.value}`}>
                <Text>
                  {a.field} = {a.value}: {a.reason}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {questions.map(q => (
        <Alert key={q} status="warning" title={q} />
      ))}
      {outOfScope.map(o => (
        <Alert key={o} status="info" title={`Not done: ${o}`} />
      ))}
    </>
  );
}

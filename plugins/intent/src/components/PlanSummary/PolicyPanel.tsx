// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Alert, Flex, Text } from '@backstage/ui';
import type {
  RevisionCost,
  RevisionPolicy,
} from '@intent-sandboxes/backstage-plugin-intent-common';

const STATUS = {
  allow: 'success',
  warn: 'warning',
  'require-approval': 'warning',
  deny: 'danger',
} as const;

/** The guardrails' verdict with every finding, and the cost estimate. */
export function PolicyPanel({
  policy,
  cost,
}: {
  policy: RevisionPolicy;
  cost: RevisionCost;
}) {
  return (
    <Flex direction="column" gap="2">
      <Text aria-label="Cost estimate">
        Cost: ${cost.hourlyUsd.toFixed(4)}/hour (about $
        {cost.monthlyUsd.toFixed(2)}/month)
        {cost.unknown.length > 0 &&
          `, not counting ${cost.unknown.join(', ')} (no price known)`}
      </Text>
      <div aria-label="Policy verdict" data-verdict={policy.verdict}>
        <Alert
          status={STATUS[policy.verdict]}
          title={`Policy: ${policy.verdict}`}
          description={
            policy.findings.length === 0
              ? 'No guardrail is triggered.'
              : undefined
          }
        />
      </div>
      {policy.findings.map((finding, index) => (
        <Alert
          key={`${finding.ruleId}-${finding.address ?? ''}-${index}`}
          status={STATUS[finding.outcome]}
          title={`${finding.outcome}: ${finding.message}`}
          description={`${finding.ruleId}${
            finding.address ? ` on ${finding.address}` : ''
          }${finding.field ? ` (${finding.field})` : ''}. Fix: ${finding.fix}${
            finding.approvers ? ` Approver: ${finding.approvers}.` : ''
          }`}
        />
      ))}
    </Flex>
  );
}

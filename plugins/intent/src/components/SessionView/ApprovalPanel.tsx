// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Alert, Button, Flex, TextField } from '@backstage/ui';
import type {
  Revision,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useState } from 'react';

/**
 * For a revision that policy sent for approval: who must approve, what was
 * decided, and Approve/Reject (the backend decides who may).
 */
export function ApprovalPanel(props: {
  details: SessionDetails;
  revision: Revision;
  busy: boolean;
  onDecide: (decision: 'approve' | 'reject', comment: string) => void;
}) {
  const { details, revision, busy, onDecide } = props;
  const [comment, setComment] = useState('');
  const groups = [
    ...new Set(
      revision.policy.findings.flatMap(f =>
        f.outcome === 'require-approval' && f.approvers ? [f.approvers] : [],
      ),
    ),
  ];
  const decision = details.approvals.find(
    a => a.seq === revision.seq && a.planHash === revision.planHash,
  );
  const expired =
    decision && new Date(decision.expiresAt).getTime() <= Date.now();

  return (
    <Flex direction="column" gap="2" aria-label="Approval">
      {decision ? (
        <Alert
          status={
            decision.decision === 'approved' && !expired ? 'success' : 'warning'
          }
          title={`${
            decision.decision === 'approved' ? 'Approved' : 'Rejected'
          } by ${decision.actor}${expired ? ' (expired)' : ''}`}
          description={decision.comment ?? undefined}
        />
      ) : (
        <Alert
          status="warning"
          title={`Waiting for approval by a member of ${groups.join(' or ')}`}
        />
      )}
      {(revision.status === 'proposed' || expired) && (
        <Flex align="end" gap="2">
          <TextField label="Comment" value={comment} onChange={setComment} />
          <Button
            variant="primary"
            isPending={busy}
            onPress={() => onDecide('approve', comment)}
          >
            Approve
          </Button>
          <Button
            variant="secondary"
            isDisabled={busy}
            onPress={() => onDecide('reject', comment)}
          >
            Reject
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import styles from '../tables.module.css';
import { formatDuration, toStepRows } from './stepRows';

/**
 * The step log of the session's latest operation, one row per step with
 * its state and duration. The session page reloads
 * on every signal of the session, and the log with it, so it follows a
 * running apply or destroy step by step.
 */
export function OperationLog({ details }: { details: SessionDetails }) {
  const api = useApi(intentApiRef);
  const latest = details.operations[0];
  const { value: operation, error } = useAsync(
    async () => (latest ? api.getOperation({ id: latest.id }) : undefined),
    // Reload when anything of the session changed, not only the status.
    [api, latest?.id, latest?.status, details.session.updatedAt],
  );

  if (!latest) {
    return null;
  }
  if (error) {
    return (
      <Alert
        status="warning"
        title={`Could not load the operation log: ${error.message}`}
      />
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text aria-label="Operation status">
        {latest.kind}
        {latest.revisionSeq ? ` revision ${latest.revisionSeq}` : ''}:{' '}
        {latest.status}
        {latest.error ? ` (${latest.error})` : ''}
      </Text>
      {operation && operation.steps.length > 0 && (
        <table className={styles.table} aria-label="Operation steps">
          <thead>
            <tr>
              <th>Step</th>
              <th>State</th>
              <th>Duration</th>
              <th>Cloud id</th>
              <th>Message</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {toStepRows(operation.steps, operation.status === 'running').map(
              row => (
                <tr key={row.step}>
                  <td className={styles.mono}>{row.step}</td>
                  <td>{row.state}</td>
                  <td>
                    {row.durationMs === null
                      ? '…'
                      : formatDuration(row.durationMs)}
                  </td>
                  <td className={styles.mono}>{row.cloudId ?? ''}</td>
                  <td>{row.message ?? ''}</td>
                  <td>{new Date(row.startedAt).toLocaleTimeString()}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </Flex>
  );
}

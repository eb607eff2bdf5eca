// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from '../tables.module.css';

/** Every revision (newest first) and the recent operations. */
export function History({ details }: { details: SessionDetails }) {
  return (
    <>
      <table className={styles.table} aria-label="Revisions">
        <thead>
          <tr>
            <th>#</th>
            <th>Intent</th>
            <th>Changes</th>
            <th>Policy</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {[...details.revisions].reverse().map(revision => (
            <tr key={revision.seq}>
              <td>{revision.seq}</td>
              <td>{revision.intent}</td>
              <td className={styles.mono}>
                +{revision.diff.counts.create} ~{revision.diff.counts.update} ±
                {revision.diff.counts.replace} -{revision.diff.counts.delete}
              </td>
              <td>{revision.policy.verdict}</td>
              <td>{revision.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {details.operations.length > 0 && (
        <table className={styles.table} aria-label="Operations">
          <thead>
            <tr>
              <th>Operation</th>
              <th>By</th>
              <th>Started</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {details.operations.map(operation => (
              <tr key={operation.id}>
                <td>
                  {operation.kind}
                  {operation.revisionSeq
                    ? ` revision ${operation.revisionSeq}`
                    : ''}
                </td>
                <td>{operation.actor}</td>
                <td>{new Date(operation.startedAt).toLocaleString()}</td>
                <td>
                  {operation.status}
                  {operation.error ? `: ${operation.error}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

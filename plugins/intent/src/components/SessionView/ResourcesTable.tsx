// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SessionResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from '../tables.module.css';

/** What runs in the cloud for a session, with its live state. */
export function ResourcesTable({
  resources,
}: {
  resources: SessionResource[];
}) {
  return (
    <table className={styles.table} aria-label="Cloud resources">
      <thead>
        <tr>
          <th>Address</th>
          <th>Cloud id</th>
          <th>State</th>
        </tr>
      </thead>
      <tbody>
        {resources.map(resource => (
          <tr key={resource.address}>
            <td className={styles.mono}>{resource.address}</td>
            <td className={styles.mono}>
              {resource.cloudId ?? '—'}
              {resource.replacedCloudId &&
                ` (replacing ${resource.replacedCloudId})`}
            </td>
            <td data-testid={`state-${resource.address}`}>{resource.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  PlanResource,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from './SessionView.module.css';

function describe(resource: PlanResource): string {
  switch (resource.type) {
    case 'aws_instance':
      return `${resource.instanceType}, ${resource.image.os} ${resource.image.version} (${resource.image.architecture})`;
    default:
      return '';
  }
}

/** The resources a plan will create, one row each. */
export function PlanTable({ plan }: { plan: Plan }) {
  return (
    <table className={styles.table} aria-label="Planned resources">
      <thead>
        <tr>
          <th>Action</th>
          <th>Address</th>
          <th>Details</th>
          <th>Region</th>
        </tr>
      </thead>
      <tbody>
        {plan.resources.map(resource => (
          <tr key={resourceAddress(resource)}>
            <td>+ create</td>
            <td className={styles.mono}>{resourceAddress(resource)}</td>
            <td>{describe(resource)}</td>
            <td>{plan.region}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

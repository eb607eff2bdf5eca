// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Badge, Text } from '@backstage/ui';
import type { IntentPolicyRule } from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from '../tables.module.css';

/** A policy's rules: what each checks (CEL), what happens, who approves. */
export function RulesTable({ rules }: { rules: IntentPolicyRule[] }) {
  if (rules.length === 0) {
    return (
      <Text>
        This policy has no rules of its own; it only tightens the baseline (if
        anything).
      </Text>
    );
  }
  return (
    <table className={styles.table} aria-label="Policy rules">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Outcome</th>
          <th scope="col">When (CEL, per resource)</th>
          <th scope="col">Message</th>
          <th scope="col">Approvers</th>
        </tr>
      </thead>
      <tbody>
        {rules.map(rule => (
          <tr key={rule.id}>
            <td>
              <div className={styles.mono}>{rule.id}</div>
              {rule.description && <Text>{rule.description}</Text>}
            </td>
            <td>
              <Badge>{rule.outcome}</Badge>
            </td>
            <td>
              <code className={styles.mono}>{rule.expression}</code>
            </td>
            <td>
              {rule.message ?? '—'}
              {rule.fix && <Text as="p">Fix: {rule.fix}</Text>}
            </td>
            <td className={styles.mono}>{rule.approvers ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Badge } from '@backstage/ui';
import {
  BaselineConfig,
  BaselineRuleId,
  baselineRuleIds,
  PolicyBaseline,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from '../tables.module.css';

/** The limit a baseline rule checks, in words; undefined when it has none. */
export function baselineLimit(
  id: BaselineRuleId,
  baseline: BaselineConfig,
): string | undefined {
  const list = (values: string[]) =>
    values.length > 0 ? values.join(', ') : 'none';
  switch (id) {
    case 'allowed-regions':
      return list(baseline.allowedRegions);
    case 'allowed-instance-types':
      return list(baseline.allowedInstanceTypes);
    case 'max-instances':
      return `${baseline.maxInstances} instances`;
    case 'max-hourly-cost':
      return `$${baseline.maxHourlyUsd} per hour`;
    case 'max-ttl':
      return `${baseline.maxTtlHours} hours`;
    case 'required-tags':
      return list(baseline.requiredTags);
    case 'no-open-ingress':
      return `sources covering a /${baseline.openIngressPrefixLength} or more`;
    default:
      return undefined;
  }
}

/** The idle rule's limits in words. */
export function idleLimit(idle: PolicyBaseline['idle']): string {
  return idle
    ? `warned after ${idle.warnAfterHours} hours with no change and no keep, destroyed after ${idle.destroyAfterHours}`
    : 'sessions are never destroyed for being idle';
}

/** The built-in baseline: every rule with its level and limit, and the idle rule. */
export function BaselineTable({ baseline }: { baseline: PolicyBaseline }) {
  return (
    <table className={styles.table} aria-label="Baseline rules">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Level</th>
          <th scope="col">Limit</th>
        </tr>
      </thead>
      <tbody>
        {baselineRuleIds.map(id => (
          <tr key={id}>
            <td className={styles.mono}>{id}</td>
            <td>
              <Badge>{baseline.rules[id]}</Badge>
            </td>
            <td>{baselineLimit(id, baseline) ?? '—'}</td>
          </tr>
        ))}
        <tr>
          <td className={styles.mono}>idle</td>
          <td>
            <Badge>{baseline.idle ? 'destroy' : 'off'}</Badge>
          </td>
          <td>{idleLimit(baseline.idle)}</td>
        </tr>
      </tbody>
    </table>
  );
}

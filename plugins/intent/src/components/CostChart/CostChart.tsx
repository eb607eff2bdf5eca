// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Flex, Text } from '@backstage/ui';
import type { CostEstimate } from '@intent-sandboxes/backstage-plugin-intent-common';
import { formatUsd } from '../SessionsList/sessionsListModel';
import type { Accrued } from './costModel';
import styles from './CostChart.module.css';

/**
 * The hourly cost of each resource as a bar chart, and what the session has
 * cost so far. Bars are plain elements on the theme's tokens, so the chart
 * follows light and dark themes and any width; each bar's figure is text
 * beside it, so screen readers read the same numbers.
 */
export function CostChart({
  cost,
  accrued,
}: {
  cost: CostEstimate;
  accrued?: Accrued;
}) {
  const rows = cost.perResource;
  const max = Math.max(...rows.map(r => r.hourlyUsd), 0);

  return (
    <figure className={styles.figure} aria-label="Cost chart">
      <Flex direction="column" gap="3">
        <Text aria-label="Accrued cost" weight="bold">
          {accrued
            ? `${formatUsd(accrued.usd)} so far, since ${new Date(
                accrued.since,
              ).toLocaleString()}${accrued.reported ? '' : ' (estimated)'}`
            : 'Nothing accrued yet: nothing is applied.'}
        </Text>
        {rows.length === 0 ? (
          <Text>No resources to price.</Text>
        ) : (
          <ul className={styles.rows} aria-label="Hourly cost per resource">
            {rows.map(row => (
              <li key={row.address} className={styles.row}>
                <span className={styles.address} title={row.basis}>
                  {row.address}
                </span>
                <span className={styles.track} aria-hidden="true">
                  <span
                    className={styles.bar}
                    data-testid={`cost-bar-${row.address}`}
                    style={{
                      width: `${max > 0 ? (100 * row.hourlyUsd) / max : 0}%`,
                    }}
                  />
                </span>
                <span className={styles.value}>
                  {formatUsd(row.hourlyUsd)}/hour
                </span>
              </li>
            ))}
          </ul>
        )}
        <figcaption>
          <Text>
            Total {formatUsd(cost.hourlyUsd)} per hour,{' '}
            {formatUsd(cost.monthlyUsd)} per month (730 hours)
          </Text>
        </figcaption>
      </Flex>
    </figure>
  );
}

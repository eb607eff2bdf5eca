// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Button, Flex, Text } from '@backstage/ui';
import type { CostEstimate } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useId, useState } from 'react';
// Named imports from the package root: it is marked side-effect free, so the
// bundler keeps only these components.
import {
  Bar,
  BarChart,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { formatUsd } from '../SessionsList/sessionsListModel';
import tableStyles from '../tables.module.css';
import {
  Accrued,
  costChartLayout,
  describeCostChart,
  formatHourly,
} from './costModel';
import styles from './CostChart.module.css';

/**
 * The theme's colours: recharts writes them into the SVG as they are, and
 * the browser resolves the variables, so light and dark themes both apply.
 */
const FOREGROUND = 'var(--bui-fg-primary)';
const BAR = 'var(--bui-accent-bg)';

/** Until the container is measured (never, in jsdom), the chart has this width. */
const INITIAL_WIDTH = 480;

/**
 * The hourly cost of each resource as a bar chart (recharts), and what the
 * session has cost so far. Colours and type come from the `--bui-*` tokens,
 * so the chart follows light and dark themes; it fills the card's width. The SVG is one image named by the title, described by every
 * bar's figure, and "Show as table" gives the same numbers as a table.
 */
export function CostChart({
  cost,
  accrued,
}: {
  cost: CostEstimate;
  accrued?: Accrued;
}) {
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const rows = cost.perResource;
  const layout = costChartLayout(rows);

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
        <Text as="h4" variant="body-medium" weight="bold" id={titleId}>
          Hourly cost per resource
        </Text>
        {rows.length === 0 ? (
          <Text>No resources to price.</Text>
        ) : (
          <>
            <div className={styles.chart} data-testid="cost-chart">
              <ResponsiveContainer
                width="100%"
                height={layout.height}
                initialDimension={{
                  width: INITIAL_WIDTH,
                  height: layout.height,
                }}
              >
                <BarChart
                  data={rows}
                  layout="vertical"
                  margin={{ top: 4, right: 96, bottom: 4, left: 4 }}
                  // No tooltip to move through: the label and table carry the figures.
                  accessibilityLayer={false}
                  role="img"
                  aria-labelledby={titleId}
                  desc={describeCostChart(rows)}
                >
                  <XAxis type="number" dataKey="hourlyUsd" hide />
                  <YAxis
                    type="category"
                    dataKey="address"
                    width={layout.axisWidth}
                    tickLine={false}
                    axisLine={false}
                    tick={{ fill: FOREGROUND }}
                  />
                  <Bar
                    dataKey="hourlyUsd"
                    fill={BAR}
                    isAnimationActive={false}
                    minPointSize={2}
                  >
                    <LabelList
                      dataKey="hourlyUsd"
                      position="right"
                      fill={FOREGROUND}
                      formatter={value => formatHourly(Number(value))}
                    />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div>
              <Button
                variant="tertiary"
                size="small"
                aria-expanded={asTable}
                onPress={() => setAsTable(shown => !shown)}
              >
                {asTable ? 'Hide the table' : 'Show as table'}
              </Button>
            </div>
            {asTable && (
              <table
                className={tableStyles.table}
                aria-label="Hourly cost per resource (table)"
              >
                <thead>
                  <tr>
                    <th scope="col">Resource</th>
                    <th scope="col">Priced as</th>
                    <th scope="col">Per hour</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(row => (
                    <tr key={row.address}>
                      <td className={tableStyles.mono}>{row.address}</td>
                      <td>{row.basis}</td>
                      <td>{formatHourly(row.hourlyUsd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
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

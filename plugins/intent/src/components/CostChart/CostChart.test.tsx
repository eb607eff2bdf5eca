// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { plannedSession } from '../SessionView/testFixtures';
import { CostChart } from './CostChart';
import { accruedCost, costChartLayout } from './costModel';

// Rendering the test app is slow on a busy machine.
jest.setTimeout(30_000);

const cost = {
  hourlyUsd: 0.1,
  monthlyUsd: 73,
  perResource: [
    { address: 'aws_instance.web', hourlyUsd: 0.08, basis: 't3.small' },
    { address: 'aws_ebs_volume.data', hourlyUsd: 0.02, basis: 'gp3' },
    { address: 'aws_security_group.sg', hourlyUsd: 0, basis: 'no charge' },
  ],
  unknown: [],
} as any;

describe('CostChart', () => {
  it('draws a bar per resource with its figure, as one labelled image', async () => {
    await renderInTestApp(
      <CostChart
        cost={cost}
        accrued={{ usd: 0.25, since: '2026-11-25T00:00:00Z', reported: true }}
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Hourly cost per resource' }),
    ).toBeInTheDocument();
    const chart = screen.getByRole('img', {
      name: 'Hourly cost per resource',
    });
    expect(chart.tagName).toBe('svg');
    expect(chart.querySelector('desc')).toHaveTextContent(
      'aws_instance.web $0.08/hour, aws_ebs_volume.data $0.02/hour, aws_security_group.sg $0.00/hour.',
    );
    // Three bars, each labelled with its figure, beside its resource.
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
    expect(
      [...chart.querySelectorAll('.recharts-label')].map(l => l.textContent),
    ).toEqual(['$0.08/hour', '$0.02/hour', '$0.00/hour']);
    expect(
      [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(
        t => t.textContent,
      ),
    ).toEqual([
      'aws_instance.web',
      'aws_ebs_volume.data',
      'aws_security_group.sg',
    ]);
    expect(screen.getByLabelText('Accrued cost')).toHaveTextContent(
      /^\$0\.25 so far, since /,
    );
    expect(
      screen.getByText('Total $0.10 per hour, $73.00 per month (730 hours)'),
    ).toBeInTheDocument();
  });

  it('scales the bars to the most expensive resource', async () => {
    await renderInTestApp(<CostChart cost={cost} />);
    const widths = [
      ...screen
        .getByRole('img')
        .querySelectorAll('.recharts-bar-rectangle path'),
    ].map(path => Number(path.getAttribute('width')));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1] / widths[0]).toBeCloseTo(0.25, 1);
    // A free resource still shows a sliver, so its row is not blank.
    expect(widths[2]).toBe(2);
  });

  it("paints with the theme's tokens, so light and dark themes apply", async () => {
    await renderInTestApp(<CostChart cost={cost} />);
    const chart = screen.getByRole('img');
    for (const bar of chart.querySelectorAll('.recharts-bar-rectangle path')) {
      expect(bar).toHaveAttribute('fill', 'var(--bui-accent-bg)');
    }
    const texts = chart.querySelectorAll(
      '.recharts-cartesian-axis-tick-value, .recharts-label',
    );
    expect(texts).toHaveLength(6);
    for (const text of texts) {
      expect(text).toHaveAttribute('fill', 'var(--bui-fg-primary)');
    }
  });

  it('shows the same figures as a table on request', async () => {
    await renderInTestApp(<CostChart cost={cost} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const table = screen.getByRole('table', {
      name: 'Hourly cost per resource (table)',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'ResourcePriced asPer hour',
      'aws_instance.webt3.small$0.08/hour',
      'aws_ebs_volume.datagp3$0.02/hour',
      'aws_security_group.sgno charge$0.00/hour',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Hide the table' }),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says nothing accrued before an apply, and when there is nothing to price', async () => {
    await renderInTestApp(
      <CostChart cost={{ ...cost, perResource: [] }} accrued={undefined} />,
    );
    expect(screen.getByLabelText('Accrued cost')).toHaveTextContent(
      'Nothing accrued yet: nothing is applied.',
    );
    expect(screen.getByText('No resources to price.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});

describe('costChartLayout', () => {
  it('gives each bar a row and the axis room for the longest address, up to 240 px', () => {
    expect(costChartLayout(cost.perResource)).toEqual({
      height: 3 * 36 + 16,
      axisWidth: Math.ceil('aws_security_group.sg'.length * 7.5) + 12,
    });
    expect(
      costChartLayout([
        { address: `aws_instance.${'x'.repeat(60)}`, hourlyUsd: 1, basis: '' },
      ]).axisWidth,
    ).toBe(240);
  });
});

describe('accruedCost', () => {
  const now = Date.parse('2026-11-25T03:00:00Z');
  const apply = {
    id: 'op1',
    sessionId: 's1',
    kind: 'apply' as const,
    revisionSeq: 1,
    status: 'succeeded' as const,
    actor: 'user:default/dana',
    error: null,
    startedAt: '2026-11-25T00:59:00Z',
    finishedAt: '2026-11-25T01:00:00Z',
  };

  it('is undefined until something was applied', () => {
    expect(accruedCost(plannedSession(), now)).toBeUndefined();
  });

  it('is undefined before an apply even when the backend reports $0', () => {
    const details = plannedSession();
    details.session.accruedCostUsd = 0;
    expect(accruedCost(details, now)).toBeUndefined();
  });

  it('estimates the applied hourly price times the hours since the first apply', () => {
    const details = plannedSession();
    details.revisions[0].status = 'applied';
    details.operations = [apply];
    const hourly = details.revisions[0].cost.hourlyUsd;
    const accrued = accruedCost(details, now)!;
    expect(accrued).toMatchObject({
      since: '2026-11-25T01:00:00Z',
      reported: false,
    });
    expect(accrued.usd).toBeCloseTo(hourly * 2, 3);
  });

  it('stops counting at the destroy', () => {
    const details = plannedSession();
    details.revisions[0].status = 'applied';
    details.operations = [
      {
        ...apply,
        id: 'op2',
        kind: 'destroy',
        finishedAt: '2026-11-25T01:30:00Z',
      },
      apply,
    ];
    expect(accruedCost(details, now)!.usd).toBeCloseTo(
      details.revisions[0].cost.hourlyUsd / 2,
      3,
    );
  });

  it("prefers the backend's figure", () => {
    const details = plannedSession();
    details.session.accruedCostUsd = 4.2;
    details.operations = [apply];
    expect(accruedCost(details, now)).toMatchObject({
      usd: 4.2,
      reported: true,
    });
  });
});

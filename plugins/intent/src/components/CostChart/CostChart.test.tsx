// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { plannedSession } from '../SessionView/testFixtures';
import { CostChart } from './CostChart';
import { accruedCost } from './costModel';

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
  it('draws a bar per resource, scaled to the most expensive, with its figure', async () => {
    await renderInTestApp(
      <CostChart
        cost={cost}
        accrued={{ usd: 0.25, since: '2026-11-25T00:00:00Z', reported: true }}
      />,
    );
    const list = screen.getByLabelText('Hourly cost per resource');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(list).toHaveTextContent('aws_instance.web$0.08/hour');
    expect(screen.getByTestId('cost-bar-aws_instance.web')).toHaveStyle({
      width: '100%',
    });
    expect(screen.getByTestId('cost-bar-aws_ebs_volume.data')).toHaveStyle({
      width: '25%',
    });
    expect(screen.getByTestId('cost-bar-aws_security_group.sg')).toHaveStyle({
      width: '0%',
    });
    expect(screen.getByLabelText('Accrued cost')).toHaveTextContent(
      /^\$0\.25 so far, since /,
    );
    expect(
      screen.getByText('Total $0.10 per hour, $73.00 per month (730 hours)'),
    ).toBeInTheDocument();
  });

  it('says nothing accrued before an apply, and when there is nothing to price', async () => {
    await renderInTestApp(
      <CostChart cost={{ ...cost, perResource: [] }} accrued={undefined} />,
    );
    expect(screen.getByLabelText('Accrued cost')).toHaveTextContent(
      'Nothing accrued yet: nothing is applied.',
    );
    expect(screen.getByText('No resources to price.')).toBeInTheDocument();
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { DEFAULT_BASELINE_CONFIG } from '@intent-sandboxes/backstage-plugin-intent-common';
import { screen, within } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { PoliciesPage } from './PoliciesPage';

function policy(name: string, appliesTo?: object): Entity {
  return {
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name, namespace: 'default', description: `The ${name} policy` },
    spec: {
      owner: 'group:default/platform',
      ...(appliesTo ? { appliesTo } : {}),
      rules: [{ id: 'r', outcome: 'warn', expression: 'true', message: 'm' }],
    },
  };
}

const identity = mockApis.identity({
  userEntityRef: 'user:default/ada',
  ownershipEntityRefs: ['user:default/ada', 'group:default/payments'],
});

function intentApi(getPolicyBaseline: IntentApi['getPolicyBaseline']) {
  return { getPolicyBaseline } as unknown as IntentApi;
}

describe('PoliciesPage', () => {
  it('lists the baseline and every policy, marking those that apply to me', async () => {
    await renderInTestApp(<PoliciesPage />, {
      apis: [
        [
          intentApiRef,
          intentApi(async () => ({
            ...DEFAULT_BASELINE_CONFIG,
            maxTtlHours: 24,
            idle: { warnAfterHours: 24, destroyAfterHours: 48 },
          })),
        ],
        [identityApiRef, identity],
        catalogApiMock({
          entities: [
            policy('everyone'),
            policy('payments-only', { teams: ['payments'] }),
            policy('search-only', { teams: ['search'] }),
            policy('eu', { regions: ['eu-west-1'] }),
          ],
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const policies = await screen.findByRole('table', {
      name: 'Intent policies',
    });
    const rows = within(policies).getAllByRole('row').slice(1);
    const text = rows.map(r => r.textContent);
    expect(text).toEqual([
      expect.stringMatching(
        /eu.*Regions: eu-west-1.*Applies to your sessions in eu-west-1/,
      ),
      expect.stringMatching(
        /everyone.*Every session.*Applies to you: it covers every session/,
      ),
      expect.stringMatching(
        /payments-only.*Teams: payments.*Applies to you: a team of yours is listed/,
      ),
      expect.stringMatching(
        /search-only.*Teams: search.*Does not apply to you/,
      ),
    ]);
    expect(rows.map(r => r.getAttribute('data-applies'))).toEqual([
      'yes',
      'yes',
      'yes',
      'no',
    ]);

    const baseline = await screen.findByRole('table', {
      name: 'Baseline rules',
    });
    const ttl = within(baseline)
      .getAllByRole('row')
      .find(r => r.textContent?.startsWith('max-ttl'));
    expect(ttl).toHaveTextContent('max-ttldeny24 hours');
    const idle = within(baseline)
      .getAllByRole('row')
      .find(r => r.textContent?.startsWith('idle'));
    expect(idle).toHaveTextContent(
      'idledestroywarned after 24 hours with no change and no keep, destroyed after 48',
    );
  });

  it('teaches what to do when the catalog has no policy', async () => {
    await renderInTestApp(<PoliciesPage />, {
      apis: [
        [
          intentApiRef,
          intentApi(async () => ({ ...DEFAULT_BASELINE_CONFIG, idle: null })),
        ],
        [identityApiRef, identity],
        catalogApiMock({ entities: [] }),
      ],
    });
    expect(
      await screen.findByText(/No IntentPolicy is in the catalog yet/),
    ).toBeInTheDocument();
  });

  it('shows loading, then the error of each part on its own', async () => {
    let fail: (error: Error) => void = () => {};
    await renderInTestApp(<PoliciesPage />, {
      apis: [
        [
          intentApiRef,
          intentApi(() => new Promise((_, reject) => (fail = reject))),
        ],
        [identityApiRef, identity],
        catalogApiMock.mock({
          getEntities: jest
            .fn()
            .mockRejectedValue(new Error('catalog is down')),
        }),
      ],
    });
    expect(screen.getByLabelText('Loading the baseline')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Could not read the policies from the catalog: catalog is down',
      ),
    ).toBeInTheDocument();
    fail(new Error('You are not allowed'));
    expect(
      await screen.findByText(
        'Could not read the baseline: You are not allowed',
      ),
    ).toBeInTheDocument();
  });
});

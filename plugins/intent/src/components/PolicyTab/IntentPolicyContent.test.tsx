// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import { IntentApi, intentApiRef, PolicyWhatIfResult } from '../../api';
import { IntentPolicyContent } from './IntentPolicyContent';

const policy: Entity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: {
    name: 'platform-guardrails',
    namespace: 'default',
    title: 'Platform guardrails',
    uid: 'uid-1',
    etag: 'etag-1',
  },
  spec: {
    owner: 'group:default/platform',
    appliesTo: { teams: ['payments'], regions: ['eu-west-1'] },
    rules: [
      {
        id: 'gpu-needs-approval',
        outcome: 'require-approval',
        expression:
          'resource.type == "aws_instance" && resource.instanceType.startsWith("p")',
        approvers: 'group:default/platform',
        message: 'GPU instances need approval',
      },
    ],
  },
};

const result: PolicyWhatIfResult = {
  policy: 'intentpolicy:default/platform-guardrails',
  evaluatedAt: '2026-12-02T00:00:00.000Z',
  truncated: false,
  counts: { deny: 1, 'require-approval': 0, warn: 0, allow: 1 },
  sessions: [
    {
      sessionId: 's1',
      title: 'a p3.2xlarge',
      owner: 'user:default/ada',
      team: null,
      status: 'planned',
      revisionSeq: 2,
      revisionStatus: 'proposed',
      covered: true,
      verdict: 'deny',
      currentVerdict: 'allow',
      findings: [
        {
          ruleId: 'gpu-needs-approval',
          source: 'intentpolicy:default/platform-guardrails',
          outcome: 'deny',
          address: 'aws_instance.gpu',
          message: 'GPU instances need approval',
          fix: 'Use a t3',
        },
      ],
    },
    {
      sessionId: 's2',
      title: 'a t3.micro',
      owner: 'user:default/ada',
      team: null,
      status: 'active',
      revisionSeq: 1,
      revisionStatus: 'applied',
      covered: true,
      verdict: 'allow',
      currentVerdict: 'allow',
      findings: [],
    },
  ],
};

function intentApi(whatIfPolicy: IntentApi['whatIfPolicy']) {
  return { whatIfPolicy } as unknown as IntentApi;
}

/** A ResponseError as the IntentClient throws it, from the backend's JSON error. */
async function backendError(status: number, name: string, message: string) {
  return ResponseError.fromResponse({
    status,
    statusText: name,
    url: 'http://localhost/api/intent/v1/policies/what-if',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
  } as unknown as Response);
}

async function renderTab(entity: Entity, api: IntentApi) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <IntentPolicyContent />
    </EntityProvider>,
    {
      apis: [[intentApiRef, api], catalogApiMock({ entities: [entity] })],
    },
  );
}

describe('IntentPolicyContent', () => {
  it('shows the scope and every rule with its expression, outcome and approvers', async () => {
    await renderTab(policy, intentApi(jest.fn()));
    expect(
      await screen.findByText(
        'Applies to: Teams: payments; Regions: eu-west-1',
      ),
    ).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Policy rules' });
    const row = within(rules).getAllByRole('row')[1];
    expect(row).toHaveTextContent('gpu-needs-approval');
    expect(row).toHaveTextContent('require-approval');
    expect(row).toHaveTextContent('resource.instanceType.startsWith("p")');
    expect(row).toHaveTextContent('group:default/platform');
  });

  it('shows the catalog processor\u2019s errors', async () => {
    const broken: Entity = {
      ...policy,
      status: {
        items: [
          {
            type: 'backstage.io/catalog-processing',
            level: 'error',
            message: 'InputError: Invalid IntentPolicy',
            error: {
              name: 'InputError',
              message:
                'Invalid IntentPolicy intentpolicy:default/platform-guardrails: spec.rules.0.expression: rule gpu: line 1, column 5: Unexpected token: EOF',
            },
          },
        ],
      },
    } as Entity;
    await renderTab(broken, intentApi(jest.fn()));
    expect(
      (
        await screen.findAllByText(
          'Invalid IntentPolicy intentpolicy:default/platform-guardrails: spec.rules.0.expression: rule gpu: line 1, column 5: Unexpected token: EOF',
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('says why an entity that is not a valid IntentPolicy cannot be used', async () => {
    const invalid = {
      ...policy,
      spec: { ...policy.spec, rules: [{ id: 'Bad Id', outcome: 'deny' }] },
    };
    await renderTab(invalid, intentApi(jest.fn()));
    expect(
      await screen.findByText(
        'This IntentPolicy is not valid, so it cannot be used',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/spec\.rules\.0\.id: Use kebab-case/),
    ).toBeInTheDocument();
  });

  it('runs the what-if of the catalog version and lists the affected sessions', async () => {
    let resolve: (value: PolicyWhatIfResult) => void = () => {};
    const whatIf = jest.fn(
      () => new Promise<PolicyWhatIfResult>(r => (resolve = r)),
    );
    await renderTab(policy, intentApi(whatIf));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Check live sessions' }),
    );
    expect(
      await screen.findByText('Checking the live sessions…'),
    ).toBeInTheDocument();
    expect(whatIf).toHaveBeenCalledWith({
      entityRef: 'intentpolicy:default/platform-guardrails',
    });
    resolve(result);
    expect(
      await screen.findByText(
        'Of 2 live sessions you can see, this policy would deny 1, send 0 to approval and warn about 0.',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Affected sessions' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2); // the header and the denied session only
    expect(rows[1]).toHaveTextContent('a p3.2xlarge');
    expect(rows[1]).toHaveTextContent('allow → deny');
    expect(rows[1]).toHaveTextContent(
      'gpu-needs-approval on aws_instance.gpu: GPU instances need approval',
    );
    expect(within(rows[1]).getByRole('link')).toHaveAttribute(
      'href',
      '/intent/sessions/s1',
    );
  });

  it('sends the edited copy, pasted as YAML, as a whole entity', async () => {
    const whatIf = jest.fn().mockResolvedValue({
      ...result,
      sessions: [],
      counts: { deny: 0, 'require-approval': 0, warn: 0, allow: 0 },
    });
    await renderTab(policy, intentApi(whatIf));
    const editor = await screen.findByLabelText('Edited copy (YAML)');
    // Prefilled with the policy as written, without the catalog's fields.
    const prefilled = parse((editor as HTMLTextAreaElement).value);
    expect(prefilled.metadata).toEqual({
      name: 'platform-guardrails',
      namespace: 'default',
      title: 'Platform guardrails',
    });
    expect(prefilled.spec).toEqual(policy.spec);
    const edited = (editor as HTMLTextAreaElement).value.replace(
      'require-approval',
      'deny',
    );
    fireEvent.change(editor, { target: { value: edited } });
    fireEvent.click(
      screen.getByRole('button', { name: 'Check the edited copy' }),
    );
    await waitFor(() => expect(whatIf).toHaveBeenCalledTimes(1));
    const sent = whatIf.mock.calls[0][0].entity;
    expect(sent.spec.rules[0].outcome).toBe('deny');
    // Empty: no live session at all.
    expect(
      await screen.findByText(
        'There is no live session you can see, so nothing would change.',
      ),
    ).toBeInTheDocument();
  });

  it('refuses YAML that does not parse without calling the backend', async () => {
    const whatIf = jest.fn();
    await renderTab(policy, intentApi(whatIf));
    fireEvent.change(await screen.findByLabelText('Edited copy (YAML)'), {
      target: { value: 'spec: [unclosed' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Check the edited copy' }),
    );
    expect(
      await screen.findByText(/^This is not valid YAML: /),
    ).toBeInTheDocument();
    expect(whatIf).not.toHaveBeenCalled();
  });

  it('shows the backend\u2019s validation message and what to do', async () => {
    const whatIf = jest
      .fn()
      .mockRejectedValue(
        await backendError(
          400,
          'InputError',
          'Invalid IntentPolicy intentpolicy:default/platform-guardrails: spec.rules.0.approvers: Required when outcome is require-approval: name the group that approves',
        ),
      );
    await renderTab(policy, intentApi(whatIf));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Check the edited copy' }),
    );
    expect(
      await screen.findByText(
        'Could not run the what-if: Invalid IntentPolicy intentpolicy:default/platform-guardrails: spec.rules.0.approvers: Required when outcome is require-approval: name the group that approves',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Change what you sent as the message says.'),
    ).toBeInTheDocument();
  });

  it('says so when the caller is not allowed', async () => {
    const whatIf = jest
      .fn()
      .mockRejectedValue(
        await backendError(
          403,
          'NotAllowedError',
          'You are not allowed to intent.session.read',
        ),
      );
    await renderTab(policy, intentApi(whatIf));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Check live sessions' }),
    );
    expect(
      await screen.findByText(
        'Could not run the what-if: You are not allowed to intent.session.read',
      ),
    ).toBeInTheDocument();
  });
});

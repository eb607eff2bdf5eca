// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  IntentPolicyEntity,
  isIntentPolicyEntity,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { validateIntentPolicyEntity } from './validateIntentPolicyEntity';

function policy(spec: Record<string, unknown>) {
  return {
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name: 'gpu-guardrails', namespace: 'default' },
    spec,
  };
}

const validPolicy: IntentPolicyEntity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: { name: 'gpu-guardrails' },
  spec: {
    owner: 'group:default/guests',
    appliesTo: { teams: ['group:default/guests'], regions: ['eu-west-1'] },
    rules: [
      {
        id: 'gpu-needs-approval',
        outcome: 'require-approval',
        expression:
          'resource.type == "aws_instance" && resource.instanceType.startsWith("p")',
        approvers: 'group:default/guests',
        message: 'GPU instances are expensive',
      },
      {
        id: 'large-instance',
        description: 'Flags big machines',
        outcome: 'warn',
        expression: 'resource.instanceType.endsWith("xlarge")',
      },
    ],
  },
};

function problemsOf(entity: unknown) {
  const result = validateIntentPolicyEntity(entity);
  return result.problems;
}

describe('isIntentPolicyEntity', () => {
  it('accepts the IntentPolicy kind of intent.backstage.io/v1alpha1', () => {
    expect(isIntentPolicyEntity(validPolicy)).toBe(true);
  });

  it('rejects other kinds and other api versions', () => {
    expect(isIntentPolicyEntity({ ...validPolicy, kind: 'Component' })).toBe(
      false,
    );
    expect(
      isIntentPolicyEntity({
        ...validPolicy,
        apiVersion: 'intent.backstage.io/v1',
      }),
    ).toBe(false);
  });
});

describe('validateIntentPolicyEntity', () => {
  it('accepts a complete policy and returns it typed', () => {
    const result = validateIntentPolicyEntity(validPolicy);
    expect(result).toEqual({ ok: true, entity: validPolicy, problems: [] });
  });

  it('accepts a policy with only an owner', () => {
    expect(validateIntentPolicyEntity(policy({ owner: 'guests' })).ok).toBe(
      true,
    );
  });

  it('keeps envelope fields it does not check', () => {
    const entity = {
      ...validPolicy,
      metadata: { ...validPolicy.metadata, title: 'GPU guardrails' },
      relations: [],
    };
    const result = validateIntentPolicyEntity(entity);
    expect(result.ok && result.entity).toEqual(entity);
  });

  it('requires spec and spec.owner', () => {
    expect(
      problemsOf({ ...validPolicy, spec: undefined }).map(p => p.split(':')[0]),
    ).toEqual(['spec']);
    expect(problemsOf(policy({}))).toEqual([
      expect.stringMatching(/^spec\.owner: /),
    ]);
    expect(problemsOf(policy({ owner: '' }))).toEqual([
      'spec.owner: Expected an entity ref such as group:default/platform-team',
    ]);
  });

  it('requires spec.owner to be an entity ref', () => {
    for (const owner of ['guests', 'default/guests', 'group:default/guests']) {
      expect(problemsOf(policy({ owner }))).toEqual([]);
    }
    for (const owner of ['group:a/b/c', 'group:', ' guests', 'a:b:c']) {
      expect(problemsOf(policy({ owner }))).toEqual([
        'spec.owner: Expected an entity ref such as group:default/platform-team',
      ]);
    }
  });

  it('rejects another kind or api version', () => {
    expect(problemsOf({ ...validPolicy, kind: 'Component' })).toEqual([
      expect.stringMatching(/^kind: /),
    ]);
    expect(problemsOf({ ...validPolicy, apiVersion: 'v1' })).toEqual([
      expect.stringMatching(/^apiVersion: /),
    ]);
  });

  it('rejects unknown spec fields so that typos do not go unnoticed', () => {
    expect(problemsOf(policy({ owner: 'guests', rule: [] }))).toEqual([
      expect.stringMatching(/^spec: Unrecognized key.*"rule"/),
    ]);
    expect(
      problemsOf(policy({ owner: 'guests', appliesTo: { team: ['a'] } })),
    ).toEqual([
      expect.stringMatching(/^spec\.appliesTo: Unrecognized key.*"team"/),
      'spec.appliesTo: Name at least one of teams, users or regions, set all: true, or leave appliesTo out',
    ]);
  });

  it('checks appliesTo', () => {
    expect(
      problemsOf(policy({ owner: 'guests', appliesTo: { regions: ['mars'] } })),
    ).toEqual([
      'spec.appliesTo.regions.0: Expected an AWS region code such as eu-west-1',
    ]);
    expect(problemsOf(policy({ owner: 'guests', appliesTo: {} }))).toEqual([
      'spec.appliesTo: Name at least one of teams, users or regions, set all: true, or leave appliesTo out',
    ]);
    expect(
      problemsOf(
        policy({ owner: 'guests', appliesTo: { all: true, users: ['guest'] } }),
      ),
    ).toEqual([
      'spec.appliesTo.all: all: true applies to every session and cannot be combined with users',
    ]);
    expect(
      problemsOf(policy({ owner: 'guests', appliesTo: { all: true } })),
    ).toEqual([]);
  });

  describe('rules', () => {
    const rule = {
      id: 'no-gpu',
      outcome: 'deny',
      expression: 'resource.instanceType.startsWith("p")',
    };

    it('requires kebab-case ids', () => {
      for (const id of ['NoGpu', 'no_gpu', '-no-gpu', 'no--gpu', '1-gpu']) {
        expect(
          problemsOf(policy({ owner: 'guests', rules: [{ ...rule, id }] })),
        ).toEqual([
          expect.stringMatching(/^spec\.rules\.0\.id: Use kebab-case/),
        ]);
      }
    });

    it('rejects duplicate ids', () => {
      expect(
        problemsOf(policy({ owner: 'guests', rules: [rule, rule] })),
      ).toEqual([
        'spec.rules.1.id: Duplicate rule id no-gpu: give each rule a unique id',
      ]);
    });

    it('rejects unknown outcomes', () => {
      expect(
        problemsOf(
          policy({ owner: 'guests', rules: [{ ...rule, outcome: 'block' }] }),
        ),
      ).toEqual([
        'spec.rules.0.outcome: Expected one of deny, require-approval, warn',
      ]);
    });

    it('requires an expression', () => {
      const { expression: _, ...withoutExpression } = rule;
      expect(
        problemsOf(policy({ owner: 'guests', rules: [withoutExpression] })),
      ).toEqual([expect.stringMatching(/^spec\.rules\.0\.expression: /)]);
    });

    it('requires approvers exactly when the outcome is require-approval', () => {
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            rules: [{ ...rule, outcome: 'require-approval' }],
          }),
        ),
      ).toEqual([
        'spec.rules.0.approvers: Required when outcome is require-approval: name the group that approves',
      ]);
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            rules: [{ ...rule, approvers: 'guests' }],
          }),
        ),
      ).toEqual([
        'spec.rules.0.approvers: Only allowed when outcome is require-approval, not deny',
      ]);
    });

    it('requires approvers to be a group ref', () => {
      const withApprovers = (approvers: string) =>
        problemsOf(
          policy({
            owner: 'guests',
            rules: [{ ...rule, outcome: 'require-approval', approvers }],
          }),
        );
      expect(withApprovers('group:default/platform-team')).toEqual([]);
      expect(withApprovers('Group:platform-team')).toEqual([]);
      expect(withApprovers('platform-team')).toEqual([]);
      expect(withApprovers('user:default/guest')).toEqual([
        'spec.rules.0.approvers: Expected a group entity ref such as group:default/platform-team',
      ]);
      expect(withApprovers('group:a/b/c')).toHaveLength(1);
    });
  });

  describe('rule expressions', () => {
    const withExpression = (expression: string) =>
      policy({
        owner: 'guests',
        rules: [
          {
            id: 'fine',
            outcome: 'warn',
            expression: 'resource.type == "aws_eip"',
          },
          { id: 'broken', outcome: 'deny', expression },
        ],
      });

    it('compiles every expression and names the rule, line and column of a syntax error', () => {
      expect(problemsOf(withExpression('resource.type =='))).toEqual([
        'spec.rules.1.expression: rule broken: line 1, column 17: Unexpected token: EOF',
      ]);
    });

    it('finds the line of an error in a multi-line expression', () => {
      expect(
        problemsOf(
          withExpression(
            'resource.type == "aws_instance" &&\n  resource.instanceType.startsWith(',
          ),
        ),
      ).toEqual([
        expect.stringMatching(
          /^spec\.rules\.1\.expression: rule broken: line 2, column \d+: /,
        ),
      ]);
    });

    it('rejects unknown variables and non-boolean expressions', () => {
      expect(problemsOf(withExpression('plan.region == "eu-west-1"'))).toEqual([
        'spec.rules.1.expression: rule broken: line 1, column 1: Unknown variable: plan',
      ]);
      expect(problemsOf(withExpression('"deny"'))).toEqual([
        'spec.rules.1.expression: rule broken: line 1, column 1: The expression must be true or false, but it is of type string',
      ]);
    });

    it('reports schema problems without compiling', () => {
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            rules: [{ id: 'Bad', outcome: 'deny', expression: 'resource ==' }],
          }),
        ),
      ).toEqual([expect.stringMatching(/^spec\.rules\.0\.id: /)]);
    });
  });

  describe('baseline overrides', () => {
    it('accepts tightened levels and limits, and a rule fix text', () => {
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            baseline: {
              rules: { 'no-public-ip': 'deny', 'max-ttl': 'warn' },
              allowedRegions: ['eu-*'],
              allowedInstanceTypes: ['t4g'],
              maxInstances: 1,
              maxHourlyUsd: 0.5,
              maxTtlHours: 8,
              requiredTags: ['cost-center'],
            },
            rules: [
              {
                id: 'no-gpu',
                outcome: 'deny',
                expression: 'resource.type == "aws_instance"',
                fix: 'Use a t4g instance',
              },
            ],
          }),
        ),
      ).toEqual([]);
    });

    it('does not let a policy switch a baseline rule off or invent one', () => {
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            baseline: { rules: { 'no-public-ip': 'off', 'no-gpus': 'deny' } },
          }),
        ),
      ).toEqual([
        'spec.baseline.rules.no-public-ip: Expected deny or warn: a policy cannot switch a baseline rule off',
        expect.stringMatching(
          /^spec\.baseline\.rules: Unrecognized key: "no-gpus"/,
        ),
      ]);
    });

    it('checks the limits', () => {
      expect(
        problemsOf(
          policy({
            owner: 'guests',
            baseline: { maxInstances: -1, maxHourlyUsd: 0 },
          }),
        ),
      ).toEqual([
        expect.stringMatching(/^spec\.baseline\.maxInstances: /),
        'spec.baseline.maxHourlyUsd: Must be greater than 0',
      ]);
    });
  });
});

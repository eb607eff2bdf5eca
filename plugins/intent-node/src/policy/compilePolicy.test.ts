// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  compileIntentPolicy,
  createIntentPolicyCompiler,
  IntentPolicyEntityInput,
} from './compilePolicy';

function policy(
  spec: Record<string, unknown>,
  extra: Partial<IntentPolicyEntityInput> = {},
): IntentPolicyEntityInput {
  return {
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name: 'GPU-Guardrails', namespace: 'platform' },
    spec,
    ...extra,
  };
}

const gpuRule = {
  id: 'gpu',
  outcome: 'require-approval',
  expression:
    'resource.type == "aws_instance" && resource.instanceType.startsWith("p")',
  approvers: 'ml-leads',
};

describe('compileIntentPolicy', () => {
  it('compiles every rule and completes refs against the policy namespace', () => {
    const compiled = compileIntentPolicy(
      policy({
        owner: 'platform-team',
        appliesTo: { teams: ['ml'] },
        rules: [gpuRule],
      }),
    );
    expect(compiled).toEqual({
      ref: 'intentpolicy:platform/gpu-guardrails',
      namespace: 'platform',
      owner: 'group:platform/platform-team',
      appliesTo: { teams: ['ml'] },
      baseline: undefined,
      problems: [],
      rules: [
        expect.objectContaining({
          id: 'gpu',
          outcome: 'require-approval',
          approvers: 'group:platform/ml-leads',
          compiled: expect.objectContaining({
            ok: true,
            fields: ['instanceType'],
          }),
        }),
      ],
    });
  });

  it('keeps an expression that does not compile as a rule with its problem', () => {
    const compiled = compileIntentPolicy(
      policy({
        owner: 'platform-team',
        rules: [{ id: 'bad', outcome: 'deny', expression: 'resource.type ==' }],
      }),
    );
    expect(compiled.problems).toEqual([]);
    expect(compiled.rules[0].compiled).toEqual({
      ok: false,
      problem: { message: 'Unexpected token: EOF', line: 1, column: 17 },
    });
  });

  it('marks a policy with catalog processing errors as unusable', () => {
    const compiled = compileIntentPolicy(
      policy(
        { owner: 'platform-team', rules: [gpuRule] },
        {
          status: {
            items: [
              { level: 'warning', message: 'slow' },
              {
                type: 'backstage.io/catalog-processing',
                level: 'error',
                message: 'InputError: Invalid IntentPolicy',
              },
            ],
          },
        },
      ),
    );
    expect(compiled.problems).toEqual([
      'the catalog reports an error: InputError: Invalid IntentPolicy',
    ]);
  });

  it('marks an invalid spec as unusable and reads what it can of it', () => {
    const compiled = compileIntentPolicy(
      policy({
        owner: 'platform-team',
        appliesTo: { regions: ['eu-west-1'] },
        rules: [{ id: 'Bad Id', outcome: 'deny', expression: 'true' }],
      }),
    );
    expect(compiled).toEqual(
      expect.objectContaining({
        owner: 'group:platform/platform-team',
        appliesTo: { regions: ['eu-west-1'] },
        rules: [],
        problems: [
          expect.stringMatching(/^spec\.rules\.0\.id: Use kebab-case/),
        ],
      }),
    );
  });

  it('counts an unreadable appliesTo as every session', () => {
    const compiled = compileIntentPolicy(
      policy({ owner: 'platform-team', appliesTo: { regions: 'eu-west-1' } }),
    );
    expect(compiled.problems).not.toEqual([]);
    expect(compiled.appliesTo).toBeUndefined();
  });
});

describe('createIntentPolicyCompiler', () => {
  const spec = { owner: 'platform-team', rules: [gpuRule] };

  it('compiles a version once, keyed by uid and etag', () => {
    const compiler = createIntentPolicyCompiler();
    const v1 = policy(spec, {
      metadata: { name: 'p', uid: 'u1', etag: 'e1' },
    });
    const first = compiler.compile(v1);
    expect(compiler.compile({ ...v1 })).toBe(first);

    const v2 = policy(
      {
        ...spec,
        rules: [{ ...gpuRule, outcome: 'deny', approvers: undefined }],
      },
      { metadata: { name: 'p', uid: 'u1', etag: 'e2' } },
    );
    const second = compiler.compile(v2);
    expect(second).not.toBe(first);
    expect(second.rules[0].outcome).toBe('deny');
    expect(compiler.compile(v1)).not.toBe(first);
  });

  it('keys by spec and status when the entity has no uid or etag', () => {
    const compiler = createIntentPolicyCompiler();
    const first = compiler.compile(policy(spec));
    expect(compiler.compile(policy(structuredClone(spec)))).toBe(first);
    const broken = compiler.compile(
      policy(spec, { status: { items: [{ level: 'error', message: 'bad' }] } }),
    );
    expect(broken).not.toBe(first);
    expect(broken.problems).toHaveLength(1);
  });
});

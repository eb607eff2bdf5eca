// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BaselineConfig,
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  Plan,
  PolicySession,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { instance, makePlan, SESSION } from './__testUtils__/fixtures';
import { compileIntentPolicy, CompiledIntentPolicy } from './compilePolicy';
import { evaluatePolicies } from './evaluatePolicies';

function policy(
  name: string,
  spec: Record<string, unknown>,
  status?: { items: Array<{ level: string; message: string }> },
): CompiledIntentPolicy {
  return compileIntentPolicy({
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name },
    spec: { owner: 'platform', ...spec },
    status,
  });
}

function evaluate(
  plan: Plan,
  options: {
    policies?: CompiledIntentPolicy[];
    baseline?: Partial<BaselineConfig>;
    session?: Partial<PolicySession>;
  } = {},
) {
  return evaluatePolicies({
    plan,
    session: { ...SESSION, region: plan.region, ...options.session },
    baseline: { ...DEFAULT_BASELINE_CONFIG, ...options.baseline },
    policies: options.policies ?? [],
    cost: estimateCost(plan),
  });
}

const privateInstance = makePlan([instance('web')]);
const gpuInstance = makePlan([
  instance('gpu', { instanceType: 'g5.xlarge' }),
  { type: 'aws_security_group', name: 'sg' },
]);

describe('evaluatePolicies', () => {
  describe('the baseline', () => {
    it('allows a compliant plan', () => {
      expect(evaluate(privateInstance)).toEqual({
        verdict: 'allow',
        findings: [],
        appliedPolicies: [],
      });
    });

    it('reports a baseline finding with its source, outcome and check ids', () => {
      const plan = makePlan([
        instance('web', { metadataHttpTokens: 'optional' }),
      ]);
      expect(evaluate(plan)).toEqual({
        verdict: 'deny',
        appliedPolicies: [],
        findings: [
          {
            ruleId: 'imdsv2-required',
            source: 'baseline',
            outcome: 'deny',
            address: 'aws_instance.web',
            field: 'metadataHttpTokens',
            message:
              'aws_instance.web allows IMDSv1: metadataHttpTokens is optional',
            fix: 'Set metadataHttpTokens: required',
            checkIds: ['CKV_AWS_79', 'AVD-AWS-0028'],
          },
        ],
      });
    });

    it('warns on an unset public IP by default and follows the configured level', () => {
      const plan = makePlan([
        instance('web', { associatePublicIp: undefined }),
      ]);
      const rules = DEFAULT_BASELINE_CONFIG.rules;
      expect(evaluate(plan).verdict).toBe('warn');
      expect(
        evaluate(plan, {
          baseline: { rules: { ...rules, 'no-public-ip': 'deny' } },
        }).verdict,
      ).toBe('deny');
      expect(
        evaluate(plan, {
          baseline: { rules: { ...rules, 'no-public-ip': 'off' } },
        }),
      ).toEqual({ verdict: 'allow', findings: [], appliedPolicies: [] });
    });

    it('denies a plan whose cost cannot be estimated', () => {
      const plan = makePlan(
        [instance('odd', { instanceType: 'z1d.large' })],
        {},
      );
      const result = evaluate(plan, {
        baseline: { allowedInstanceTypes: ['z1d'] },
      });
      expect(result.verdict).toBe('deny');
      expect(result.findings.map(f => f.ruleId)).toEqual(['max-hourly-cost']);
    });
  });

  describe('custom rules', () => {
    const gpuPolicy = policy('gpu', {
      rules: [
        {
          id: 'gpu-needs-approval',
          outcome: 'require-approval',
          expression:
            'resource.type == "aws_instance" && resource.instanceType.startsWith("g")',
          approvers: 'ml-leads',
          message: 'GPU instances need approval',
        },
      ],
    });

    it('reports a matching rule per resource, with approvers and the fields it reads', () => {
      expect(evaluate(gpuInstance, { policies: [gpuPolicy] })).toEqual({
        verdict: 'require-approval',
        appliedPolicies: ['intentpolicy:default/gpu'],
        findings: [
          {
            ruleId: 'gpu-needs-approval',
            source: 'intentpolicy:default/gpu',
            outcome: 'require-approval',
            address: 'aws_instance.gpu',
            field: 'instanceType',
            message: 'GPU instances need approval',
            fix: expect.stringContaining(
              'A member of group:default/ml-leads must approve this revision',
            ),
            approvers: 'group:default/ml-leads',
          },
        ],
      });
    });

    it('reports nothing when no resource matches', () => {
      expect(evaluate(privateInstance, { policies: [gpuPolicy] }).verdict).toBe(
        'allow',
      );
    });

    it('sees the resource address and the session', () => {
      const rules = policy('session', {
        rules: [
          {
            id: 'long-lived-web',
            outcome: 'warn',
            expression:
              'resource.address == "aws_instance.web" && session.ttlHours > 2 && has(session.team) && session.team.endsWith("/payments")',
            fix: 'Ask for 2 hours',
          },
        ],
      });
      expect(evaluate(privateInstance, { policies: [rules] }).findings).toEqual(
        [
          expect.objectContaining({
            ruleId: 'long-lived-web',
            outcome: 'warn',
            message:
              'aws_instance.web matches resource.address == "aws_instance.web" && session.ttlHours > 2 && has(session.team) && session.team.endsWith("/payments")',
            fix: 'Ask for 2 hours',
          }),
        ],
      );
      expect(
        evaluate(privateInstance, {
          policies: [rules],
          session: { team: null },
        }).findings,
      ).toEqual([]);
    });

    it('skips policies that do not apply to the session', () => {
      const scoped = policy('scoped', {
        appliesTo: { teams: ['search'] },
        rules: [{ id: 'all', outcome: 'deny', expression: 'true' }],
      });
      expect(evaluate(privateInstance, { policies: [scoped] })).toEqual({
        verdict: 'allow',
        findings: [],
        appliedPolicies: [],
      });
      expect(
        evaluate(privateInstance, {
          policies: [scoped],
          session: { team: 'group:default/search' },
        }).verdict,
      ).toBe('deny');
    });
  });

  describe('failing closed', () => {
    it('denies when an expression does not compile, naming the rule and the error', () => {
      const broken = policy('broken', {
        rules: [
          { id: 'typo', outcome: 'warn', expression: 'resource.type = "x"' },
        ],
      });
      expect(evaluate(privateInstance, { policies: [broken] })).toEqual({
        verdict: 'deny',
        appliedPolicies: ['intentpolicy:default/broken'],
        findings: [
          {
            ruleId: 'typo',
            source: 'intentpolicy:default/broken',
            outcome: 'deny',
            field: 'expression',
            message: expect.stringMatching(
              /^Rule typo of intentpolicy:default\/broken cannot be evaluated: line 1, column \d+: /,
            ),
            fix: expect.stringContaining('group:default/platform'),
          },
        ],
      });
    });

    it('denies per resource when an expression throws, e.g. on a missing field', () => {
      const unguarded = policy('unguarded', {
        rules: [
          {
            id: 'xlarge',
            outcome: 'warn',
            expression: 'resource.instanceType.endsWith("xlarge")',
          },
        ],
      });
      const result = evaluate(gpuInstance, { policies: [unguarded] });
      expect(result.verdict).toBe('deny');
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'xlarge',
          outcome: 'deny',
          address: 'aws_security_group.sg',
          message:
            'Rule xlarge of intentpolicy:default/unguarded cannot be evaluated on aws_security_group.sg: line 1, column 10: No such key: instanceType',
          fix: expect.stringContaining('has(resource.field)'),
        }),
        expect.objectContaining({
          ruleId: 'xlarge',
          outcome: 'warn',
          address: 'aws_instance.gpu',
        }),
      ]);
    });

    it('denies when an expression gives something other than true or false', () => {
      const dynamic = policy('dynamic', {
        rules: [{ id: 'dyn', outcome: 'warn', expression: 'resource.name' }],
      });
      expect(
        evaluate(privateInstance, { policies: [dynamic] }).findings,
      ).toEqual([
        expect.objectContaining({
          outcome: 'deny',
          message:
            'Rule dyn of intentpolicy:default/dynamic cannot be evaluated on aws_instance.web: the expression gave string instead of true or false',
        }),
      ]);
    });

    it('denies the sessions an invalid policy applies to, and only those', () => {
      const invalid = policy(
        'invalid',
        {
          appliesTo: { regions: ['us-east-1'] },
          rules: [{ id: 'never', outcome: 'warn', expression: 'false' }],
        },
        { items: [{ level: 'error', message: 'InputError: bad expression' }] },
      );
      expect(
        evaluate(privateInstance, { policies: [invalid] }).findings,
      ).toEqual([
        {
          ruleId: 'invalid-policy',
          source: 'intentpolicy:default/invalid',
          outcome: 'deny',
          message:
            'intentpolicy:default/invalid is invalid and cannot be evaluated: the catalog reports an error: InputError: bad expression',
          fix: expect.stringContaining('must fix the policy in the catalog'),
        },
      ]);
      const elsewhere = makePlan([instance('web')], { region: 'eu-west-1' });
      expect(evaluate(elsewhere, { policies: [invalid] }).verdict).toBe(
        'allow',
      );
    });

    it('denies when a built-in rule throws', () => {
      const plan = makePlan([instance('web')]);
      const result = evaluatePolicies({
        plan,
        session: SESSION,
        baseline: DEFAULT_BASELINE_CONFIG,
        policies: [],
        cost: {
          ...estimateCost(plan),
          unknown: undefined as unknown as string[],
        },
      });
      expect(result.verdict).toBe('deny');
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'max-hourly-cost',
          outcome: 'deny',
          message: expect.stringMatching(
            /^Baseline rule max-hourly-cost cannot be evaluated: /,
          ),
        }),
      ]);
    });
  });

  describe('baseline overrides of a policy', () => {
    it('tightens a limit, as an extra finding from the policy', () => {
      const plan = makePlan([instance('a'), instance('b')]);
      const strict = policy('strict', { baseline: { maxInstances: 1 } });
      expect(evaluate(plan, { policies: [strict] }).findings).toEqual([
        expect.objectContaining({
          ruleId: 'max-instances',
          source: 'intentpolicy:default/strict',
          outcome: 'deny',
          message: 'The plan has 2 instances; a session may have at most 1',
        }),
      ]);
    });

    it('raises a rule that app-config switched off, at the given level', () => {
      const plan = makePlan([instance('web', { associatePublicIp: true })]);
      const rules = {
        ...DEFAULT_BASELINE_CONFIG.rules,
        'no-public-ip': 'off' as const,
      };
      const raise = policy('raise', {
        baseline: { rules: { 'no-public-ip': 'deny' } },
      });
      expect(evaluate(plan, { baseline: { rules } }).verdict).toBe('allow');
      expect(
        evaluate(plan, { baseline: { rules }, policies: [raise] }).findings,
      ).toEqual([
        expect.objectContaining({
          ruleId: 'no-public-ip',
          source: 'intentpolicy:default/raise',
          outcome: 'deny',
        }),
      ]);
    });

    it('never relaxes the baseline', () => {
      const plan = makePlan([
        instance('web', { metadataHttpTokens: 'optional' }),
      ]);
      const lenient = policy('lenient', {
        baseline: { rules: { 'imdsv2-required': 'warn' }, maxInstances: 50 },
      });
      const result = evaluate(plan, { policies: [lenient] });
      expect(result.verdict).toBe('deny');
      expect(result.findings.map(f => [f.source, f.outcome])).toEqual([
        ['baseline', 'deny'],
        ['intentpolicy:default/lenient', 'warn'],
      ]);
    });
  });

  it('lists findings strictest first and keeps the order of equal ones', () => {
    const plan = makePlan([
      instance('web', { associatePublicIp: true }),
      { type: 'aws_ebs_volume', name: 'data', sizeGb: 10, encrypted: false },
    ]);
    const approve = policy('approve', {
      rules: [
        {
          id: 'volumes',
          outcome: 'require-approval',
          expression: 'resource.type == "aws_ebs_volume"',
          approvers: 'platform',
        },
      ],
    });
    const result = evaluate(plan, { policies: [approve] });
    expect(result.verdict).toBe('deny');
    expect(result.findings.map(f => [f.outcome, f.ruleId])).toEqual([
      ['deny', 'encrypted-volumes'],
      ['require-approval', 'volumes'],
      ['warn', 'no-public-ip'],
    ]);
  });
});

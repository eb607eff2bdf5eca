// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DEFAULT_BASELINE_CONFIG } from '@intent-sandboxes/backstage-plugin-intent-common';
import { createIntentPolicyCompiler } from './compilePolicy';
import { summarizeGuardrails } from './summarizeGuardrails';

const compiler = createIntentPolicyCompiler();
const policy = (name: string, spec: object) =>
  compiler.compile({
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/platform', ...spec },
  });

describe('summarizeGuardrails', () => {
  it('lists the baseline rules that are on, the limits and every policy rule', () => {
    const summary = summarizeGuardrails({
      baseline: {
        ...DEFAULT_BASELINE_CONFIG,
        rules: { ...DEFAULT_BASELINE_CONFIG.rules, 'imdsv2-required': 'off' },
        requiredTags: ['cost-center'],
      },
      policies: [
        policy('gpu', {
          appliesTo: { teams: ['group:default/ml'], regions: ['eu-west-1'] },
          rules: [
            {
              id: 'gpu-approval',
              outcome: 'require-approval',
              approvers: 'group:default/platform',
              expression: 'resource.type == "aws_instance"',
              message: 'GPU instances need approval',
            },
          ],
        }),
        policy('broken', {
          rules: [{ id: 'x', outcome: 'deny', expression: '(' }],
        }),
        policy('invalid', { appliesTo: { all: true, teams: ['a'] } }),
      ],
    });
    const lines = summary.split('\n');
    expect(lines.every(line => line.startsWith('- '))).toBe(true);
    expect(summary).not.toMatch(/IMDSv2/i);
    expect(summary).toContain('[warn] ');
    expect(summary).toContain('required tags cost-center');
    expect(summary).toContain(
      '[require-approval by group:default/platform] intentpolicy:default/gpu gpu-approval (teams group:default/ml; regions eu-west-1): GPU instances need approval',
    );
    expect(summary).toContain(
      '[deny] intentpolicy:default/broken x cannot be evaluated, so it denies every plan of every session',
    );
    expect(summary).toContain(
      '[deny] intentpolicy:default/invalid cannot be evaluated, so it denies every plan of every session',
    );
  });
});

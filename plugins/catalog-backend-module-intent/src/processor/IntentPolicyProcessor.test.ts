// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Entity } from '@backstage/catalog-model';
import { InputError, serializeError } from '@backstage/errors';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_BASELINE_CONFIG,
  estimateCost,
  PLAN_FORMAT_VERSION,
  planSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  createIntentPolicyCompiler,
  evaluatePolicies,
  IntentPolicyEntityInput,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  IntentPolicyProcessor,
  InvalidIntentPolicyError,
} from './IntentPolicyProcessor';

const location = { type: 'url', target: 'https://example.com/policies.yaml' };

const policy: Entity = {
  apiVersion: 'intent.backstage.io/v1alpha1',
  kind: 'IntentPolicy',
  metadata: { name: 'gpu-guardrails', namespace: 'platform' },
  spec: {
    owner: 'guests',
    appliesTo: { all: true },
    rules: [
      {
        id: 'gpu-needs-approval',
        outcome: 'require-approval',
        expression:
          'resource.type == "aws_instance" && resource.instanceType.startsWith("p")',
        approvers: 'group:default/guests',
      },
    ],
  },
};

function withSpec(spec: Entity['spec']): Entity {
  return { ...policy, spec };
}

describe('IntentPolicyProcessor', () => {
  const processor = new IntentPolicyProcessor();

  describe('validateEntityKind', () => {
    it('accepts a valid policy', async () => {
      await expect(processor.validateEntityKind(policy)).resolves.toBe(true);
    });

    it('accepts the example policies of the repository', async () => {
      const examplesFile = resolve(
        __dirname,
        '../../../../examples/intent-policies.yaml',
      );
      const results = [
        ...parseEntityYaml(readFileSync(examplesFile), {
          type: 'file',
          target: examplesFile,
        }),
      ];
      const entities = results.flatMap(result =>
        result.type === 'entity' ? [result.entity] : [],
      );

      expect(entities).toHaveLength(results.length);
      expect(entities.map(e => e.kind)).toEqual([
        'IntentPolicy',
        'IntentPolicy',
      ]);
      for (const entity of entities) {
        await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
      }

      // And they mean what they say: the EU policy denies provisioned-IOPS
      // volumes and lifetimes over 24 hours in the EU, and nowhere else.
      const compiler = createIntentPolicyCompiler();
      const policies = entities.map(entity =>
        compiler.compile(entity as IntentPolicyEntityInput),
      );
      expect(policies.flatMap(p => p.problems)).toEqual([]);
      const verdictIn = (region: string) => {
        const plan = planSchema.parse({
          formatVersion: PLAN_FORMAT_VERSION,
          region,
          resources: [
            {
              type: 'aws_ebs_volume',
              name: 'data',
              sizeGb: 100,
              volumeType: 'io2',
            },
          ],
        });
        const { findings } = evaluatePolicies({
          plan,
          session: { owner: 'user:default/guest', region, ttlHours: 48 },
          baseline: DEFAULT_BASELINE_CONFIG,
          policies,
          cost: estimateCost(plan),
        });
        return findings.map(f => `${f.outcome} ${f.ruleId}`);
      };
      expect(verdictIn('eu-west-1')).toEqual(
        expect.arrayContaining([
          'deny no-provisioned-iops-volumes',
          'deny max-ttl',
        ]),
      );
      expect(verdictIn('us-east-1')).not.toContain(
        'deny no-provisioned-iops-volumes',
      );
      expect(verdictIn('us-east-1')).not.toContain('deny max-ttl');
    });

    it('ignores other kinds and api versions', async () => {
      await expect(
        processor.validateEntityKind({
          ...policy,
          kind: 'Component',
          spec: { type: 'service', owner: 'guests', lifecycle: 'production' },
        }),
      ).resolves.toBe(false);
      await expect(
        processor.validateEntityKind({
          ...policy,
          apiVersion: 'backstage.io/v1alpha1',
        }),
      ).resolves.toBe(false);
    });

    it('throws with the entity and the field path when spec.owner is missing', async () => {
      await expect(
        processor.validateEntityKind(withSpec({ rules: [] })),
      ).rejects.toThrow(
        /^Invalid IntentPolicy intentpolicy:platform\/gpu-guardrails: spec\.owner: /,
      );
    });

    it('throws when a require-approval rule names no approvers', async () => {
      await expect(
        processor.validateEntityKind(
          withSpec({
            owner: 'guests',
            rules: [
              {
                id: 'gpu',
                outcome: 'require-approval',
                expression: 'true',
              },
            ],
          }),
        ),
      ).rejects.toThrow(
        'spec.rules.0.approvers: Required when outcome is require-approval',
      );
    });

    it('lists every problem of an invalid spec', async () => {
      const error = await processor
        .validateEntityKind(
          withSpec({
            owner: 'guests',
            appliesTo: { regions: ['moon-1'] },
            rules: [{ id: 'Bad_Id', outcome: 'block', expression: 'true' }],
          }),
        )
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.message).toContain('spec.appliesTo.regions.0: ');
      expect(error?.message).toContain('spec.rules.0.id: Use kebab-case');
      expect(error?.message).toContain(
        'spec.rules.0.outcome: Expected one of deny, require-approval, warn',
      );
    });
  });

  describe('validateEntityKind with CEL expressions', () => {
    const withRules = (rules: object[]) =>
      withSpec({ owner: 'guests', appliesTo: { all: true }, rules });

    async function validationError(entity: Entity) {
      return processor.validateEntityKind(entity).then(
        () => undefined,
        (e: unknown) => e,
      );
    }

    it('throws an InputError naming the rule, line and column of a syntax error', async () => {
      const error = await validationError(
        withRules([
          {
            id: 'fine',
            outcome: 'warn',
            expression: 'resource.type == "aws_eip"',
          },
          { id: 'broken', outcome: 'deny', expression: 'resource.type ==' },
        ]),
      );
      expect(error).toBeInstanceOf(InvalidIntentPolicyError);
      expect(error).toMatchObject({
        name: 'InputError',
        message:
          'Invalid IntentPolicy intentpolicy:platform/gpu-guardrails: spec.rules.1.expression: rule broken: line 1, column 17: Unexpected token: EOF',
        problems: [
          'spec.rules.1.expression: rule broken: line 1, column 17: Unexpected token: EOF',
        ],
      });
    });

    it('is a Backstage InputError, so it maps to 400 and serialises with its name', async () => {
      const error = new InvalidIntentPolicyError('intentpolicy:default/p', [
        'spec.owner: Required',
        'spec.rules: Required',
      ]);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('InputError');
      expect(error.message).toBe(
        'Invalid IntentPolicy intentpolicy:default/p: spec.owner: Required; spec.rules: Required',
      );
      expect(error.problems).toEqual([
        'spec.owner: Required',
        'spec.rules: Required',
      ]);
      expect(serializeError(error)).toMatchObject({
        name: 'InputError',
        message: error.message,
      });
    });

    it('reports the line of an error in a multi-line expression', async () => {
      const error = await validationError(
        withRules([
          {
            id: 'multi-line',
            outcome: 'deny',
            expression:
              'resource.type == "aws_instance" &&\n  resource.size >>> 2',
          },
        ]),
      );
      expect((error as Error).message).toMatch(
        /spec\.rules\.0\.expression: rule multi-line: line 2, column \d+: /,
      );
    });

    it('rejects unknown variables and expressions that are not true or false', async () => {
      const error = (await validationError(
        withRules([
          { id: 'unknown', outcome: 'deny', expression: 'plan.region == "x"' },
          { id: 'number', outcome: 'deny', expression: '1 + 2' },
        ]),
      )) as InvalidIntentPolicyError;
      expect(error.problems).toEqual([
        'spec.rules.0.expression: rule unknown: line 1, column 1: Unknown variable: plan',
        'spec.rules.1.expression: rule number: line 1, column 1: The expression must be true or false, but it is of type int',
      ]);
    });

    it('rejects a rule too costly to evaluate: deep macro nesting and patterns RE2 cannot run', async () => {
      const list = '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]';
      const error = (await validationError(
        withRules([
          {
            id: 'cubic',
            outcome: 'deny',
            expression: `${list}.all(a, ${list}.all(b, ${list}.exists(c, a + b + c > 0)))`,
          },
          {
            id: 'backreference',
            outcome: 'deny',
            expression: 'resource.name.matches("(a+)\\\\1")',
          },
          {
            id: 'redos-but-linear',
            outcome: 'deny',
            expression: 'resource.name.matches("^([a-z0-9]+_?)+_prod$")',
          },
        ]),
      )) as InvalidIntentPolicyError;
      expect(error.problems).toEqual([
        'spec.rules.0.expression: rule cubic: line 1, column 79: The expression nests 3 comprehension macros (all, exists, exists_one, map, filter); the limit is 2, because each level multiplies the work by the length of its list',
        expect.stringMatching(
          /^spec\.rules\.1\.expression: rule backreference: line 1, column 23: The regular expression "\(a\+\)\\\\1" is not supported by RE2, the linear-time engine matches\(\) uses: /,
        ),
      ]);
      expect(error.message).toContain('rule cubic');
      expect(error.message).toContain('the limit is 2');
    });

    it('accepts expressions that are valid CEL, whatever they match', async () => {
      await expect(
        processor.validateEntityKind(
          withRules([
            {
              id: 'big-disks',
              outcome: 'warn',
              expression:
                'resource.type == "aws_ebs_volume" && resource.sizeGb > 500.0 && session.ttlHours > 24',
            },
          ]),
        ),
      ).resolves.toBe(true);
    });
  });

  describe('postProcessEntity', () => {
    it('relates the policy and its owner in both directions', async () => {
      const emit = jest.fn();

      await expect(
        processor.postProcessEntity(policy, location, emit),
      ).resolves.toBe(policy);

      expect(emit).toHaveBeenCalledTimes(2);
      expect(emit).toHaveBeenCalledWith({
        type: 'relation',
        relation: {
          source: {
            kind: 'IntentPolicy',
            namespace: 'platform',
            name: 'gpu-guardrails',
          },
          type: 'ownedBy',
          target: { kind: 'Group', namespace: 'platform', name: 'guests' },
        },
      });
      expect(emit).toHaveBeenCalledWith({
        type: 'relation',
        relation: {
          source: { kind: 'Group', namespace: 'platform', name: 'guests' },
          type: 'ownerOf',
          target: {
            kind: 'IntentPolicy',
            namespace: 'platform',
            name: 'gpu-guardrails',
          },
        },
      });
    });

    it('keeps the kind and namespace of a full owner ref', async () => {
      const emit = jest.fn();

      await processor.postProcessEntity(
        withSpec({ owner: 'user:default/guest' }),
        location,
        emit,
      );

      expect(emit).toHaveBeenCalledWith(
        expect.objectContaining({
          relation: expect.objectContaining({
            type: 'ownedBy',
            target: { kind: 'user', namespace: 'default', name: 'guest' },
          }),
        }),
      );
    });

    it('emits nothing for other kinds', async () => {
      const emit = jest.fn();

      await processor.postProcessEntity(
        { ...policy, kind: 'Component' },
        location,
        emit,
      );

      expect(emit).not.toHaveBeenCalled();
    });
  });
});

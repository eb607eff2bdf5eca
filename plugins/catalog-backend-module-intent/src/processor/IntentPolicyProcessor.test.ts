// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntentPolicyProcessor } from './IntentPolicyProcessor';

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
      expect(entities.map(e => e.kind)).toEqual(['IntentPolicy']);
      for (const entity of entities) {
        await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
      }
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { isIntentPolicyEntity } from '@intent-sandboxes/backstage-plugin-intent-common';
import { validateIntentPolicyEntity } from '@intent-sandboxes/backstage-plugin-intent-node';

/** The location an entity was read from, as the catalog passes it. */
type ProcessorLocation = Parameters<
  NonNullable<CatalogProcessor['postProcessEntity']>
>[1];

/**
 * Thrown for an invalid IntentPolicy: an `InputError` (bad input, HTTP 400
 * where it reaches an API) with every problem. The catalog shows its message
 * as an error of the entity and keeps serving the last valid version with
 * that error in `status.items`, which the intent backend reads as "do not
 * use" (fail closed).
 *
 * @public
 */
export class InvalidIntentPolicyError extends InputError {
  /** Every problem, each starting with its field path. */
  readonly problems: string[];

  constructor(entityRef: string, problems: string[]) {
    super(`Invalid IntentPolicy ${entityRef}: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * Adds the `IntentPolicy` kind (`intent.backstage.io/v1alpha1`) to the
 * catalog: validates its spec, compiles the CEL expression of every rule and
 * relates each policy to its owner.
 *
 * @public
 */
export class IntentPolicyProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'IntentPolicyProcessor';
  }

  /**
   * Returns false for other kinds, true for a valid IntentPolicy, and throws
   * an {@link InvalidIntentPolicyError} with every problem for an invalid one:
   * schema problems by field path, expressions that do not compile with the
   * rule id, line, column and message
   * (`spec.rules.0.expression: rule gpu: line 1, column 18: Unexpected token: EOF`).
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isIntentPolicyEntity(entity)) {
      return false;
    }
    const result = validateIntentPolicyEntity(entity);
    if (!result.ok) {
      throw new InvalidIntentPolicyError(
        stringifyEntityRef(entity),
        result.problems,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: ProcessorLocation,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isIntentPolicyEntity(entity)) {
      return entity;
    }
    const selfRef = getCompoundEntityRef(entity);
    const ownerRef = parseEntityRef(entity.spec.owner, {
      defaultKind: 'Group',
      defaultNamespace: selfRef.namespace,
    });
    emit(
      processingResult.relation({
        source: selfRef,
        type: RELATION_OWNED_BY,
        target: ownerRef,
      }),
    );
    emit(
      processingResult.relation({
        source: ownerRef,
        type: RELATION_OWNER_OF,
        target: selfRef,
      }),
    );
    return entity;
  }
}

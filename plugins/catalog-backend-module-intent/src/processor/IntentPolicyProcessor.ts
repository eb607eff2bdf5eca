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
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isIntentPolicyEntity,
  validateIntentPolicyEntity,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** The location an entity was read from, as the catalog passes it. */
type ProcessorLocation = Parameters<
  NonNullable<CatalogProcessor['postProcessEntity']>
>[1];

/**
 * Adds the `IntentPolicy` kind (`intent.backstage.io/v1alpha1`) to the
 * catalog: validates its spec and relates each policy to its owner.
 *
 * @public
 */
export class IntentPolicyProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'IntentPolicyProcessor';
  }

  /**
   * Returns false for other kinds, true for a valid IntentPolicy, and throws
   * with every problem (field path and what is wrong) for an invalid one.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isIntentPolicyEntity(entity)) {
      return false;
    }
    const result = validateIntentPolicyEntity(entity);
    if (!result.ok) {
      throw new Error(
        `Invalid IntentPolicy ${stringifyEntityRef(
          entity,
        )}: ${result.problems.join('; ')}`,
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

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Whether a user belongs to any of some groups. @internal */
export interface Membership {
  isMemberOfAny(userRef: string, groupRefs: string[]): Promise<boolean>;
}

/**
 * Group membership from the catalog (the user's `memberOf` relations). When
 * the catalog cannot answer, membership cannot be proven: fail closed.
 *
 * @internal
 */
export class CatalogMembership implements Membership {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async isMemberOfAny(userRef: string, groupRefs: string[]): Promise<boolean> {
    let user;
    try {
      user = await this.catalog.getEntityByRef(userRef, {
        credentials: await this.auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `Group membership of ${userRef} cannot be checked because the catalog does not answer (${
          (error as Error).message
        })`,
      );
    }
    const groups = new Set(groupRefs);
    return (user?.relations ?? []).some(
      relation =>
        relation.type === 'memberOf' && groups.has(relation.targetRef),
    );
  }
}

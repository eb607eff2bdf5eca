// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Whether a user belongs to any of some groups. @internal */
export interface Membership {
  isMemberOfAny(userRef: string, groupRefs: string[]): Promise<boolean>;
  /**
   * The group entity refs a user is a member of (none when the catalog does
   * not know the user). Without it, a user belongs to no group.
   */
  groupsOf?(userRef: string): Promise<string[]>;
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
    const groups = new Set(groupRefs);
    return (await this.groupsOf(userRef)).some(group => groups.has(group));
  }

  async groupsOf(userRef: string): Promise<string[]> {
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
    return [
      ...new Set(
        (user?.relations ?? [])
          .filter(relation => relation.type === 'memberOf')
          .map(relation => relation.targetRef),
      ),
    ];
  }
}

/**
 * The team a new session is created for, from what the request named:
 * - named: it must be a group entity ref (`group:default/payments`, or
 *   `group:payments` / `payments` in the default namespace) — 400 naming
 *   `team` otherwise — and the owner must be a member of it (403);
 * - not named: the owner's only group when they are in exactly one, else no
 *   team. Policies scoped to teams look at all the owner's groups anyway,
 *   so leaving `team` out escapes none of them.
 *
 * @internal
 */
export async function resolveTeam(
  membership: Membership,
  owner: string,
  team: unknown,
): Promise<string | null> {
  const groups = (await membership.groupsOf?.(owner)) ?? [];
  if (team === undefined || team === null) {
    return groups.length === 1 ? groups[0] : null;
  }
  const example = 'e.g. "group:default/payments"';
  if (typeof team !== 'string' || team.trim() === '') {
    throw new InputError(`"team" must be a group entity ref, ${example}`);
  }
  let ref;
  try {
    ref = parseEntityRef(team.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `"team" must be a group entity ref, ${example}: ${
        (error as Error).message
      }`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `"team" must be a group entity ref, ${example}; ${team} is a ${ref.kind}`,
    );
  }
  const wanted = stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  const found = groups.find(g => g.toLocaleLowerCase('en-US') === wanted);
  if (!found) {
    throw new NotAllowedError(
      `You are not a member of ${stringifyEntityRef(
        ref,
      )}; "team" must be one of your groups (${
        groups.length > 0 ? groups.join(', ') : 'the catalog lists none'
      })`,
    );
  }
  return found;
}

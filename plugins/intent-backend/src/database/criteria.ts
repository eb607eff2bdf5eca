// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { SessionQuery } from '../permissions';
import type { SessionFilter } from './SessionStore';

/** Turns a permission decision's criteria into a WHERE clause on `sessions`. */
export function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<SessionQuery>,
) {
  if ('allOf' in criteria) {
    query.where(all =>
      criteria.allOf.forEach(c =>
        all.andWhere(inner => applyCriteria(inner, c)),
      ),
    );
  } else if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) {
      query.whereRaw('1 = 0');
    } else {
      query.where(any =>
        criteria.anyOf.forEach(c =>
          any.orWhere(inner => applyCriteria(inner, c)),
        ),
      );
    }
  } else if ('not' in criteria) {
    query.whereNot(inner => applyCriteria(inner, criteria.not));
  } else {
    // Spelled out so that a NULL team is false, not unknown, under NOT.
    query.where(inner =>
      inner
        .whereIn('owner', criteria.ownedByAnyOf)
        .orWhere(team =>
          team.whereNotNull('team').whereIn('team', criteria.ownedByAnyOf),
        ),
    );
  }
}

/** The WHERE clause of the session list: its filters and permission criteria. */
export function applySessionFilter(
  query: Knex.QueryBuilder,
  filter: SessionFilter,
) {
  if (filter.owner) {
    query.where({ owner: filter.owner });
  }
  if (filter.status) {
    query.where({ status: filter.status });
  }
  if (filter.criteria) {
    applyCriteria(query, filter.criteria);
  }
  return query;
}

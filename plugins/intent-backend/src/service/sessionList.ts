// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  LIVE_SESSION_STATUSES,
  SessionList,
  SessionListScope,
  SessionListStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { SessionFilter, SessionStore } from '../database';
import type { SessionQuery } from '../permissions';

/** Who lists: a signed-in user and the groups they own through. @internal */
export interface SessionListViewer {
  userEntityRef: string;
  /** Group refs among the user's ownership refs: their teams. */
  teams: string[];
}

/** The list's query parameters, as the OpenAPI spec validated them. @internal */
export interface SessionListQuery {
  scope?: SessionListScope;
  status?: SessionListStatus;
  q?: string;
  owner?: string;
}

/** The signed-in user's ref and teams; undefined for a service. */
export async function viewerOf(
  userInfo: UserInfoService,
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
): Promise<SessionListViewer | undefined> {
  if (credentials.principal.type !== 'user') {
    return undefined;
  }
  const info = await userInfo.getUserInfo(
    credentials as BackstageCredentials<BackstageUserPrincipal>,
  );
  return {
    userEntityRef: info.userEntityRef,
    teams: info.ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    ),
  };
}

/**
 * The store filter of a list request: `mine` is the caller's own sessions,
 * `team` those whose team is one of the caller's groups (theirs included),
 * `all` (the default) whatever the read permission lets them see. The
 * permission criteria are added by the caller.
 */
export function sessionListFilter(
  query: SessionListQuery,
  viewer: SessionListViewer | undefined,
): SessionFilter {
  const scope = query.scope ?? 'all';
  if (scope !== 'all' && !viewer) {
    throw new InputError(
      `scope=${scope} lists a signed-in user's sessions; a service lists with scope=all (optionally with owner)`,
    );
  }
  if (
    scope === 'mine' &&
    query.owner !== undefined &&
    query.owner !== viewer!.userEntityRef
  ) {
    throw new InputError(
      `scope=mine lists your own sessions (${
        viewer!.userEntityRef
      }), not those of owner ${query.owner}; send scope=all with owner`,
    );
  }
  const filter: SessionFilter = {
    owner: scope === 'mine' ? viewer!.userEntityRef : query.owner,
    search: query.q,
  };
  if (scope === 'team') {
    filter.teams = viewer!.teams;
  }
  if (query.status === 'live') {
    filter.statuses = LIVE_SESSION_STATUSES;
  } else if (query.status) {
    filter.status = query.status;
  }
  return filter;
}

/**
 * A page of the list with, for a user, the run-rate of their sessions and
 * their teams' (whatever the filters, within what they may read).
 */
export async function listSessionPage(options: {
  store: SessionStore;
  filter: SessionFilter;
  viewer: SessionListViewer | undefined;
  criteria: PermissionCriteria<SessionQuery> | undefined;
  limit: number;
  offset: number;
}): Promise<SessionList> {
  const { store, filter, viewer, criteria } = options;
  const [page, runRate] = await Promise.all([
    store.listSessions({
      ...filter,
      criteria,
      limit: options.limit,
      offset: options.offset,
    }),
    viewer &&
      store.runRate({
        owner: viewer.userEntityRef,
        teams: viewer.teams,
        criteria,
      }),
  ]);
  return runRate ? { ...page, runRate } : page;
}

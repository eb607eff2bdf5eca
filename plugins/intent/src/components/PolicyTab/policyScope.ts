// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { IntentPolicyAppliesTo } from '@intent-sandboxes/backstage-plugin-intent-common';

/** Who is looking: from the identity API. */
export interface Viewer {
  userEntityRef: string;
  /** The user and the groups they belong to. */
  ownershipEntityRefs: string[];
}

/**
 * How a policy's scope concerns the viewer's sessions: `all` (every
 * session), `user` (they are listed), `team` (one of their groups is),
 * `regions` (their sessions in those regions only) or `none`.
 */
export type ViewerCoverage = 'all' | 'user' | 'team' | 'regions' | 'none';

function normalize(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Whether a policy applies to the viewer's sessions, as the backend decides
 * it (`policyAppliesTo` with the owner's groups): refs in the policy default
 * to kind `group` (teams) or `user` (users) and to the policy's namespace,
 * and compare case-insensitively.
 */
export function viewerCoverage(
  appliesTo: IntentPolicyAppliesTo | undefined,
  policyNamespace: string,
  viewer: Viewer,
): ViewerCoverage {
  if (!appliesTo || appliesTo.all) {
    return 'all';
  }
  const mine = new Set(
    [viewer.userEntityRef, ...viewer.ownershipEntityRefs].flatMap(ref => {
      const n = normalize(ref, 'user', 'default');
      return n ? [n] : [];
    }),
  );
  const listed = (refs: string[] | undefined, kind: string) =>
    (refs ?? []).some(ref => {
      const n = normalize(ref, kind, policyNamespace);
      return n !== undefined && mine.has(n);
    });
  if (listed(appliesTo.users, 'user')) {
    return 'user';
  }
  if (listed(appliesTo.teams, 'group')) {
    return 'team';
  }
  if ((appliesTo.regions ?? []).length > 0) {
    return 'regions';
  }
  return 'none';
}

/** The scope in a sentence: "Every session", "Teams: payments; Regions: eu-west-1". */
export function describeAppliesTo(
  appliesTo: IntentPolicyAppliesTo | undefined,
): string {
  if (!appliesTo || appliesTo.all) {
    return 'Every session';
  }
  const parts = [
    ['Teams', appliesTo.teams],
    ['Users', appliesTo.users],
    ['Regions', appliesTo.regions],
  ] as const;
  return parts
    .filter(([, list]) => (list?.length ?? 0) > 0)
    .map(([label, list]) => `${label}: ${list!.join(', ')}`)
    .join('; ');
}

/** What {@link viewerCoverage} means for the viewer, in words. */
export function describeCoverage(
  coverage: ViewerCoverage,
  appliesTo: IntentPolicyAppliesTo | undefined,
): string {
  switch (coverage) {
    case 'all':
      return 'Applies to you: it covers every session';
    case 'user':
      return 'Applies to you: you are listed';
    case 'team':
      return 'Applies to you: a team of yours is listed';
    case 'regions':
      return `Applies to your sessions in ${(appliesTo?.regions ?? []).join(
        ', ',
      )}`;
    default:
      return 'Does not apply to you';
  }
}

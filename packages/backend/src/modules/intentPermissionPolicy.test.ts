// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  intentAdminPermission,
  intentSessionApplyPermission,
  intentSessionApprovePermission,
  intentSessionCreatePermission,
  intentSessionDestroyPermission,
  intentSessionReadPermission,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  decideIntentPermission,
  IntentPortalPermissionPolicy,
} from './intentPermissionPolicy';

function user(name: string, groups: string[]): PolicyQueryUser {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...groups],
    },
  };
}

const dana = user('dana', ['group:default/payments']);
const pat = user('pat', ['group:default/platform']);

describe('decideIntentPermission', () => {
  it('lets the platform group do everything', () => {
    for (const permission of [
      intentSessionReadPermission,
      intentSessionApplyPermission,
      intentSessionDestroyPermission,
      intentSessionApprovePermission,
      intentAdminPermission,
    ]) {
      expect(decideIntentPermission({ permission }, pat)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets a developer create, read their own and their team’s, change their own', () => {
    expect(
      decideIntentPermission(
        { permission: intentSessionCreatePermission },
        dana,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      decideIntentPermission({ permission: intentSessionReadPermission }, dana),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'intent',
      resourceType: 'intent-session',
      conditions: {
        rule: 'IS_OWNER',
        resourceType: 'intent-session',
        params: {
          claims: ['user:default/dana', 'group:default/payments'],
        },
      },
    });
    for (const permission of [
      intentSessionApplyPermission,
      intentSessionDestroyPermission,
    ]) {
      expect(decideIntentPermission({ permission }, dana)).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        conditions: { params: { claims: ['user:default/dana'] } },
      });
    }
  });

  it('never lets a developer approve or administer', () => {
    for (const permission of [
      intentSessionApprovePermission,
      intentAdminPermission,
    ]) {
      expect(decideIntentPermission({ permission }, dana)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('denies a caller without a user', () => {
    expect(
      decideIntentPermission(
        { permission: intentSessionReadPermission },
        undefined,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('leaves other plugins’ permissions to another policy', () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(decideIntentPermission({ permission: other }, dana)).toBeUndefined();
  });

  it('honours configured platform groups', () => {
    expect(
      decideIntentPermission(
        { permission: intentSessionApprovePermission },
        dana,
        { platformGroups: ['group:default/payments'] },
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});

describe('IntentPortalPermissionPolicy', () => {
  it('allows what is not the intent plugin’s, and applies its rules otherwise', async () => {
    const policy = new IntentPortalPermissionPolicy();
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    await expect(policy.handle({ permission: other }, dana)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(
      policy.handle({ permission: intentSessionApprovePermission }, dana),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});

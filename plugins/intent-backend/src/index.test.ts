// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { intentSessionReadPermission } from '@intent-sandboxes/backstage-plugin-intent-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import * as backend from './index';

describe('the package index', () => {
  it('exports the owner-condition helpers for adopters\u2019 permission policies', () => {
    expect(backend.default).toBeDefined();
    expect(backend.sessionResourceRef.resourceType).toBe('intent-session');
    expect(backend.isSessionOwner.name).toBe('IS_OWNER');
    expect(backend.sessionRules.isSessionOwner).toBe(backend.isSessionOwner);
    expect(
      backend.createIntentSessionConditionalDecision(
        intentSessionReadPermission,
        backend.intentSessionConditions.isSessionOwner({
          claims: ['user:default/jane'],
        }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'intent',
      resourceType: 'intent-session',
      conditions: {
        rule: 'IS_OWNER',
        resourceType: 'intent-session',
        params: { claims: ['user:default/jane'] },
      },
    });
  });
});

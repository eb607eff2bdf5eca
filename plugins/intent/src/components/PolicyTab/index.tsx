// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { INTENT_POLICY_KIND } from '@intent-sandboxes/backstage-plugin-intent-common';

export { IntentPolicyContent } from './IntentPolicyContent';

/** The "Policy" tab of IntentPolicy entities: rules, processing errors, what-if. */
export const intentPolicyEntityContent = EntityContentBlueprint.make({
  name: 'policy',
  params: {
    path: '/intent-policy',
    title: 'Policy',
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') ===
      INTENT_POLICY_KIND.toLocaleLowerCase('en-US'),
    loader: () =>
      import('./IntentPolicyContent').then(m => <m.IntentPolicyContent />),
  },
});

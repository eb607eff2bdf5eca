// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

// Written as YAML text: `yaml` is not a dependency of this package.
export const examples: TemplateExample[] = [
  {
    description: 'Read an intent session chosen in the template parameters.',
    example: `steps:
  - id: fetch-session
    name: Read the intent session
    action: intent:session:fetch
    input:
      sessionId: \${{ parameters.sessionId }}
`,
  },
  {
    description:
      'Read an intent session by id and use its plan and resources in later steps.',
    example: `steps:
  - id: fetch-session
    name: Read the intent session
    action: intent:session:fetch
    input:
      sessionId: 3f2c9a4e-5b1d-4c8e-9f0a-7d6e5c4b3a21
  - id: log-session
    name: Show what will be promoted
    action: debug:log
    input:
      message: \${{ steps['fetch-session'].output.session.title }} in \${{ steps['fetch-session'].output.plan.region }}
`,
  },
];

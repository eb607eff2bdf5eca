// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Mark the session promoted once its repository is published and its component registered.',
    example: `steps:
  - id: promote
    name: Mark the session promoted
    action: intent:session:promote
    input:
      sessionId: \${{ parameters.sessionId }}
      repositoryUrl: \${{ steps.publish.output.remoteUrl }}
      entityRef: \${{ steps.register.output.entityRef }}
`,
  },
];

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Write the Terraform and catalog-info.yaml of the session chosen in the form.',
    example: `steps:
  - id: export
    name: Export the session as Terraform
    action: intent:session:export
    input:
      sessionId: \${{ parameters.sessionId }}
`,
  },
  {
    description:
      'Export into a subfolder under a chosen component name and description.',
    example: `steps:
  - id: export
    name: Export the session as Terraform
    action: intent:session:export
    input:
      sessionId: 3f2c9a4e-5b1d-4c8e-9f0a-7d6e5c4b3a21
      name: web-sandbox
      description: The web sandbox, now managed with Terraform
      targetPath: infra
`,
  },
];

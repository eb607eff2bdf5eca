// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace to a local bare repository named after the exported component.',
    example: `steps:
  - id: publish
    name: Publish to a local git repository
    action: intent:publish:local-git
    input:
      repoName: \${{ steps.export.output.componentName }}
`,
  },
  {
    description: 'Publish a subfolder of the workspace on a branch of its own.',
    example: `steps:
  - id: publish
    name: Publish to a local git repository
    action: intent:publish:local-git
    input:
      repoName: web-sandbox
      sourcePath: infra
      defaultBranch: trunk
      commitMessage: Terraform of the web sandbox
`,
  },
];

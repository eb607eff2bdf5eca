// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Register the catalog file of the repository published in the step before.',
    example: `steps:
  - id: register
    name: Register the component
    action: intent:catalog:register-file
    input:
      catalogInfoPath: \${{ steps.publish.output.catalogInfoPath }}
`,
  },
];

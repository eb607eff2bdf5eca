// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Flex, Text } from '@backstage/ui';

/** Intents the offline planner understands, to start from. */
export const EXAMPLE_INTENTS = [
  'a t3.micro with Ubuntu 24.04 in eu-west-1, ssh from 203.0.113.4, for 4 hours',
  'two t3.small web servers with Debian, port 443 open to the world, for a day',
  'an S3 bucket for test fixtures, private, for 8 hours',
];

/** What an empty list teaches: what to type, and what happens then. */
export function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return <Text>No sandbox matches: change the filter or the search.</Text>;
  }
  return (
    <Flex direction="column" gap="2" aria-label="No sandboxes yet">
      <Text weight="bold">No sandboxes yet.</Text>
      <Text>
        Say what you need in the box above, in plain language. You see the plan,
        the guardrails' verdict and the cost before anything is created. For
        example:
      </Text>
      <ul>
        {EXAMPLE_INTENTS.map(example => (
          <li key={example}>
            <code>{example}</code>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

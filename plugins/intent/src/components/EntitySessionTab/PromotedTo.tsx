// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Alert, Flex, Text } from '@backstage/ui';

/** On the page of a promoted session: the catalog component it became. */
export function PromotedTo(props: { entityRef: string }) {
  return (
    <Alert
      status="success"
      title={
        <Flex gap="1" align="center">
          <Text>Promoted to Terraform: </Text>
          <EntityRefLink entityRef={props.entityRef} />
        </Flex>
      }
    />
  );
}

// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Alert,
  Badge,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { sessionIdOf } from './annotation';

/**
 * The entity tab of a component promoted from a session: which session it
 * came from, its state, and a link to the session page.
 */
export function EntitySessionTab() {
  const { entity } = useEntity();
  const api = useApi(intentApiRef);
  const intentRoot = useRouteRef(rootRouteRef);
  const sessionId = sessionIdOf(entity);

  const { value, loading, error } = useAsync(
    async () => (sessionId ? api.getSession({ id: sessionId }) : undefined),
    [api, sessionId],
  );

  if (!sessionId) {
    return null;
  }
  const sessionPath = `${
    intentRoot?.() ?? '/intent'
  }/sessions/${encodeURIComponent(sessionId)}`;
  return (
    <Card>
      <CardHeader>
        <Text variant="title-small" as="h2">
          Intent sandbox session
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {error && (
            <Alert
              status="warning"
              title={`Could not read session ${sessionId}: ${error.message}`}
            />
          )}
          {loading && <Text>Loading session {sessionId}…</Text>}
          {value && (
            <Flex direction="column" gap="2">
              <Flex gap="2" align="center">
                <Text weight="bold">{value.session.title}</Text>
                <Badge>{value.session.status}</Badge>
              </Flex>
              <Text>
                Owner {value.session.owner} · region {value.session.region} ·{' '}
                {value.resources.length} resources
              </Text>
            </Flex>
          )}
          <Link href={sessionPath}>Open session {sessionId}</Link>
        </Flex>
      </CardBody>
    </Card>
  );
}
